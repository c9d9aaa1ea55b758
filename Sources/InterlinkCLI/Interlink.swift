import ArgumentParser
import Foundation
import Interlink

/// The `interlink` command.
@main
struct InterlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interlink",
        abstract: "Finds where the articles of a Markdown site should link to each other.",
        version: InterlinkVersion.current,
        subcommands: [
            SuggestCommand.self, ApplyCommand.self, DiffCommand.self, AuditCommand.self, RejectCommand.self, IndexCommand.self,
            InitCommand.self,
        ]
    )

    static func main() async {
        AllocatorSettings.apply()
        await main(nil)
    }
}

/// The tool's version, shown by `--version`.
enum InterlinkVersion {
    static let current = "0.1.0"

    /// What the index cache is keyed by: the version, and the size and modification time of the running
    /// executable, so that any rebuild (even without a version change) starts a fresh cache.
    static let cacheIdentity: String = {
        var identity = "interlink \(current)"
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 {
            #if os(Linux)
            identity += " \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            #else
            identity += " \(info.st_size) \(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
            #endif
        }
        return identity
    }()
}
