import Foundation
import InterlinkMarkdown
import Testing

@testable import Interlink

/// `DerivedContent`: each stored part in its own length-prefixed section, found without decoding the
/// others, and decoded to what was stored; what the cache lends (`LentValues`).
@Suite struct DerivedContentTests {
    static let sample = DerivedContent(
        path: "posts/a.md", title: "A title",
        termCounts: [(hash: 3, count: 2), (hash: 9, count: 1)],
        topics: [
            Topic(
                phrase: "a title", keys: ["a title"], target: 4, source: .title, fragment: nil, caseSensitive: false,
                weight: 1.5)
        ],
        mentions: ArticleMentions(
            prose: [Mention(range: 10..<17, topics: [0, 2], isCode: false, block: 1, context: .paragraph, wordCount: 2)],
            linkText: [Mention(range: 30..<37, topics: [2], isCode: false, block: 3, context: .listItem, wordCount: 2)]),
        wordCase: [(hash: 5, lower: 1, capitalised: 4)],
        resolutions: [.article(2, fragment: "install"), .broken("no such page"), .other])

    static func encoded(_ content: DerivedContent) -> [UInt8] {
        var writer = BinaryWriter()
        content.encode(into: &writer)
        return writer.bytes
    }

    @Test func eachPartDecodesFromItsOwnSectionAsStored() throws {
        let bytes = Self.encoded(Self.sample)
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let sections = try DerivedContent.Sections(&reader)
            #expect(sections.path == "posts/a.md")
            #expect(sections.title == "A title")
            let counts = try DerivedContent.termCounts(buffer, try #require(sections.termCounts))
            #expect(counts.map(\.hash) == [3, 9])
            #expect(counts.map(\.count) == [2, 1])
            #expect(try DerivedContent.topics(buffer, try #require(sections.topics), target: 4) == Self.sample.topics)
            #expect(
                try DerivedContent.mentions(buffer, try #require(sections.mentions), byteCount: 100) == Self.sample.mentions)
            let tally = try DerivedContent.wordCase(buffer, try #require(sections.wordCase))
            #expect(tally.map(\.hash) == [5] && tally.map(\.lower) == [1] && tally.map(\.capitalised) == [4])
            #expect(
                try DerivedContent.resolutions(buffer, try #require(sections.resolutions)) == Self.sample.resolutions)
            // The whole decode reads the same.
            var whole = BinaryReader(buffer)
            let decoded = try DerivedContent.decode(&whole, target: 4, byteCount: 100)
            #expect(decoded.topics == Self.sample.topics && decoded.mentions == Self.sample.mentions)
            #expect(decoded.resolutions == Self.sample.resolutions)
        }
    }

    @Test func absentPartsHaveNoSection() throws {
        var content = Self.sample
        content.termCounts = nil
        content.mentions = nil
        content.resolutions = nil
        let bytes = Self.encoded(content)
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let sections = try DerivedContent.Sections(&reader)
            #expect(sections.termCounts == nil && sections.mentions == nil && sections.resolutions == nil)
            #expect(sections.topics != nil && sections.wordCase != nil)
        }
    }

    /// A section whose bytes are corrupt fails alone: the sections around it still decode.
    @Test func aCorruptSectionFailsAloneAndMentionsMustFitTheFile() throws {
        // Five word counts announced, none there; then the sample's mentions.
        let bytes = DerivedContent.assemble(
            path: "p.md", title: "P", sections: [.made([5]), nil, .made(Self.mentionsSection()[...]), nil, nil])
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let sections = try DerivedContent.Sections(&reader)
            #expect(throws: BinaryReader.Corrupt.self) {
                try DerivedContent.termCounts(buffer, try #require(sections.termCounts))
            }
            let range = try #require(sections.mentions)
            #expect(try DerivedContent.mentions(buffer, range, byteCount: 100) == Self.sample.mentions)
            // A stored range past the end of the file is corrupt.
            #expect(throws: BinaryReader.Corrupt.self) { try DerivedContent.mentions(buffer, range, byteCount: 20) }
        }
        // A section running past the end of the bytes.
        var short = BinaryWriter()
        short.string("p.md")
        short.string("P")
        short.bool(true)
        short.uint(50)
        short.raw([1, 2, 3])
        short.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Corrupt.self) { try DerivedContent.Sections(&reader) }
        }
    }

    /// The sample's mentions section, as `encode` writes it.
    static func mentionsSection() -> [UInt8] {
        var content = sample
        content.termCounts = nil
        content.topics = nil
        content.wordCase = nil
        content.resolutions = nil
        let bytes = encoded(content)
        return bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let sections = try! DerivedContent.Sections(&reader)
            return Array(bytes[sections.mentions!])
        }
    }

    @Test func lentValuesReadNilPastTheirEnd() {
        let values = LentValues<Int>([1, nil, 3])
        #expect(values.count == 3)
        #expect(values[0] == 1 && values[1] == nil && values[2] == 3)
        #expect(values[3] == nil && values[-1] == nil)
        #expect(values.all() == [1, nil, 3])
        let none = LentValues<Int>()
        #expect(none.isEmpty && none[0] == nil && none.all().isEmpty)
    }
}
