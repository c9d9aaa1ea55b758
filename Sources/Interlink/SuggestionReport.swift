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

    /// Writes the JSON form (`json()`) in pieces: the suggestions are encoded `batchSize` at a time, so
    /// the report of a large site is never held whole in memory, or as an encoder's tree. The bytes are exactly those
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
        try write(Data(head.utf8))
        // Suggestions are encoded a batch at a time, as an array: `[\n  {…},\n  {…}\n]`. Nested one
        // level deeper in the report, every line of a batch moves right by two spaces; JSON strings hold
        // no raw newline, so each newline of the encoding is a line break.
        var start = 0
        while start < suggestions.count {
            let end = min(start + batchSize, suggestions.count)
            let encoded = try encoder.encode(Array(suggestions[start..<end]))
            // Drop the array's own brackets: "[\n" before the first element and "\n]" after the last.
            var chunk: [UInt8] = []
            chunk.reserveCapacity(encoded.count + encoded.count / 8 + 8)
            if start > 0 { chunk.append(contentsOf: ",\n".utf8) }
            encoded.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let body = UnsafeRawBufferPointer(rebasing: raw[2..<(raw.count - 2)])
                var lineStart = 0
                for index in body.indices where body[index] == 0x0A {
                    chunk.append(contentsOf: "  ".utf8)
                    chunk.append(contentsOf: body[lineStart...index])
                    lineStart = index + 1
                }
                chunk.append(contentsOf: "  ".utf8)
                chunk.append(contentsOf: body[lineStart...])
            }
            try write(Data(chunk))
            start = end
        }
        try write(Data(tail.utf8))
    }

    /// One line per suggestion: `path:line:col: suggestion: link "anchor" to target (score: reason)`.
    public func text() -> String {
        (try? TextReporter().render(suggestions.map(\.finding), context: ReportContext(toolVersion: "", json: "", colored: false))) ?? ""
    }
}
