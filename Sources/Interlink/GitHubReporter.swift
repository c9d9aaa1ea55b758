import Foundation

/// GitHub Actions workflow commands: `::notice file=…,line=…,col=…,title=…::message`.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"

    public init() {}

    public func render(_ findings: [Finding], context: ReportContext) throws -> String {
        findings.map { finding in
            let command: String
            switch finding.severity {
            case .suggestion: command = "notice"
            case .warning: command = "warning"
            case .error: command = "error"
            }
            let properties = [
                "file=\(Self.escapeProperty(finding.path))", "line=\(finding.line)", "col=\(finding.column)",
                "title=\(Self.escapeProperty("interlink " + finding.rule))",
            ]
            return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(finding.message))\n"
        }.joined()
    }

    /// Message text: `%`, CR and LF are percent-encoded, as the runner expects.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values additionally encode `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
