import Foundation
import Interlink
import Testing

/// Review memory as an editor uses it: stable ids, `interlink reject`, `.interlink-ignore`, and
/// `apply --interactive` driven through standard input.
@Suite struct WorkflowReviewTests {
    static func site() throws -> WorkflowSite {
        try WorkflowSite(WorkflowConfigurationTests.files.merging([".interlink.yml": WorkflowConfigurationTests.baselineConfig]) { _, new in new })
    }

    // MARK: Ids

    @Test func idsAreStableAcrossRunsAndDerivedFromTheTriple() throws {
        let site = try Self.site()
        let first = try site.suggestions()
        let second = try site.suggestions()
        #expect(first.count == WorkflowConfigurationTests.baseline.count)
        #expect(first.map(\.id) == second.map(\.id))
        for suggestion in first {
            #expect(suggestion.id == Suggestion.id(source: suggestion.source, target: suggestion.target, anchor: suggestion.anchor))
        }
        // The text format ends each line with the same id.
        let text = try site.run("suggest")
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == first.count)
        for (line, suggestion) in zip(lines, first) { #expect(line.hasSuffix(" [\(suggestion.id)]"), "\(line)") }
        // The same suggestion has the same id in a different copy of the site: nothing machine-specific.
        let copy = try Self.site()
        #expect(try copy.suggestions().map(\.id) == first.map(\.id))
    }

    // MARK: interlink reject

    @Test func rejectRecordsSortedReadableLinesAndTheSuggestionsNeverComeBack() throws {
        let site = try Self.site()
        let all = try site.suggestions()
        let rejected = [all[3], all[1]]
        let output = try site.run("reject", rejected.map(\.id))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr == "")
        for suggestion in rejected {
            #expect(output.stdout.contains("rejected \(suggestion.id): \(suggestion.triple)"))
        }
        let text = try site.read(".interlink-ignore")
        let entries = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        #expect(entries == rejected.sorted { $0.id < $1.id }.map { "\($0.id) \($0.triple)" })
        #expect(text.hasPrefix("#"), "the file explains itself")

