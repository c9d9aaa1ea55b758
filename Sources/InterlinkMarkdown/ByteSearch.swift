#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches byte arrays with the C library's `memchr` and `memcmp`, which skip through a file many
/// bytes at a time: byte-by-byte loops over slices were a few percent of a whole run, for the `<!--` of
/// suppression comments and the closing delimiters of templates and wikilinks.
public enum ByteSearch {
    /// The offset of the first `byte` in `bytes[start..<end]`, or nil.
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int, end: Int) -> Int? {
        let end = min(end, bytes.count)
        guard start >= 0, start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), end - start) else {
                return nil
            }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// The offset of the first `needle` in `bytes[start..<end]`, or nil.
    public static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int, end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        guard !needle.isEmpty, start >= 0, end - start >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            needle.withUnsafeBufferPointer { wanted -> Int? in
                guard let base = haystack.baseAddress, let wantedBase = wanted.baseAddress else { return nil }
                var index = start
                let last = end - wanted.count
                while index <= last {
                    // The next candidate first byte, found by `memchr`; then the rest compared.
                    guard let found = memchr(base + index, Int32(wantedBase[0]), last - index + 1) else { return nil }
                    let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    if memcmp(base + offset, wantedBase, wanted.count) == 0 { return offset }
                    index = offset + 1
                }
                return nil
            }
        }
    }
}
