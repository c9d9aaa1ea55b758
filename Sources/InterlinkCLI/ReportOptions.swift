import ArgumentParser
import Foundation
import Interlink

extension ReportFormat: ExpressibleByArgument {}

/// Exit-status and colour flags of the reporting commands (`suggest`, `audit`).
struct CheckOptions: ParsableArguments {
    @Flag(name: .long, help: "Exit with status 1 when there are findings (for hooks and CI).")
    var check = false

    @Flag(name: .long, help: "Exit with status 0 even with findings (annotations only).")
    var exitZero = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Colour text output (default: only on a terminal, never when NO_COLOR is set).")
    var color: Bool?

    func validate() throws {
        if check && exitZero { throw ValidationError("--check and --exit-zero contradict each other; use one.") }
    }

    var colored: Bool {
        color ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    /// Prints the findings in one of the shared formats.
    func emit(_ findings: [Finding], format: ReportFormat, json: () throws -> String) throws {
        let context = ReportContext(
            toolVersion: InterlinkVersion.current, json: format == .json ? try json() : "", colored: colored)
        print(try format.reporter.render(findings, context: context), terminator: "")
    }

    /// Exit status 1 in check mode when anything was found.
    func exitForFindings(count: Int) throws {
        if check && !exitZero && count > 0 { throw ExitCode(1) }
    }
}

/// Output options of `suggest`: a format and the check flags.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: ReportFormat = .text

    @OptionGroup var checks: CheckOptions

    /// Prints the findings in the chosen format.
    func emit(_ findings: [Finding], json: () throws -> String) throws {
        try checks.emit(findings, format: format, json: json)
    }

    /// Exit status 1 in check mode when anything was found.
    func exitForFindings(count: Int) throws {
        try checks.exitForFindings(count: count)
    }
}
