import Foundation

/// SARIF 2.1.0, for code-scanning dashboards.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"

    public init() {}

    public func render(_ findings: [Finding], context: ReportContext) throws -> String {
        let rules = Array(Set(findings.map(\.rule))).sorted()
        let log = Log(
            runs: [
                Run(
                    tool: Tool(
                        driver: Driver(
                            name: "interlink", version: context.toolVersion,
                            rules: rules.map { Rule(id: $0, shortDescription: Message(text: Self.describe($0))) })),
                    results: findings.map { finding in
                        Result(
                            ruleId: finding.rule, level: Self.level(finding.severity),
                            message: Message(text: finding.message),
                            partialFingerprints: finding.id.map { ["interlinkSuggestion/v1": $0] },
                            locations: [
                                Location(
                                    physicalLocation: PhysicalLocation(
                                        artifactLocation: ArtifactLocation(uri: Self.uri(finding.path)),
                                        region: Region(startLine: finding.line, startColumn: finding.column)))
                            ])
                    })
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    static func level(_ severity: Finding.Severity) -> String {
        switch severity {
        case .suggestion: return "note"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    static func uri(_ path: String) -> String {
        path.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
        }.joined(separator: "/")
    }

    static func describe(_ rule: String) -> String {
        if rule == "suggestion" { return "An internal link Interlink suggests adding." }
        return AuditRule(rawValue: rule)?.summary ?? "Interlink rule \(rule)."
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }
    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
    }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var level: String
        var message: Message
        var partialFingerprints: [String: String]?
        var locations: [Location]
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}
