/// `path:line:col: severity: message`, the form compilers and editors understand.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    public init() {}

    public func render(_ findings: [Finding], context: ReportContext) throws -> String {
        findings.map { finding in
            let label = finding.severity.rawValue
            let colouredLabel: String
            if context.colored {
                let code = finding.severity == .error ? "31" : (finding.severity == .warning ? "33" : "36")
                colouredLabel = "\u{1B}[\(code)m\(label)\u{1B}[0m"
            } else {
                colouredLabel = label
            }
            let tag = finding.rule == "suggestion" ? (finding.id.map { " [\($0)]" } ?? "") : " [\(finding.rule)]"
            return "\(finding.path):\(finding.line):\(finding.column): \(colouredLabel): \(finding.message)\(tag)\n"
        }.joined()
    }
}
