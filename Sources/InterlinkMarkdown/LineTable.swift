#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start offset of every line of a file, for turning byte offsets into lines and columns and back.
///
/// Line endings are `\n`, `\r\n` and a lone `\r`, the same three that CommonMark (and so cmark) counts.
///
/// Offsets are kept in 32 bits (a large site holds millions of lines): the bytes must be at most
/// 4 GiB, as every file read is (`MarkdownParser.maximumFileSize`).
public struct LineTable: Sendable, Hashable {
    /// Byte offset at which each line starts; `starts[0] == 0`.
    private let starts: [UInt32]
    /// Total number of bytes in the file.
    public let byteCount: Int

    /// Builds the table for `bytes` (at most 4 GiB).
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        precondition(bytes.count <= Int(UInt32.max), "LineTable holds offsets of at most 4 GiB")
        let table = bytes.withContiguousStorageIfAvailable { Self.lineStarts(of: UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { Self.lineStarts(of: $0) }
        // The table was built with room to spare (a guess of one line per 40 bytes); the one kept fits.
        starts = table.fitted()
        byteCount = bytes.count
    }

    /// A table read back from somewhere it was kept (a cache), checked: nil unless `starts` begins
    /// with 0 and rises strictly, and no start lies past `byteCount`.
    public init?(starts: [UInt32], byteCount: Int) {
        guard starts.first == 0, byteCount >= 0, byteCount <= Int(UInt32.max),
            Int(starts[starts.count - 1]) <= byteCount
        else { return nil }
        for index in 1..<starts.count where starts[index] <= starts[index - 1] { return nil }
        self.starts = starts
        self.byteCount = byteCount
    }

    /// Byte offset at which each line starts; `lineStarts[0] == 0` (a new array: prefer `start(ofLineAt:)`).
    public var lineStarts: [Int] { starts.map { Int($0) } }

    /// Byte offset at which the line with 0-based index `index` starts.
    @inline(__always)
    public func start(ofLineAt index: Int) -> Int { Int(starts[index]) }

    private static func lineStarts(of buffer: UnsafeRawBufferPointer) -> [UInt32] {
        var starts: [UInt32] = [0]
        guard let base = buffer.baseAddress, buffer.count > 0 else { return starts }
        starts.reserveCapacity(buffer.count / 40 + 1)
        let count = buffer.count
        if memchr(base, 0x0D, count) == nil {
            // No carriage returns: line starts are just after each `\n`.
            var offset = 0
            while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
                let position = base.distance(to: UnsafeRawPointer(found))
                starts.append(UInt32(position + 1))
                offset = position + 1
            }
            return starts
        }
        var index = 0
        while index < count {
            let byte = buffer[index]
            if byte == 0x0A {
                starts.append(UInt32(index + 1))
            } else if byte == 0x0D {
                if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                starts.append(UInt32(index + 1))
            }
            index += 1
        }
        return starts
    }

    /// Number of lines (a final line ending opens one more, empty, line).
    public var lineCount: Int { starts.count }

    /// Byte offset of the start of 1-based `line`, or nil when the file has no such line.
    public func offset(ofLine line: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        return Int(starts[line - 1])
    }

    /// Byte offset for a 1-based line and 1-based byte column, or nil when out of range.
    public func offset(line: Int, column: Int) -> Int? {
        guard let start = offset(ofLine: line), column >= 1 else { return nil }
        let offset = start + column - 1
        return offset <= byteCount ? offset : nil
    }

    /// The line and column of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: offset - Int(starts[low]) + 1, offset: offset)
    }
}
