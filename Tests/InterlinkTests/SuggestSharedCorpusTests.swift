import Foundation
import Interlink
import Testing

/// Suggestion quality on the shared link-restoration corpora (`../shared/corpora/NAME`): real sites
/// with their internal prose links removed, and the removed links in `truth.json`. Pair precision and
/// recall are computed as `eval/score.py` does, over distinct (source, target) pairs, at the
/// default threshold. The bars sit just below the measured values (vue-docs P .728 R .520, golang-blog
/// P .629 R .282, fifth session), so that losing a rule that earns its place (list entries and "See
/// also" lines on vue-docs, quoted and long titles on golang-blog) fails.
@Suite struct SuggestSharedCorpusTests {
    static let corporaRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpora")

    static var corporaPresent: Bool { FileManager.default.fileExists(atPath: corporaRoot.path) }

    /// A corpus and the quality it must keep.
    struct Bar: Sendable, CustomTestStringConvertible {
        var corpus: String
        var precision: Double
        var recall: Double
        var testDescription: String { corpus }
    }

    static let bars = [
        Bar(corpus: "vue-docs", precision: 0.70, recall: 0.51),
        Bar(corpus: "golang-blog", precision: 0.60, recall: 0.35),
    ]

    private struct TruthLink: Decodable {
        var source: String
        var target: String
    }

    private struct Pair: Hashable {
        var source: String
        var target: String
    }

    @Test(.enabled(if: corporaPresent, "../shared/corpora is absent (a user's clone): skipped"), arguments: bars)
    func pairPrecisionAndRecallStayAboveTheBar(bar: Bar) async throws {
        let folder = Self.corporaRoot.appendingPathComponent(bar.corpus)
        let truthURL = folder.appendingPathComponent("truth.json")
        try #require(FileManager.default.fileExists(atPath: truthURL.path), "\(bar.corpus) has no truth.json")
        let truth = try JSONDecoder().decode([TruthLink].self, from: Data(contentsOf: truthURL))
        let truePairs = Set(truth.map { Pair(source: $0.source, target: $0.target) })

        let loaded = await SiteLoader.load(root: folder.appendingPathComponent("site"))
        #expect(loaded.diagnostics.isEmpty)
        let site = loaded.site
        // The options `interlink suggest` runs with when nothing is configured.
        let suggester = Suggester(site: site, graph: LinkGraph(site: site), options: SuggestOptions(configuration: Configuration()))
        let result = suggester.suggest()
        // The corpora have had their internal links removed, so there is nothing to calibrate on.
        #expect(result.thresholdOrigin == "default")
        let predicted = Set(result.suggestions.map { Pair(source: $0.source, target: $0.target) })
        try #require(!predicted.isEmpty)
        let correct = predicted.intersection(truePairs).count
        let precision = Double(correct) / Double(predicted.count)
        let recall = Double(correct) / Double(truePairs.count)
        let measured = String(format: "%@: P %.3f R %.3f (%d of %d predicted pairs right, %d true pairs)",
            bar.corpus, precision, recall, correct, predicted.count, truePairs.count)
        #expect(precision >= bar.precision, "\(measured)")
        #expect(recall >= bar.recall, "\(measured)")
    }

    @Test(.enabled(if: corporaPresent, "../shared/corpora is absent (a user's clone): skipped"), arguments: bars)
    func noSuggestionTouchesAForbiddenZone(bar: Bar) async throws {
        let root = Self.corporaRoot.appendingPathComponent(bar.corpus).appendingPathComponent("site")
        try #require(FileManager.default.fileExists(atPath: root.path), "\(bar.corpus) has no site")
        let site = await SiteLoader.load(root: root).site
        let suggestions = Suggester(site: site, graph: LinkGraph(site: site)).suggest().suggestions
        #expect(!suggestions.isEmpty)
        var clashes: [String] = []
        for suggestion in suggestions {
            let article = try #require(site.article(atPath: suggestion.source))
            let range = suggestion.offset..<(suggestion.offset + suggestion.length)
            if article.text(range) != suggestion.anchor {
                clashes.append("\(suggestion.source):\(suggestion.line): anchor is not at its offset")
            }
            // A whole inline code span may be an anchor (`ref()` linked as a code name); nothing else may.
            let zones = article.document.forbiddenZones.filter { !($0.kind == .codeSpan && $0.range == range) }
            if let zone = zones.first(where: { $0.range.overlaps(range) }) {
                clashes.append("\(suggestion.source):\(suggestion.line): \"\(suggestion.anchor)\" in \(zone.kind)")
            }
            if suggestion.source == suggestion.target {
                clashes.append("\(suggestion.source):\(suggestion.line): self-link")
            }
        }
        #expect(clashes.isEmpty, "\(clashes.prefix(20).joined(separator: "\n"))")
    }
}
