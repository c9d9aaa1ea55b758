import Foundation
import InterlinkFuzzHarness

#if INTERLINK_LIBFUZZER
    /// libFuzzer's entry point (`scripts/fuzz.sh` builds with `-sanitize=fuzzer` and `-D INTERLINK_LIBFUZZER`;
    /// libFuzzer brings `main`). A broken invariant is a crash, so libFuzzer saves the input.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let problems = FuzzHarness.check(input)
        if !problems.isEmpty {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            abort()
        }
        return 0
    }
#else
    /// Without libFuzzer: replays inputs (files, or every file of a folder) through the same checks, prints
    /// the broken invariants and exits 1 when there are any. `swift run InterlinkFuzz FILE…`.
    @main
    struct FuzzReplay {
        static func main() {
            var failed = false
            for argument in CommandLine.arguments.dropFirst() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                    FileHandle.standardError.write(Data("\(argument): no such file\n".utf8))
                    failed = true
                    continue
                }
                let files =
                    isDirectory.boolValue
                    ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map {
                        URL(fileURLWithPath: argument).appendingPathComponent($0).path
                    }
                    : [argument]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    let started = Date()
                    let report = FuzzHarness.run([UInt8](data))
                    let problems = report.problems
                    let seconds = Date().timeIntervalSince(started)
                    print(
                        "\(file): \(problems.isEmpty ? "ok" : "\(problems.count) problems") (\(String(format: "%.3f", seconds)) s; "
                            + "\(report.loaded)/\(report.pieces) loaded, \(report.suggestions) suggested, "
                            + "\(report.applied) written, \(report.rejected) refused)")
                    for problem in problems { print("  \(problem)") }
                    failed = failed || !problems.isEmpty
                }
            }
            exit(failed ? 1 : 0)
        }
    }
#endif
