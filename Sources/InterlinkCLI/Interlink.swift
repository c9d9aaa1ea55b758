import ArgumentParser

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
}

/// The tool's version, shown by `--version`.
enum InterlinkVersion {
    static let current = "0.1.0"
}
