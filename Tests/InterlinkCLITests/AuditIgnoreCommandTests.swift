import Foundation
import Interlink
import Testing

/// `interlink audit` with `ignore_links`, `disabled_rules` and `--disable`, through the built binary.
@Suite struct AuditIgnoreCommandTests {
    static let files: [String: String] = [
        "a.md": "# A\n\nA [leaf bundle](g) and [B](b.md).\n",
        "b.md": "# B\n\nBack to [A](a.md), and [A again](a.md).\n",
    ]

    @Test func renderHookLinksAndDisabledRulesAreNotReported() throws {
        let site = try WorkflowSite(Self.files)
        let before = try site.run("audit", ["--check"])
        #expect(before.status == 1)
        #expect(before.stdout.contains("a.md:3:3: error: link to \"g\" is broken"))
        #expect(before.stdout.contains("[duplicate-link]"))
        try site.write(".interlink.yml", "ignore_links: [g]\n")
        let ignored = try site.run("audit", ["--check"])
        #expect(!ignored.stdout.contains("[broken-link]"), "\(ignored.stdout)")
        #expect(ignored.stdout.contains("[duplicate-link]"))
        let disabled = try site.run("audit", ["--check", "--disable", "duplicate-link"])
        #expect(disabled.status == 0, "\(disabled.stdout)")
        #expect(disabled.stdout.isEmpty)
    }

    @Test func anUnknownRuleIsRefused() throws {
        let site = try WorkflowSite(Self.files)
        let option = try site.run("audit", ["--disable", "deep-pages"])
        #expect(option.status == 64)
        #expect(option.stderr.contains("'deep-pages' is invalid for '--disable"))
        try site.write(".interlink.yml", "disabled_rules: [deep-pages]\n")
        let file = try site.run("audit")
        #expect(file.status == 2)
        #expect(file.stderr.contains(".interlink.yml:1:17: error: 'disabled_rules' holds 'deep-pages', which is no rule"))
    }
}
