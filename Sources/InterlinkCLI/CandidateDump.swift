import Foundation
import Interlink

/// Writes every scored candidate with its features, for tuning the ranking offline (hidden option).
enum CandidateDump {
    struct Row: Encodable {
        var source: String
        var target: String
        var anchor: String
        var offset: Int
        var topicSource: String
        var fragment: String?
        var score: Double
        var features: CandidateFeatures
        var sourceWords: Int
    }

    static func write(suggester: Suggester, to path: String) throws {
        var rows: [Row] = []
        for perSource in suggester.candidates() {
            // The source's bytes read once (they may have been released).
            guard let source = perSource.first.map({ suggester.site.articles[$0.source].loaded() }) else { continue }
            for candidate in perSource {
                let topic = candidate.topic == Suggester.postReferenceTopic ? nil : suggester.index.topics[Int(candidate.topic)]
                rows.append(
                    Row(
                        source: source.path, target: suggester.site.articles[candidate.target].path,
                        anchor: source.text(candidate.mention.range), offset: candidate.mention.range.lowerBound,
                        topicSource: topic?.source.rawValue ?? "postReference", fragment: topic?.fragment, score: candidate.score,
                        features: candidate.features, sourceWords: source.document.wordCount))
            }
        }
        try JSONEncoder().encode(rows).write(to: URL(fileURLWithPath: path))
    }
}
