import Testing

@testable import Interlink

/// A bare function name in inline code (`destroy()`) that the site also documents as a method of an
/// object elsewhere (`writable.destroy()`) links nowhere: it may mean any of those methods. A bare name
/// whose only method is documented where it points still links.
@Suite struct BareCodeNameTests {
    @Test(arguments: [
        ("writable.destroy", "destroy"), ("net.Socket.prototype.ref", "ref"), ("Array#map", "map"),
        ("Vec::new", "new"), ("app.config.compilerOptions", "compilerOptions"),
    ])
    func theMemberAQualifiedKeyNames(key: String, name: String) {
        #expect(CodeName.memberName(ofKey: key) == name)
    }

    @Test(arguments: ["destroy", "<component>", "new URL", "Buffer", "net.Server", ".destroy", "'close'"])
    func keysThatNameNoFunctionMember(key: String) {
        // Unqualified, a class (upper case), or a qualified name whose last part is a class.
        #expect(CodeName.memberName(ofKey: key) == nil)
    }

    @Test func aBareNameAnotherPageDocumentsAsAMethodIsNotLinked() throws {
        let fixture = try SuggestFixture([
            "hooks.md": """
                ---
                title: Async hooks
                ---

                ## `destroy(asyncId)`

                Called after the resource corresponding to asyncId is destroyed.

                """,
            "stream.md": """
                ---
                title: Stream
                ---

                ## `writable.destroy([error])`

                Destroy the stream. Once `destroy()` has been called any further calls will be a no-op.

                """,
            "events.md": """
                ---
                title: Events
                ---

                An emitter whose resource is gone calls `destroy` on it and lets the hooks know.

                """,
        ])
        let targets = fixture.suggestions().filter { $0.anchor.hasPrefix("`destroy") }.map(\.target)
        #expect(targets.isEmpty, "bare `destroy` linked to \(targets)")
        // The qualified name still links its section.
        let qualified = try SuggestFixture([
            "stream.md": """
                ---
                title: Stream
                ---

                ## `writable.destroy([error])`

                Destroy the stream.

                """,
            "http.md": """
                ---
                title: HTTP
                ---

                The response ends through ⟦`writable.destroy()`⟧ when the socket closes.

                """,
        ])
        let suggestion = try #require(qualified.suggestions(from: "http.md").first)
        #expect(suggestion.target == "stream.md")
        #expect(suggestion.offset == qualified.marks("http.md").first?.lowerBound)
    }

    @Test func aBareNameWhoseOnlyMethodIsWhereItPointsStillLinks() throws {
        let fixture = try SuggestFixture([
            "tty.md": """
                ---
                title: TTY
                ---

                ## `writeStream.getColorDepth([env])`

                Returns the number of colors the terminal supports.

                """,
            "util.md": """
                ---
                title: Util
                ---

                Colours are used when [`getColorDepth()`](tty.md#writestreamgetcolordepthenv) says so.

                """,
            "console.md": """
                ---
                title: Console
                ---

                The console colours its output when ⟦`getColorDepth()`⟧ reports more than two colours.

                """,
        ])
        // The link on util.md teaches the bare name; the method is documented at that same place.
        let suggestion = try #require(fixture.suggestions(from: "console.md").first)
        #expect(suggestion.target == "tty.md")
        #expect(suggestion.fragment == "writestreamgetcolordepthenv")
        #expect(suggestion.offset == fixture.marks("console.md").first?.lowerBound)
    }

    @Test func aLearnedBareNameForOneOfSeveralMethodsIsNotLinked() throws {
        let fixture = try SuggestFixture([
            "net.md": """
                ---
                title: Net
                ---

                ## `socket.ref()`

                Opposite of unref.

                """,
            "child_process.md": """
                ---
                title: Child process
                ---

                ## `subprocess.ref()`

                Calling it after unref restores the reference count.

                """,
            "http2.md": """
                ---
                title: HTTP/2
                ---

                Calls [`ref()`](net.md#socketref) on the session's socket.

                """,
            "timers.md": """
                ---
                title: Timers
                ---

                A timer kept alive by `ref()` keeps the event loop running.

                """,
        ])
        let bare = fixture.suggestions(from: "timers.md").filter { $0.anchor == "`ref()`" }
        #expect(bare.isEmpty, "learned `ref()` linked to \(bare.map(\.target))")
    }
}
