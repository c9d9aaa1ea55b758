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

    /// Writes the JSON form (`json()`) in pieces: the suggestions are written `batchSize` at a time, so
    /// the report of a large site is never held whole in memory. The bytes are exactly those
    /// `JSONEncoder` gives the whole report (pretty, sorted keys, a final newline): the report's shell
    /// comes from the encoder, the suggestions from `SuggestionJSON`.
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
        // Suggestions are written a batch at a time (`SuggestionJSON`), each object indented to sit in
        // the report's array, separated by `,` and a line break. The batches of a wave are encoded on
        // all cores, then written in order.
        let suggestions = self.suggestions
        var start = 0
        while start < suggestions.count {
            let waveEnd = min(start + batchSize * Self.batchesPerWave, suggestions.count)
            let batches = stride(from: start, to: waveEnd, by: batchSize).map { $0..<min($0 + batchSize, waveEnd) }
            let encoded = batches.parallelMap { batch -> Result<[UInt8], EncodingError> in
                var chunk: [UInt8] = []
                for index in batch {
                    guard suggestions[index].score.isFinite else {
                        return .failure(
                            EncodingError.invalidValue(
                                suggestions[index].score,
                                EncodingError.Context(codingPath: [], debugDescription: "a score that is not a finite number")))
                    }
                    if index > 0 { chunk.append(contentsOf: ",\n".utf8) }
                    SuggestionJSON.append(suggestions[index], indent: 4, to: &chunk)
                }
                return .success(chunk)
            }
            for chunk in encoded { try write(Data(chunk.get())) }
            start = waveEnd
        }
        try write(Data(tail.utf8))
    }

    /// Batches encoded at once by `writeJSON`: enough for every core, few enough to keep memory small.
    static let batchesPerWave = 8

    /// One line per suggestion: `path:line:col: suggestion: link "anchor" to target (score: reason)`.
    public func text() -> String {
        (try? TextReporter().render(suggestions.map(\.finding), context: ReportContext(toolVersion: "", json: "", colored: false))) ?? ""
    }
}
