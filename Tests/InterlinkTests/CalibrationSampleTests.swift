@testable import Interlink
import Testing

/// On a site where many sources link, calibration reads a fixed sample of them: the sources whose
/// paths hash lowest, so that the sample stays put while other files change.
@Suite struct CalibrationSampleTests {
    /// Ten targets and 30 sources, each source linking one target in prose (and one source linking
    /// only with a generic anchor, which calibration does not score).
    static func files() -> [String: String] {
        var files: [String: String] = [:]
        let names = ["Garbage Collection", "Race Detector", "Module Mirror", "Escape Analysis", "Profile Guided Optimization",
            "Type Parameters", "Error Wrapping", "Structured Logging", "Fuzz Testing", "Workspace Mode"]
        for (number, name) in names.enumerated() {
            files["targets/t\(number).md"] = "---\ntitle: \(name)\n---\n\nAbout \(name.lowercased()) in depth.\n"
        }
        for number in 0..<30 {
            let name = names[number % names.count]
            files["notes/n\(number).md"] =
                "---\ntitle: Note \(number)\n---\n\nToday we read about [\(name.lowercased())](../targets/t\(number % names.count).md) "
                + "and about \(names[(number + 3) % names.count].lowercased()) as well.\n"
        }
        files["notes/generic.md"] = "---\ntitle: Elsewhere\n---\n\nRead more [here](../targets/t1.md).\n"
        return files
    }

    @Test func theSampleIsTheSourcesWhosePathsHashLowest() throws {
        let fixture = try SuggestFixture(Self.files())
        let suggester = fixture.suggester(minimumScore: nil)
        let isTarget = fixture.site.articles.map(KeywordIndex.isTarget)
        let sample = suggester.calibrationSample(isTarget: isTarget, size: 10)
        let chosen = fixture.site.articles.indices.filter { sample[$0] }.map { fixture.site.articles[$0].path }
        let linking = (0..<30).map { "notes/n\($0).md" }
        let expected = linking.sorted { (Tokenizer.hash($0), $0) < (Tokenizer.hash($1), $1) }.prefix(10)
        #expect(Set(chosen) == Set(expected))
        // Every linking source when the site has no more than the sample's size; never the generic link.
        let all = suggester.calibrationSample(isTarget: isTarget, size: 2_000)
        #expect(Set(fixture.site.articles.indices.filter { all[$0] }.map { fixture.site.articles[$0].path }) == Set(linking))
    }

    @Test func calibrationReadsOnlyTheSample() throws {
        let fixture = try SuggestFixture(Self.files())
        let suggester = fixture.suggester(minimumScore: nil)
        let table = suggester.mentionTable()
        let whole = try #require(suggester.calibrateOnLinkingSources(table: table))
        #expect(whole.positives == 30)
        let sampled = try #require(suggester.calibrateOnLinkingSources(table: table, sampleSize: 24))
        #expect(sampled.positives == 24)
        // Fewer sampled links than calibration needs: no calibration, as on a site with few links.
        #expect(suggester.calibrateOnLinkingSources(table: table, sampleSize: 10) == nil)
    }

    /// `audit` calibrates from every source's candidates (`calibrate(bestScores:)`), `suggest` from the
    /// linking sources it ranks: both read the same sample, so both choose the same threshold.
    @Test(arguments: [24, 2_000])
    func auditAndSuggestReadTheSameSample(size: Int) throws {
        let fixture = try SuggestFixture(Self.files())
        let suggester = fixture.suggester(minimumScore: nil)
        let table = suggester.mentionTable()
        let bestScores = suggester.candidates(table).map(Suggester.bestScorePerTarget)
        let fromAll = try #require(suggester.calibrate(bestScores: bestScores, table: table, sampleSize: size))
        let fromLinking = try #require(suggester.calibrateOnLinkingSources(table: table, sampleSize: size))
        #expect(fromAll.positives == min(size, 30))
        #expect(fromAll == fromLinking)
    }
}

/// `Vocabulary.isGenericAnchor` tells a generic anchor as lower-casing the text would, without
/// lower-casing long texts.
@Suite struct GenericAnchorTests {
    @Test(arguments: [
        "click here", "Click Here", "READ MORE", "This Blog Post", "Continue Reading", "here", "Here.", "the garbage collector",
        "a much longer link text that names the whole title of the article it links to", "",
        "\u{212A}", "LIN\u{212A}", "CLIC\u{212A} HERE", "\u{212A}LICK HERE", "CLICK HERE\u{212A}\u{212A}", "Continue Reading!", "LİNK", "Lınk", String(repeating: "\u{212A}", count: 20), "This  Post",
    ])
    func agreesWithLowerCasing(text: String) {
        #expect(Vocabulary.isGenericAnchor(text) == Vocabulary.genericAnchors.contains(text.lowercased()))
    }

    @Test func everyGenericAnchorIsToldInCapitals() {
        for anchor in Vocabulary.genericAnchors {
            #expect(Vocabulary.isGenericAnchor(anchor.uppercased()))
        }
    }
}
