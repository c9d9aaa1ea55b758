import Foundation
import InterlinkMarkdown

/// One problem `interlink audit` found, located in a file, with a fix where there is one.
public struct AuditFinding: Sendable, Hashable, Codable {
    /// The rule that found it.
    public var rule: AuditRule
    /// How much it matters (see `AuditRule.severity`).
    public var severity: Finding.Severity
    /// Path relative to the site root.
    public var path: String
    /// 1-based line (1 for findings about a whole article).
    public var line: Int
    /// 1-based column in UTF-8 bytes.
    public var column: Int
    /// What is wrong, as a sentence.
    public var message: String
    /// The article the link points to, for findings about a link that reaches one.
    public var target: String?
    /// How to fix it, when Interlink knows.
    public var fix: AuditFix?

    public init(
        rule: AuditRule, path: String, line: Int = 1, column: Int = 1, message: String, target: String? = nil,
        fix: AuditFix? = nil
    ) {
        self.rule = rule
        self.severity = rule.severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.target = target
        self.fix = fix
    }

    /// The finding for the shared reporters; the fix, when there is one, ends the message.
    public var finding: Finding {
        let text = fix.map { message + "; fix: " + $0.description } ?? message
        return Finding(rule: rule.rawValue, severity: severity, path: path, line: line, column: column, message: text)
    }
}

/// How to fix a finding: a sentence, and either an edit `--fix` makes or the links to add.
public struct AuditFix: Sendable, Hashable, Codable {
    /// What to do, as a sentence.
    public var description: String
    /// The change `interlink audit --fix` makes (absent when the fix is for a person to make).
    public var edit: TextEdit?
    /// Links the suggester proposes (orphans, dead ends, deep pages), best first.
    public var links: [Suggestion]?
    /// What the rewritten file must hold for the edit to be accepted (not part of the JSON).
    var expectation: EditExpectation?

    enum CodingKeys: String, CodingKey {
        case description, edit, links
    }

    public init(description: String, edit: TextEdit? = nil, links: [Suggestion]? = nil) {
        self.description = description
        self.edit = edit
        self.links = links
    }
}

/// A byte range of a file and the text that replaces it.
public struct TextEdit: Sendable, Hashable, Codable {
    /// 0-based byte offset in the file (BOM and front matter included).
    public var offset: Int
    /// Bytes replaced.
    public var length: Int
    /// The new text.
    public var replacement: String

    public init(offset: Int, length: Int, replacement: String) {
        self.offset = offset
        self.replacement = replacement
        self.length = length
    }

    /// The byte range replaced.
    public var range: Range<Int> { offset..<(offset + length) }
}

/// What an audit fix must leave in the re-parsed file: the link it rewrites or removes, and the link
/// it writes in its place (if any), with the text that link must read.
struct EditExpectation: Sendable, Hashable {
    /// The existing link the edit replaces or removes.
    var removed: MarkdownLink
    /// Where the new link sits inside the replacement, what it reads and which article it reaches.
    var added: AddedLink?

    struct AddedLink: Sendable, Hashable {
        var rangeInReplacement: Range<Int>
        var text: String
        var target: Int
    }
}
