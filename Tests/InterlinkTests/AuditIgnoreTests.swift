import Foundation
import Testing

@testable import Interlink

/// `ignore_links` (destinations a render hook or template resolves) and `disabled_rules`.
@Suite struct AuditIgnoreTests {
    static let files: [String: String] = [
        "a.md": "# A\n\nA [leaf bundle](g) and a [function](functions/strings/trim.md) and [B](b.md#nowhere).\n",
        "b.md": "# B\n\nBack to [A](a.md), and [A again](a.md).\n",
    ]

    static func audit(_ configuration: Configuration, disabling: Set<AuditRule> = []) async throws -> [AuditFinding] {
        let site = try TemporarySite(files)
        let loaded = await site.load()
        let options = AuditOptions(configuration: configuration, disabling: disabling)
        return Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site), options: options).run().findings
    }

    static func broken(_ findings: [AuditFinding]) -> [String] {
        findings.filter { $0.rule == .brokenLink }.map(\.message).sorted()
    }

    @Test func ignoredDestinationsAreNotChecked() async throws {
        let everything = try await Self.audit(Configuration())
        #expect(Self.broken(everything).count == 3)
        var configuration = Configuration()
        configuration.ignoreLinks = [LinkPattern("g"), LinkPattern("functions/*")]
        let left = Self.broken(try await Self.audit(configuration))
        #expect(left.count == 1)
        #expect(left.first?.contains("b.md#nowhere") == true)
        // A pattern is matched against the whole destination, fragment included.
        configuration.ignoreLinks = [LinkPattern("*#*")]
        #expect(Self.broken(try await Self.audit(configuration)).count == 2)
    }

    @Test(arguments: [
        ("g", "g", true), ("g", "go", false), ("/functions/*", "/functions/strings/trim/", true),
        ("/functions/*", "/methods/page/", false), ("*.md#?", "b.md#x", true), ("*.md#?", "b.md#xy", false),
        ("a+b(c)", "a+b(c)", true),
    ])
    func aPatternMatchesTheWholeDestination(pattern: String, destination: String, matches: Bool) {
        #expect(LinkPattern(pattern).matches(destination) == matches)
    }

    @Test func disabledRulesAreNotReported() async throws {
        let all = try await Self.audit(Configuration())
        #expect(all.contains { $0.rule == .duplicateLink })
        #expect(all.contains { $0.rule == .brokenLink })
        var configuration = Configuration()
        configuration.disabledRules = [.duplicateLink]
        let fromFile = try await Self.audit(configuration, disabling: [.brokenLink])
        #expect(!fromFile.contains { $0.rule == .duplicateLink || $0.rule == .brokenLink })
        #expect(fromFile.count == all.count - all.filter { $0.rule == .duplicateLink || $0.rule == .brokenLink }.count)
    }

    @Test func theConfigurationReadsBothKeys() throws {
        let yaml = "ignore_links: [g, \"/functions/*\"]\ndisabled_rules: [deep-page, orphan]\n"
        let configuration = try Configuration.parse(yaml, path: ".interlink.yml")
        #expect(configuration.ignoreLinks.map(\.pattern) == ["g", "/functions/*"])
        #expect(configuration.disabledRules == [.deepPage, .orphan])
    }

    @Test func anUnknownRuleIsAnErrorOnItsLine() throws {
        #expect {
            try Configuration.parse("max_depth: 3\ndisabled_rules: [deep-pages]\n", path: ".interlink.yml")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.line == 2 && diagnostic?.message.contains("'deep-pages', which is no rule") == true
        }
    }
}
