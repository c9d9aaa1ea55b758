import Foundation
@testable import Interlink
import Testing

/// The suggestions of the JSON report are written by hand (`SuggestionJSON`); their bytes must be
/// those `JSONEncoder` writes, for every string and number a suggestion can hold.
@Suite struct SuggestionJSONTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func suggestion(text: String, score: Double, fragment: String?) -> Suggestion {
        Suggestion(
            id: "id\(text)", source: "posts/\(text).md", line: 12, column: 5, offset: 345, length: 11,
            anchor: text, target: "a/b/\(text).md", url: "/a/b/\(text)/", fragment: fragment, score: score,
            reason: "matches \"\(text)\"; specificity 0.5")
    }

    static func handWritten(_ suggestion: Suggestion) -> String {
        var bytes: [UInt8] = []
        SuggestionJSON.append(suggestion, indent: 0, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encoded(_ suggestion: Suggestion) throws -> String {
        String(decoding: try encoder().encode(suggestion), as: UTF8.self)
    }

    /// Every ASCII character, alone and inside text, and non-ASCII text of every UTF-8 length.
    static let strings: [String] =
        (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        + (0..<128).map { "a\(String(UnicodeScalar(UInt8($0))))b" }
        + ["", "Ünïcödé", "日本語のタイトル", "emoji 📦 and 👩‍👩‍👧", "e\u{301}", "\u{2028}\u{2029}", "\u{FEFF}bom", "\u{7F}",
            "back\\slash \"quoted\" /slashed/ </script>", "tab\tnew\nline\r\n"]

    @Test(arguments: strings)
    func stringsAreWrittenAsTheEncoderWritesThem(text: String) throws {
        let suggestion = Self.suggestion(text: text, score: 0.5, fragment: text.isEmpty ? nil : "#\(text)")
        #expect(Self.handWritten(suggestion) == (try Self.encoded(suggestion)))
    }

    @Test func numbersAreWrittenAsTheEncoderWritesThem() throws {
        var scores: [Double] = [0, 1, 0.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.83, 1e-7, 1e-5, 0.0001, 123_456_789,
            1e16, 1e22, 5e-324, Double.greatestFiniteMagnitude, -0.0, -1.5]
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            scores.append(Double(state >> 11) / Double(1 << 53))
        }
        for score in scores {
            let suggestion = Self.suggestion(text: "x", score: score, fragment: nil)
            #expect(Self.handWritten(suggestion) == (try Self.encoded(suggestion)), "score \(score)")
        }
    }

    @Test(arguments: [0, 1, 3, 1_100])
    func aReportIsWrittenAsTheEncoderWritesIt(count: Int) throws {
        let suggestions = (0..<count).map {
            Self.suggestion(text: Self.strings[$0 % Self.strings.count], score: Double($0) / 1_100, fragment: $0 % 2 == 0 ? nil : "s")
        }
        var report = SuggestionReport(
            root: "/site", result: SuggestResult(suggestions: [], minimumScore: 0.3, thresholdOrigin: "default"))
        report.suggestions = suggestions
        var written = Data()
        try report.writeJSON(batchSize: 512) { written.append($0) }
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: try Self.encoder().encode(report), as: UTF8.self) + "\n")
    }

    @Test func aScoreThatIsNoNumberIsAnError() {
        var report = SuggestionReport(
            root: "/site", result: SuggestResult(suggestions: [], minimumScore: 0.3, thresholdOrigin: "default"))
        report.suggestions = [Self.suggestion(text: "x", score: .nan, fragment: nil)]
        #expect(throws: EncodingError.self) { try report.writeJSON { _ in } }
    }
}
