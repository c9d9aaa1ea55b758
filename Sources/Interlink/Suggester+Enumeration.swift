/// Enumerations of pages in prose: "Material for MkDocs offers admonitions, annotations, code blocks,
/// content tabs, diagrams and more", where each item is another page's title. Like a list of pages
/// (`markContentsEntries`), such a run names the pages as pages, and its words ("math", "diagrams") are
/// too common, and a feature overview too broad, for the items to score well as terms; writers link
/// every item. A run of three or more mentions, each set off from the next by a comma or "and", "or",
/// "&" and nothing else, whose candidates name at least three different pages by their whole titles
/// (or aliases), is marked as entries of a list of pages and lifted like them.
extension Suggester {
    /// The prose mentions (in document order, as the matcher gives them) that stand in a run of three or
    /// more set off from each other only by separators (`isEnumerationSeparator`) within one block: the
    /// number of each one's run, by the mention's first byte.
    static func enumerationRuns(_ mentions: [Mention], in bytes: [UInt8]) -> [Int: Int] {
        var runOfStart: [Int: Int] = [:]
        var run: [Int] = []
        var runs = 0
        func close() {
            guard run.count >= 3 else { return }
            for start in run { runOfStart[start] = runs }
            runs += 1
        }
        var previous: Mention?
        for mention in mentions where !mention.isCode {
            if let last = previous, last.block == mention.block, last.range.upperBound <= mention.range.lowerBound,
                isEnumerationSeparator(bytes[last.range.upperBound..<mention.range.lowerBound])
            {
                run.append(mention.range.lowerBound)
            } else {
                close()
                run = [mention.range.lowerBound]
            }
            previous = mention
        }
        close()
        return runOfStart
    }

    /// Whether the bytes between two items of an enumeration are a separator: a comma, "and", "or" or
    /// "&", or a comma and one of them, with blanks (a line break included) around them.
    static func isEnumerationSeparator(_ between: ArraySlice<UInt8>) -> Bool {
        // A separator is short, an indented line break at most: most gaps between mentions are prose.
        guard between.count <= 32 else { return false }
        var words: [ArraySlice<UInt8>] = []
        var commas = 0
        var index = between.startIndex
        while index < between.endIndex {
            let byte = between[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if byte == UInt8(ascii: ",") {
                guard words.isEmpty else { return false }
                commas += 1
                index += 1
            } else {
                let start = index
                while index < between.endIndex, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ",")].contains(between[index]) {
                    index += 1
                }
                words.append(between[start..<index])
                guard words.count <= 1 else { return false }
            }
        }
        guard commas <= 1, words.count <= 1 else { return false }
        guard let word = words.first else { return commas == 1 }
        return ["and", "or", "&"].contains { word.elementsEqual($0.utf8) }
    }

    /// Whether a topic of this source is a page's whole name (its title or an alias): an enumeration's
    /// items are linked only as such. A part of a title or a file name ("maps" for "Go maps in action",
    /// "strings" for "Strings, bytes, runes and characters in Go") is as likely a term of the
    /// enumeration ("structs, maps, slices and strings").
    static func namesWholePage(_ source: Topic.Source) -> Bool {
        source == .title || source == .alias
    }

    /// Marks the candidates naming pages in an enumeration (`enumerationRuns`: each mention's run by its
    /// first byte) as entries of a list of pages, raising their score as `markContentsEntries` does, when
    /// the run's candidates name three different pages or more. Linear in the candidates (a hostile file
    /// may hold tens of thousands of runs).
    func markEnumeratedPages(_ candidates: inout [Candidate], runOfStart: [Int: Int]) {
        var entriesOfRun: [Int: [Int]] = [:]
        for position in candidates.indices {
            let candidate = candidates[position]
            guard !candidate.features.isCode, !candidate.features.isContentsEntry,
                candidate.topic != Self.postReferenceTopic,
                Self.namesWholePage(index.topics[Int(candidate.topic)].source),
                let run = runOfStart[candidate.mention.range.lowerBound]
            else { continue }
            entriesOfRun[run, default: []].append(position)
        }
        for entries in entriesOfRun.values where Set(entries.map { candidates[$0].target }).count >= 3 {
            Self.liftAsContentsEntries(&candidates, at: entries)
        }
    }
}
