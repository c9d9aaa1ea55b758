import Foundation

/// The `interlink suggest` report. Its JSON form is a versioned contract documented in `Docs/CLI.md`.
public struct SuggestionReport: Sendable, Codable {
    /// Version of the JSON shape.
    public var version = 1
    /// The site root as given.
    public var root: String
    /// Score threshold used.
    public var minimumScore: Double
    /// How the threshold was chosen (`given`, `calibrated`, `default`).
    public var threshold: String
    /// The suggestions, sorted by source path and offset.
    public var suggestions: [Suggestion]

    public init(root: String, result: SuggestResult) {
        self.root = root
        self.minimumScore = result.minimumScore
        self.threshold = result.thresholdOrigin
        self.suggestions = result.suggestions
    }

    /// Pretty, key-sorted JSON with a final newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One line per suggestion: `path:line:col: suggestion: link "anchor" to target (score: reason)`.
    public func text() -> String {
        (try? TextReporter().render(suggestions.map(\.finding), context: ReportContext(toolVersion: "", json: "", colored: false))) ?? ""
    }
}
