/// Counts words: runs of letters and digits (apostrophes and hyphens inside a word keep it whole).
public enum WordCounter {
    /// Number of words in UTF-8 bytes.
    public static func count<Bytes: Sequence>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays and their slices, most callers) are read through a pointer.
        if let counted = bytes.withContiguousStorageIfAvailable({ countWords($0) }) { return counted }
        return countWords(bytes)
    }

    @inline(__always)
    private static func countWords<Bytes: Sequence>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var words = 0
        var inWord = false
        for byte in bytes {
            // Bytes of multi-byte characters count as word characters (letters of most scripts).
            let isWordByte =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte >= 0x80
            if isWordByte {
                if !inWord { words += 1 }
                inWord = true
            } else if !(inWord && (byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-"))) {
                inWord = false
            }
        }
        return words
    }

    /// Number of words in a string.
    public static func count(_ text: String) -> Int { count(text.utf8) }
}
