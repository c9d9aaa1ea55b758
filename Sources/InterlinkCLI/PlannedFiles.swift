import Foundation
import Interlink

/// A file's planned new bytes and the changes in them: a rewrite of `apply` or a fix of `audit --fix`.
protocol PlannedFile {
    /// One change written into the file (a suggestion, a fixed finding).
    associatedtype Change
    /// Path relative to the site root.
    var path: String { get }
    /// The bytes as read.
    var original: [UInt8] { get }
    /// The bytes to write.
    var rewritten: [UInt8] { get }
    /// The changes in `rewritten`.
    var applied: [Change] { get }
    /// Whether anything changes.
    var changes: Bool { get }
}

extension FileRewrite: PlannedFile {}
extension AuditFileFix: PlannedFile {}

/// The output `apply` and `audit --fix` share: the changed files as a unified diff, or each changed file
/// replaced atomically, one line per file and a total on standard error.
enum PlannedFiles {
    /// Prints the changed files as a unified diff, in ANSI colours when `colored`.
    static func printDiff<Plan: PlannedFile>(_ plans: [Plan], colored: Bool) {
        for plan in plans where plan.changes {
            let diff = UnifiedDiff.make(path: plan.path, original: plan.original, rewritten: plan.rewritten)
            print(colored ? DiffColor.apply(diff) : diff, terminator: "")
        }
    }

    /// Writes each changed file under `root` (a file changed since it was read is refused, an error each),
    /// then, unless `quiet`, says "N <noun>s <verb> in M files". `prepare` gives the plan to write instead of a
    /// file's (nil: leave the file as it is); `written` is the line said after a file is written, unless `quiet`.
    /// Returns whether a file could not be written.
    static func write<Plan: PlannedFile>(
        _ plans: [Plan], root: URL, quiet: Bool, noun: String, verb: String, prepare: (Plan) -> Plan? = { $0 },
        written: (Plan) -> String
    ) -> Bool {
        var failed = false
        var changes = 0
        var files = 0
        for planned in plans where planned.changes {
            guard let plan = prepare(planned) else { continue }
            do {
                try AtomicWriter.replace(
                    root.appendingPathComponent(plan.path), with: plan.rewritten, expecting: plan.original,
                    displayPath: plan.path)
                files += 1
                changes += plan.applied.count
                if !quiet { StandardError.write(written(plan) + "\n") }
            } catch {
                StandardError.write(error.description + "\n")
                failed = true
            }
        }
        if !quiet {
            StandardError.write("\(changes) \(noun)\(changes == 1 ? "" : "s") \(verb) in \(files) file\(files == 1 ? "" : "s")\n")
        }
        return failed
    }
}
