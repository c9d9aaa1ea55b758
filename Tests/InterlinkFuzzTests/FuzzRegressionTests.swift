import Foundation
import InterlinkFuzzHarness
import Testing

/// Every input the fuzzer ever broke an invariant with (`Regressions/`), and the committed seeds
/// (`Fuzz/seeds/`), replayed through the fuzzer's own checks (`FuzzHarness.check`).
@Suite struct FuzzRegressionTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(in folder: String) -> [String] {
        let url = repositoryRoot.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    @Test(arguments: files(in: "Tests/InterlinkFuzzTests/Regressions"))
    func regressionInputKeepsEveryInvariant(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.repositoryRoot.appendingPathComponent(path)))
        #expect(FuzzHarness.check(bytes) == [])
    }

    @Test(arguments: files(in: "Fuzz/seeds"))
    func seedKeepsEveryInvariant(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.repositoryRoot.appendingPathComponent(path)))
        #expect(FuzzHarness.check(bytes) == [])
    }
}
