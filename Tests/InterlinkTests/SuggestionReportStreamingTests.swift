import Foundation
import Interlink
import Testing

/// The streamed JSON report (`writeJSON`) is byte for byte what `JSONEncoder` gives the whole report,
/// whatever the number of suggestions and however the stream is cut into pieces.
@Suite struct SuggestionReportStreamingTests {
    static func suggestion(_ number: Int, fragment: String? = nil) -> Suggestion {
        Suggestion(
            id: "id\(number)", source: "posts/a\(number).md", line: number + 1, column: 3, offset: 40 * number,
            length: 9, anchor: "an \"anchor\" \\ é\(number)", target: "docs/b.md", url: "../b/", fragment: fragment,
            score: 0.25 + Double(number) / 1000, reason: "matched a title\nover two lines")
    }

    static func wholeReport(_ report: SuggestionReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    @Test(arguments: [0, 1, 2, 5, 1100])
    func streamedBytesAreTheEncoderBytes(count: Int) throws {
        let result = SuggestResult(
            suggestions: (0..<count).map { Self.suggestion($0, fragment: $0 % 2 == 0 ? "part" : nil) },
            minimumScore: 0.3, thresholdOrigin: "default")
        let report = SuggestionReport(root: "/site", result: result)
        var pieces: [Data] = []
        try report.writeJSON(batchSize: 2) { pieces.append($0) }
        let streamed = String(decoding: pieces.reduce(Data(), +), as: UTF8.self)
        #expect(streamed == (try Self.wholeReport(report)))
        #expect(try report.json() == streamed)
        // The head, one piece per batch of two, the tail.
        #expect(pieces.count == 2 + (count + 1) / 2)
    }
}
