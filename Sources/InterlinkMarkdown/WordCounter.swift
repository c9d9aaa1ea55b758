/// Counts words: runs of letters and digits (apostrophes and hyphens inside a word keep it whole).
public enum WordCounter {
    /// Number of words in UTF-8 bytes.
    public static func count<Bytes: Sequence>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays and their slices, most callers) are read through a pointer.
        if let counted = bytes.withContiguousStorageIfAvailable({ countWords($0) }) { return counted }
        var words = 0
        var inWord = 0
        for byte in bytes { step(byte, &words, &inWord) }
        return words
    }

    /// Number of words in a string.
    public static func count(_ text: String) -> Int { count(text.utf8) }

    /// The count, eight bytes at a time: every paragraph's words are counted in the parse stage, and
    /// a loop with a branch per byte (prose changes between words and spaces every few bytes) was 3 %
    /// of a `suggest` run, a branch-free loop per byte still 2 %. Eight bytes without `'` or `-` are
    /// classified at once (`wordFlags`): a word starts at each word byte whose byte before is not
    /// one. Eight bytes with a joiner, and the last few, go byte by byte (`step`).
    private static func countWords(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        // 1 when the byte before `position` is inside a word.
        var inWord = 0
        var position = 0
        if let base = buffer.baseAddress {
            while position + 8 <= buffer.count {
                let chunk = ByteWord.load(base, position)
                if hasJoiner(chunk) {
                    for offset in position..<(position + 8) { step(buffer[offset], &words, &inWord) }
                } else {
                    let flags = wordFlags(chunk)
                    // Each byte's flag moved onto the byte after it; the first byte's from before.
                    let before = flags << 8 | UInt64(inWord) << 7
                    words += (flags & ~before).nonzeroBitCount
                    inWord = Int(flags >> 63)
                }
                position += 8
            }
        }
        while position < buffer.count {
            step(buffer[position], &words, &inWord)
            position += 1
        }
        return words
    }

    /// One byte of the count: a word byte outside a word starts one; `'` and `-` inside a word
    /// continue it; any other byte ends it. Without a branch.
    @inline(__always)
    static func step(_ byte: UInt8, _ words: inout Int, _ inWord: inout Int) {
        let isWordByte = isWord(byte)
        words &+= isWordByte & (inWord ^ 1)
        inWord = isWordByte | (inWord & isJoiner(byte))
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

    /// The top bit of each of the eight bytes set where the byte is a word byte (`isWord`): an ASCII
    /// letter or digit, or a byte of a multi-byte character.
    @inline(__always)
    static func wordFlags(_ chunk: UInt64) -> UInt64 {
        ByteWord.asciiLettersAndDigits(chunk) | chunk & ByteWord.highBits
    }

    /// Whether any of the eight bytes is `'` or `-`.
    @inline(__always)
    static func hasJoiner(_ chunk: UInt64) -> Bool {
        ByteWord.bytes(chunk, equalTo: UInt8(ascii: "'")) | ByteWord.bytes(chunk, equalTo: UInt8(ascii: "-")) != 0
    }
}
