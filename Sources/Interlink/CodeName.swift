import Foundation

/// API and command names as documentation writes them in inline code.
enum CodeName {
    /// Whether a phrase reads as code rather than prose: `ref()`, `app.config`, `v-model`, `<Suspense>`,
    /// `useState`, `go test`.
    static func looksLikeCode(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 60 else { return false }
        if text.hasSuffix("()") || text.hasPrefix("<") || text.hasPrefix("$") || text.hasPrefix("@") { return true }
        guard !text.contains(" ") else { return false }
        if text.contains(".") || text.contains("_") || text.contains("::") { return text.first?.isLetter == true || text.first == "." }
        if text.contains("-"), text == text.lowercased(), text.first?.isLetter == true { return text.count <= 20 && text.split(separator: "-").count <= 3 && text.hasPrefix("v-") }
        // camelCase or PascalCase with an inner capital.
        let characters = Array(text)
        for index in characters.indices.dropFirst() where characters[index].isUppercase && characters[index - 1].isLowercase {
            return true
        }
        return false
    }

    /// The form code is compared under: blanks trimmed, a trailing `()` dropped.
    static func key(_ code: String) -> String {
        var text = code.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("()") { text = String(text.dropLast(2)) }
        // `<KeepAlive>` names the component `KeepAlive`.
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 { text = String(text.dropFirst().dropLast()) }
        return text
    }

    /// The code names in a heading such as `defineProps() & defineEmits()`, `app.mount()`, or as API
    /// references write them, `Class: net.Server` and `util.inspect(object[, options])` (a signature
    /// names the call `util.inspect()`).
    static func names(inHeading heading: String) -> [String] {
        // Most headings are prose: only look closer at one holding a character code names use.
        guard heading.utf8.contains(where: { Self.codeMarks.contains($0) }) || hasInnerCapital(heading) else { return [] }
        let parts = withoutLabel(withoutParameters(heading)).split(separator: ",").flatMap { $0.split(separator: "&") }
            .flatMap { $0.split(separator: " and ") }
            .map { part in
                var text = Substring(part.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
                // The last item of a list: "`a()`, `b()`, and `c()`".
                for conjunction in ["and ", "or "] where text.hasPrefix(conjunction) { text = text.dropFirst(conjunction.count) }
                return String(text)
            }
        return parts.filter(looksLikeCode)
    }

    /// `name(a[, b])` → `name()`: the parameters of a call signature, nested brackets and all. A
    /// parenthesis that does not follow a name character (prose "(see below)") is left alone.
    static func withoutParameters(_ heading: String) -> String {
        var result = ""
        var depth = 0
        var previous: Character = " "
        for character in heading {
            if depth > 0 {
                if character == "(" { depth += 1 }
                if character == ")" {
                    depth -= 1
                    if depth == 0 { result.append(")") }
                }
                continue
            }
            if character == "(", previous.isLetter || previous.isNumber || previous == "_" || previous == "$" {
                depth = 1
                result.append("(")
            } else {
                result.append(character)
            }
            previous = character
        }
        // An unbalanced signature: keep the heading as written.
        return depth == 0 ? result : heading
    }

    /// `Class: net.Server` → `net.Server`: a short prose label before a colon (API references write
    /// "Class:", "Static method:", "Event:") is not part of the name.
    static func withoutLabel(_ heading: String) -> String {
        guard let colon = heading.range(of: ": ") else { return heading }
        let label = heading[..<colon.lowerBound]
        guard !label.isEmpty, label.split(separator: " ").count <= 3,
            label.allSatisfy({ $0.isLetter || $0 == " " })
        else { return heading }
        return String(heading[colon.upperBound...])
    }

    /// `(`, `.`, `<`, `_`, `$`, `@`, `-`: characters that code names use and prose headings rarely do.
    private static let codeMarks: Set<UInt8> = Set("(.<_$@-".utf8)

    /// A lower-case letter followed by a capital inside one word (`useState`, `onUpdated`).
    private static func hasInnerCapital(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var previousLower = false
            for byte in text.utf8 {
                if (0x41...0x5A).contains(byte), previousLower { return true }
                previousLower = (0x61...0x7A).contains(byte)
            }
            return false
        }
        var previousLower = false
        for character in text {
            if character.isUppercase, previousLower { return true }
            previousLower = character.isLowercase
        }
        return false
    }
}
