import Foundation
import Testing

/// `interlink apply` on an ExampleSite copy whose files use CRLF, a BOM, no final newline, or several of these:
/// each file must come out as the LF original's rewrite with the same transformation applied, byte for byte.
@Suite struct ApplyLineEndingTests {
    enum Variant: String, CaseIterable {
        case crlf, bom, noFinalNewline, bomAndCRLF, crlfWithoutFinalNewline

        func transform(_ bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .crlf:
                return bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            case .bom:
                return [0xEF, 0xBB, 0xBF] + bytes
            case .noFinalNewline:
                var result = bytes
                while result.last == 0x0A { result.removeLast() }
                return result
            case .bomAndCRLF:
                return Variant.bom.transform(Variant.crlf.transform(bytes))
            case .crlfWithoutFinalNewline:
                return Variant.crlf.transform(Variant.noFinalNewline.transform(bytes))
            }
        }
    }

    @Test func everyFileKeepsItsBytesAroundTheNewLinks() throws {
        let plain = try SiteCopy.exampleSite()
        let varied = try SiteCopy.exampleSite()
        let originals = plain.snapshot().filter { $0.key.hasSuffix(".md") }
        // Files in turn get each variant.
        var variants: [String: Variant] = [:]
        for (index, path) in originals.keys.sorted().enumerated() {
            let variant = Variant.allCases[index % Variant.allCases.count]
            variants[path] = variant
            try varied.write(path, variant.transform(originals[path]!))
        }
        let variedBefore = varied.snapshot()
        let plainRun = try CommandRunner.run(["apply", "--root", plain.root.path])
        let variedRun = try CommandRunner.run(["apply", "--root", varied.root.path])
        #expect(plainRun.status == 0)
        #expect(variedRun.status == 0, "\(variedRun.stderr)")
        #expect(!variedRun.stderr.contains("warning"), "\(variedRun.stderr)")
        // Same links in the same files…
        #expect(try ApplySummary.parse(variedRun.stderr) == ApplySummary.parse(plainRun.stderr))
        let plainAfter = plain.snapshot()
        let variedAfter = varied.snapshot()
        var changedVariants: Set<Variant> = []
        for (path, variant) in variants.sorted(by: { $0.key < $1.key }) {
            // …and each file is the plain rewrite with its own line endings, BOM and final newline.
            #expect(variedAfter[path] == variant.transform(plainAfter[path]!), "\(path) (\(variant))")
            if variedAfter[path] != variedBefore[path] {
                changedVariants.insert(variant)
                let added = AddedLinks(original: variedBefore[path]!, rewritten: variedAfter[path]!)
                #expect(added.problems.isEmpty, "\(path) (\(variant)): \(added.problems)")
                #expect(added.restored == variedBefore[path], "\(path) (\(variant))")
            }
        }
        #expect(changedVariants == Set(Variant.allCases), "every variant is exercised by at least one rewritten file")
    }

    @Test func dryRunDiffOfACRLFSiteAppliesWithGit() throws {
        let copy = try SiteCopy.exampleSite()
        for (path, bytes) in copy.snapshot() where path.hasSuffix(".md") {
            try copy.write(path, Variant.crlfWithoutFinalNewline.transform(bytes))
        }
        let applied = try SiteCopy(of: copy.root)
        let diff = try CommandRunner.run(["diff", "--root", copy.root.path])
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("\r\n"))
        #expect(try CommandRunner.run(["apply", "--root", applied.root.path, "--quiet"]).status == 0)
        let patchFile = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-\(UUID().uuidString).diff")
        try Data(diff.stdout.utf8).write(to: patchFile)
        defer { try? FileManager.default.removeItem(at: patchFile) }
        for tool in ["git", "patch"] {
            let target = try SiteCopy(of: copy.root)
            let result = tool == "git"
                ? try DiffExampleSiteTests.run("git", ["apply", patchFile.path], in: target.root)
                : try DiffExampleSiteTests.run("patch", ["-p1", "--batch", "--no-backup-if-mismatch", "-i", patchFile.path], in: target.root)
            #expect(result.status == 0, "\(tool): \(result.output)")
            #expect(SiteCopy.changed(target.snapshot(), applied.snapshot()).isEmpty, "\(tool)")
        }
    }
}