        // A re-run never shows them, in any format, and shows everything else.
        let after = try site.suggestions()
        #expect(after.map(\.id) == all.map(\.id).filter { id in !rejected.contains { $0.id == id } })
        let plain = try site.run("suggest")
        for suggestion in rejected { #expect(!plain.stdout.contains(suggestion.id)) }
        // Nor does apply write them.
        let apply = try site.run("apply", ["--quiet"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(try site.suggestions(["--min-score", "0"]).isEmpty)
        for suggestion in rejected {
            let source = try site.read(suggestion.source)
            #expect(!source.contains("[\(suggestion.anchor)]("), "\(suggestion.triple) was written")
        }
    }

    @Test func rejectingMoreKeepsTheFileSortedAndRejectingAgainIsHarmless() throws {
        let site = try Self.site()
        let all = try site.suggestions()
        #expect(try site.run("reject", [all[4].id]).status == 0)
        #expect(try site.run("reject", [all[0].id, all[2].id]).status == 0)
        let again = try site.run("reject", [all[0].id])
        #expect(again.status == 0)
        #expect(again.stdout.contains(all[0].id))
        let entries = try site.read(".interlink-ignore").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(entries.count == 3)
        #expect(entries == entries.sorted())
        #expect(Set(try site.suggestions().map(\.id)) == Set([all[1].id, all[3].id]))
    }

    @Test func anUnknownIdIsAnErrorNamingItAndTheKnownOnesAreStillRecorded() throws {
        let site = try Self.site()
        let all = try site.suggestions()
        let output = try site.run("reject", ["0123456789ab", all[0].id])
        #expect(output.status == 2)
        #expect(output.stderr.contains("0123456789ab"))
        #expect(output.stderr.contains("error:"))
        #expect(!output.stderr.contains(all[0].id))
        #expect(try IgnoreFile.parse(try site.read(".interlink-ignore")).ids == [all[0].id])

        let only = try site.run("reject", ["fedcba987654"])
        #expect(only.status == 2)
        #expect(only.stderr.contains("fedcba987654"))
        #expect(try IgnoreFile.parse(try site.read(".interlink-ignore")).ids == [all[0].id])
        // No ids at all is a usage error.
        #expect(try site.run("reject").status == 64)
    }

    @Test func aMalformedIgnoreFileIsAnErrorWithItsLine() throws {
        let site = try Self.site()
        try site.write(".interlink-ignore", "# comment\n\nnot-an-id notes.md -> x.md \"y\"\n")
        for command in ["suggest", "apply", "reject"] {
            let output = try site.run(command, command == "reject" ? ["0123456789ab"] : [])
            #expect(output.status == 2, "\(command)")
            #expect(output.stdout == "", "\(command)")
            #expect(output.stderr.hasPrefix(".interlink-ignore:3:1: error: 'not-an-id'"), "\(command): \(output.stderr)")
        }
    }

    // MARK: apply --interactive

    @Test func interactiveReviewWritesTheAcceptedLinkRecordsTheRejectedOneAndLeavesTheRest() throws {
        let site = try Self.site()
        let all = try site.suggestions()
        #expect(all.count >= 3)
        let before = try Dictionary(uniqueKeysWithValues: Set(all.map(\.source)).map { ($0, try site.read($0)) })

        let output = try site.run("apply", ["--interactive"], input: "r\na\nq\n")
        #expect(output.status == 0, "\(output.stderr)")
        // Each suggestion is shown in context before the question; the review stops at the third.
        #expect(output.stdout.contains("[1/\(all.count)] \(all[0].source):\(all[0].line):\(all[0].column)"))
        #expect(output.stdout.contains("[2/\(all.count)] \(all[1].source):\(all[1].line):\(all[1].column)"))
        #expect(output.stdout.contains("[3/\(all.count)] \(all[2].source):\(all[2].line):\(all[2].column)"))
        #expect(!output.stdout.contains("[4/\(all.count)]"))
        #expect(output.stdout.contains("[\(all[1].anchor)]"))
        #expect(output.stdout.components(separatedBy: "[a]ccept, [r]eject, [s]kip, [q]uit").count - 1 == 3)
        #expect(output.stderr.contains("1 suggestion recorded in .interlink-ignore"))
        #expect(output.stderr.contains("1 link added in 1 file"))

        // Exactly the accepted link is written.
        let accepted = all[1]
        for (path, original) in before {
            let now = try site.read(path)
            let added = AddedLinks(original: Array(original.utf8), rewritten: Array(now.utf8))
            #expect(added.problems.isEmpty, "\(path): \(added.problems)")
            #expect(added.restored == Array(original.utf8), "\(path) changed beyond the new link")
            if path == accepted.source {
                #expect(added.links.count == 1)
                #expect(added.links.first?.text == accepted.anchor)
                #expect(added.links.first?.range.lowerBound == accepted.offset)
                #expect(added.links.first?.destination == accepted.target)
            } else {
                #expect(added.links.isEmpty, "\(path) got a link")
            }
        }
        // Exactly the rejected one is recorded.
        let ignore = try IgnoreFile.parse(try site.read(".interlink-ignore"))
        #expect(ignore.ids == [all[0].id])
        #expect(ignore.entries[all[0].id] == all[0].triple)
        // The rest are still suggested; the accepted one is now a link and the rejected one is gone.
        #expect(try site.suggestions().map(\.id) == all.dropFirst(2).map(\.id))
    }

    @Test func skippingAndEndOfInputWriteNothing() throws {
        let site = try Self.site()
        let all = try site.suggestions()
        let before = try site.read(all[0].source)
        let output = try site.run("apply", ["--interactive"], input: "s\nwhat?\ns\n")
        #expect(output.status == 0, "\(output.stderr)")
        // An unknown answer asks again; the input ends before the last suggestion.
        #expect(output.stdout.components(separatedBy: "[a]ccept, [r]eject, [s]kip, [q]uit").count - 1 == 4)
        #expect(output.stderr.contains("0 links added in 0 files"))
        #expect(try site.read(all[0].source) == before)
        #expect(!site.exists(".interlink-ignore"))
        #expect(try site.suggestions().map(\.id) == all.map(\.id))
    }

    @Test func interactiveRejectionsAddToAnExistingIgnoreFile() throws {
        let site = try Self.site()
        let all = try site.suggestions()
        #expect(try site.run("reject", [all[0].id]).status == 0)
        // The first suggestion is gone, so the first answer is about the second.
        let output = try site.run("apply", ["--interactive"], input: "r\nq\n")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("[1/\(all.count - 1)] \(all[1].source):\(all[1].line):\(all[1].column)"))
        #expect(try IgnoreFile.parse(try site.read(".interlink-ignore")).ids == [all[0].id, all[1].id])
        #expect(try site.suggestions().map(\.id) == all.dropFirst(2).map(\.id))
    }
}
