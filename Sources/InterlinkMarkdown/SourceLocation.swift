/// A position in a file: 1-based line, 1-based column counted in UTF-8 bytes, and the 0-based byte offset.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line number in the whole file (front matter included).
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes from the start of the line.
    public var column: Int
    /// 0-based byte offset from the start of the file (BOM included).
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}
