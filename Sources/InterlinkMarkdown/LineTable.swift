/// The start offset of every line of a file, for turning byte offsets into lines and columns and back.
///
/// Line endings are `\n`, `\r\n` and a lone `\r`, the same three that CommonMark (and so cmark) counts.
public struct LineTable: Sendable, Hashable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Total number of bytes in the file.
    public let byteCount: Int

    /// Builds the table for `bytes`.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        var starts = [0]
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1 - bytes.startIndex)
            } else if byte == 0x0D {
                if index + 1 < end, bytes[index + 1] == 0x0A {
                    index += 1
                }
                starts.append(index + 1 - bytes.startIndex)
            }
            index += 1
        }
        lineStarts = starts
        byteCount = bytes.count
    }

    /// Number of lines (a final line ending opens one more, empty, line).
    public var lineCount: Int { lineStarts.count }

    /// Byte offset of the start of 1-based `line`, or nil when the file has no such line.
    public func offset(ofLine line: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return lineStarts[line - 1]
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
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: offset - lineStarts[low] + 1, offset: offset)
    }
}
