/// Counts words: runs of letters and digits (apostrophes and hyphens inside a word keep it whole).
public enum WordCounter {
    /// Number of words in UTF-8 bytes.
    public static func count<Bytes: Sequence>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays and their slices, most callers) are read through a pointer.
        if let counted = bytes.withContiguousStorageIfAvailable({ countWords($0) }) { return counted }
        return countWords(bytes)
    }

    /// The count, without a branch per byte: prose changes between words and spaces every few bytes,
    /// which a branch mispredicts (the branching loop was 3 % of a `suggest` run, all of it in the
    /// parse stage's count of every paragraph's words).
    @inline(__always)
    private static func countWords<Bytes: Sequence>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var words = 0
        var inWord = 0
        for byte in bytes {
            // Bytes of multi-byte characters count as word characters (letters of most scripts).
            let isWordByte = isWord(byte)
            // A word starts at a word byte outside a word; `'` and `-` inside a word continue it.
            words &+= isWordByte & (inWord ^ 1)
            inWord = isWordByte | (inWord & isJoiner(byte))
        }
        return words
    }

    /// 1 for an ASCII letter or digit or a byte of a multi-byte character, else 0.
    @inline(__always)
    static func isWord(_ byte: UInt8) -> Int {
        let digit = byte &- 0x30 < 10
        // `| 0x20` folds A–Z onto a–z and moves no other byte into a–z.
        let letter = (byte | 0x20) &- 0x61 < 26
        let multiByte = byte >= 0x80
        return (digit ? 1 : 0) | (letter ? 1 : 0) | (multiByte ? 1 : 0)
    }

    /// 1 for `'` or `-`, the bytes that keep a word going.
    @inline(__always)
    static func isJoiner(_ byte: UInt8) -> Int {
        (byte == UInt8(ascii: "'") ? 1 : 0) | (byte == UInt8(ascii: "-") ? 1 : 0)
    }

    /// Number of words in a string.
    public static func count(_ text: String) -> Int { count(text.utf8) }
}
