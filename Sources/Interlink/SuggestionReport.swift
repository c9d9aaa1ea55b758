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
        var bytes = Data()
        try writeJSON { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the JSON form (`json()`) in pieces: each suggestion is encoded on its own, so a report of
    /// a large site is never held whole in memory, or as an encoder's tree. The bytes are exactly those
    /// `JSONEncoder` gives the whole report (pretty, sorted keys, a final newline).
    public func writeJSON(batchSize: Int = 512, _ write: (Data) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var shell = self
        shell.suggestions = []
        // The whole report with no suggestions, cut around its empty array: `"suggestions" : [` + `\n\n  ]`.
        let empty = String(decoding: try encoder.encode(shell), as: UTF8.self)
        guard let array = empty.range(of: "\"suggestions\" : [\n\n  ]") else {
            throw EncodingError.invalidValue(
                shell, EncodingError.Context(codingPath: [], debugDescription: "unexpected JSON layout"))
        }
        let head = empty[..<array.lowerBound] + "\"suggestions\" : [\n"
        let tail = "\n  ]" + empty[array.upperBound...] + "\n"
        var chunk = Data(head.utf8)
        for (number, suggestion) in suggestions.enumerated() {
            if number > 0 { chunk.append(contentsOf: Array(",\n".utf8)) }
            // Nested two levels deep: every line of the suggestion's own JSON moves right by four spaces.
            // JSON strings hold no raw newline, so each newline of the encoding is a line break.
            let element = try encoder.encode(suggestion)
            chunk.append(contentsOf: Array("    ".utf8))
            for byte in element {
                chunk.append(byte)
                if byte == 0x0A { chunk.append(contentsOf: Array("    ".utf8)) }
            }
            if (number + 1) % batchSize == 0 {
                try write(chunk)
                chunk = Data()
            }
        }
        chunk.append(contentsOf: Array(tail.utf8))
        try write(chunk)
    }

    /// One line per suggestion: `path:line:col: suggestion: link "anchor" to target (score: reason)`.
    public func text() -> String {
        (try? TextReporter().render(suggestions.map(\.finding), context: ReportContext(toolVersion: "", json: "", colored: false))) ?? ""
    }
}
