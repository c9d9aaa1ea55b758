/// A problem found while reading or checking a site, located in a file.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file (or the run) could not be processed.
        case error
        /// Processed, but something is worth a look.
        case warning
    }

    /// Path relative to the site root (or as given for files outside it).
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column in UTF-8 bytes.
    public var column: Int
    /// How bad it is.
    public var severity: Severity
    /// What is wrong, as a sentence.
    public var message: String

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `path:line:col: error: message`, the form compilers and editors understand.
    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }
}
