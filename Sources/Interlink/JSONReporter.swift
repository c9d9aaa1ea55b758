/// The command's versioned JSON document (documented in `Docs/CLI.md`).
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    public init() {}

    public func render(_ findings: [Finding], context: ReportContext) throws -> String {
        context.json
    }
}
