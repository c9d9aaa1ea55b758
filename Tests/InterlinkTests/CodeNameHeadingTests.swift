import Testing

@testable import Interlink

/// The code names an API-reference heading documents, in the forms such references write them.
@Suite struct CodeNameHeadingTests {
    @Test(arguments: [
        ("ref()", ["ref()"]),
        ("defineProps() & defineEmits()", ["defineProps()", "defineEmits()"]),
        // A call signature names the call.
        ("util.inspect(object[, options])", ["util.inspect()"]),
        ("dgram.createSocket(options[, callback])", ["dgram.createSocket()"]),
        ("readable.pipe(destination[, options[, end]])", ["readable.pipe()"]),
        // A label before a colon is not part of the name.
        ("Class: net.Server", ["net.Server"]),
        ("Static method: Buffer.alloc(size[, fill[, encoding]])", ["Buffer.alloc()"]),
        // The last item of a list.
        ("Buffer.from(), Buffer.alloc(), and Buffer.allocUnsafe()", ["Buffer.from()", "Buffer.alloc()", "Buffer.allocUnsafe()"]),
        // Prose stays prose.
        ("Props (Options API)", []),
        ("Step 1: Install it", []),
        ("Getting started", []),
    ])
    func namesInAHeading(heading: String, names: [String]) {
        #expect(CodeName.names(inHeading: heading) == names)
    }

    @Test func anUnbalancedSignatureIsLeftAsWritten() {
        #expect(CodeName.withoutParameters("fs.open(path[, flags") == "fs.open(path[, flags")
        #expect(CodeName.withoutParameters("a(b(c)) and d(e)") == "a() and d()")
    }

    @Test func aMentionOfTheCallLinksTheSectionOfItsSignature() throws {
        let fixture = try SuggestFixture([
            "util.md": """
                ---
                title: Util
                ---

                ## `util.inspect(object[, options])`

                Returns a string representation of an object, for debugging.

                """,
            "console.md": """
                ---
                title: Console
                ---

                The console prints each object through ⟦`util.inspect()`⟧ for debugging output.

                """,
        ])
        let suggestion = try #require(fixture.suggestions(from: "console.md").first)
        #expect(suggestion.target == "util.md")
        #expect(suggestion.offset == fixture.marks("console.md").first?.lowerBound)
        #expect(suggestion.anchor == "`util.inspect()`")
        #expect(suggestion.fragment == "utilinspectobject-options")
    }
}
