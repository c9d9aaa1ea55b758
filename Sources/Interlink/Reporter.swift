/// What a reporter needs besides the findings.
public struct ReportContext: Sendable {
    /// The tool's version, for SARIF.
    public var toolVersion: String
    /// The command's own versioned JSON document, for the `json` format.
    public var json: String
    /// Whether the output may use ANSI colours (a terminal, and `NO_COLOR` unset).
    public var colored: Bool

    public init(toolVersion: String, json: String, colored: Bool) {
        self.toolVersion = toolVersion
        self.json = json
        self.colored = colored
    }
}

/// An output format. Adding a format adds one type.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var identifier: String { get }
    /// Renders the findings (the `json` reporter renders the command's own JSON document instead).
    func render(_ findings: [Finding], context: ReportContext) throws -> String
}

/// The formats every reporting command offers.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github

    /// The reporter for the format.
    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        }
    }
}
