import Foundation
import InterlinkMarkdown
import Testing

@testable import Interlink

/// The best score that lets a candidate under the floor skip its citation checks: it must never be
/// below the score the checks could give, or a candidate would be lost.
@Suite struct SuggestScoreBoundTests {
    /// Features over the signals' ranges: weights of every topic source, every flag and context that
    /// changes the score.
    static func featureGrid() -> [CandidateFeatures] {
        let values = [0.0, 0.1, 0.25, 0.77, 1.0]
        var grid: [CandidateFeatures] = []
        for weight in [0.0, 0.6, 0.7, 0.9, 1.0] {
            for specificity in values {
                for relatedness in values + [2] {
                    for position in [0.0, 0.999] {
                        for flags in 0..<64 {
                            for ambiguity in 1...3 {
                                grid.append(
                                    CandidateFeatures(
                                        topicWeight: weight, specificity: specificity, relatedness: relatedness,
                                        position: position, ambiguity: ambiguity, mentionsOfTarget: 1,
                                        words: flags & 16 != 0 ? 1 : 2, isCode: flags & 1 != 0,
                                        context: flags & 32 != 0 ? .tableCell : .paragraph,
                                        isSection: flags & 2 != 0, pointsForward: flags & 4 != 0,
                                        namesOwnSubject: flags & 8 != 0))
                            }
                        }
                    }
                }
            }
        }
        return grid
    }

    /// Every outcome of the citation checks (none, a citation, a whole-title citation) scores at most
    /// `bestScore`, for every combination of the other features; and the first check, made before
    /// relatedness, chronology and own subject are known, is never below the second.
    @Test func theBestScoreIsAtLeastEveryOutcomeOfTheCitationChecks() {
        var checked = 0
        for plain in Self.featureGrid() {
            var cited = plain
            cited.isCitation = true
            var unknown = plain
            unknown.relatedness = 0.25
            unknown.pointsForward = false
            unknown.namesOwnSubject = false
            var wholes: [CandidateFeatures] = []
            for words in 1...3 {
                var whole = cited
                whole.topicWeight = max(plain.topicWeight, Topic.Source.title.defaultWeight)
                whole.ambiguity = 1
                whole.isSection = false
                whole.words = words
                wholes.append(whole)
            }
            for (titleCased, wholeTitle) in [(false, false), (true, false), (false, true), (true, true)] {
                let best = Suggester.bestScore(plain, wholeTitle: wholeTitle, titleCased: titleCased)
                let first = Suggester.bestScore(unknown, wholeTitle: wholeTitle, titleCased: titleCased)
                let outcomes = [plain] + (titleCased ? [cited] : []) + (wholeTitle ? wholes : [])
                let highest = outcomes.map(Suggester.score).max()!
                if !(highest <= best && best <= first) {
                    Issue.record("\(highest), \(best), \(first) not in order for \(plain)")
                    return
                }
                checked += 1
            }
        }
        #expect(checked > 100_000)
    }

    @Test func outsideTheRangesNothingIsSkipped() {
        var features = CandidateFeatures(
            topicWeight: -1, specificity: 0.5, relatedness: 0.3, position: 0, ambiguity: 1, mentionsOfTarget: 1,
            words: 2, isCode: false, context: .paragraph)
        #expect(Suggester.bestScore(features, wholeTitle: true, titleCased: true) == .infinity)
        features.topicWeight = 1
        features.specificity = -0.5
        #expect(Suggester.bestScore(features, wholeTitle: true, titleCased: true) == .infinity)
        features.specificity = 0.5
        features.position = 10
        #expect(Suggester.bestScore(features, wholeTitle: true, titleCased: true) == .infinity)
        features.position = 0.5
        #expect(Suggester.bestScore(features, wholeTitle: false, titleCased: false) == Suggester.score(features))
    }

    /// Candidates scored under a floor are exactly the unfloored candidates at or above it.
    @Test func aFloorKeepsExactlyTheCandidatesAtOrAboveIt() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ExampleSite")
        let loaded = await SiteLoader.load(root: root, cache: nil)
        let suggester = Suggester(site: loaded.site, graph: LinkGraph(site: loaded.site))
        let table = suggester.mentionTable()
        let all = suggester.candidates(table)
        #expect(all.joined().count > 100)
        for floor in [0.05, 0.2, 0.3, 0.45, 0.7] {
            let floored = suggester.candidates(table, floor: floor)
            #expect(floored == all.map { $0.filter { $0.score >= floor } })
            #expect(floored.joined().count < all.joined().count)
        }
    }
}
