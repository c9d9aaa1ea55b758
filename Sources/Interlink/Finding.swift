import Foundation

/// One thing a command reports about a file: a suggested link, or an audit finding.
/// Every output format (text, JSON, SARIF, GitHub annotations) is made from these.
public struct Finding: Sendable, Hashable, Codable {
    /// How much the finding matters.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// A proposed improvement (suggested links).
        case suggestion
        /// Worth fixing.
        case warning
        /// Wrong (e.g. a broken link).
        case error
    }

    /// Rule or kind id (`suggestion`, `orphan`, `broken-link`…).
    public var rule: String
    /// How much the finding matters.
    public var severity: Severity
    /// Path relative to the site root.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column in UTF-8 bytes.
    public var column: Int
    /// What the finding says, as a sentence.
    public var message: String
    /// A stable id (suggestions), shown so it can be passed to `interlink reject`.
    public var id: String?

    public init(rule: String, severity: Severity, path: String, line: Int, column: Int, message: String, id: String? = nil) {
        self.id = id
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }
}

extension Suggestion {
    /// The suggestion as a finding: `link "anchor" to target (score: reason)`.
    public var finding: Finding {
        let destination = target + (fragment.map { "#" + $0 } ?? "")
        let scoreText = FixedDecimal.text(score, places: 2)
        return Finding(
            rule: "suggestion", severity: .suggestion, path: source, line: line, column: column,
            message: "link \"\(readAnchor)\" to \(destination) (score \(scoreText): \(reason))", id: id)
    }
}
