import Foundation

/// API and command names as documentation writes them in inline code.
enum CodeName {
    /// Whether a phrase reads as code rather than prose: `ref()`, `app.config`, `v-model`, `<Suspense>`,
    /// `useState`, `go test`.
    static func looksLikeCode(_ text: String) -> Bool {
        // Most phrases are plain ASCII: read as bytes, without splitting into `Character`s.
        if let answer = text.utf8.withContiguousStorageIfAvailable(asciiLooksLikeCode), let answer { return answer }
        return generalLooksLikeCode(text)
    }

    /// `generalLooksLikeCode` for ASCII text without a carriage return (there a byte is a `Character`);
    /// nil for any other text.
    static func asciiLooksLikeCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
        func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
        func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
        func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
        let count = bytes.count
        guard count > 0, count <= 60 else { return false }
        let first = bytes[0]
        if (count >= 2 && bytes[count - 2] == UInt8(ascii: "(") && bytes[count - 1] == UInt8(ascii: ")"))
            || first == UInt8(ascii: "<") || first == UInt8(ascii: "$") || first == UInt8(ascii: "@")
        {
            return true
        }
        guard !bytes.contains(0x20) else { return false }
        let doubleColon = count >= 2 && (1..<count).contains {
            bytes[$0] == UInt8(ascii: ":") && bytes[$0 - 1] == UInt8(ascii: ":")
        }
        if bytes.contains(UInt8(ascii: ".")) || bytes.contains(UInt8(ascii: "_")) || doubleColon {
            return isLetter(first) || first == UInt8(ascii: ".")
        }
        if bytes.contains(UInt8(ascii: "-")), !bytes.contains(where: isUpper), isLetter(first) {
            // Pieces between hyphens, empty ones left out (as `split` does).
            var pieces = 0
            for index in 0..<count
            where bytes[index] != UInt8(ascii: "-") && (index == 0 || bytes[index - 1] == UInt8(ascii: "-")) {
                pieces += 1
            }
            return count <= 20 && pieces <= 3 && bytes[1] == UInt8(ascii: "-") && first == UInt8(ascii: "v")
        }
        for index in 1..<max(count, 1) where isUpper(bytes[index]) && isLower(bytes[index - 1]) { return true }
        return false
    }

    /// `looksLikeCode` for any text.
    static func generalLooksLikeCode(_ text: String) -> Bool {
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

    /// A title without the symbols some sites put around it (`📦 plugin-sitemap`, `⚡️ Fast`): leading and
    /// trailing characters that are neither letters, digits nor characters code names start or end with.
    static func withoutDecoration(_ title: String) -> String {
        func isDecoration(_ character: Character) -> Bool {
            !(character.isLetter || character.isNumber || "@$<>._()`".contains(character))
        }
        guard let first = title.first, let last = title.last, isDecoration(first) || isDecoration(last) else { return title }
        let start = title.firstIndex { !isDecoration($0) } ?? title.endIndex
        let end = title.lastIndex { !isDecoration($0) }.map { title.index(after: $0) } ?? start
        return start < end ? String(title[start..<end]) : title
    }

    /// Whether a title is one lower-case hyphenated word, as package and command names are
    /// (`create-docusaurus`, `plugin-sitemap`, `git-lfs`): prose titles are capitalised or have blanks.
    static func isHyphenatedName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 60, let first = bytes.first, (0x61...0x7A).contains(first),
            bytes.last != UInt8(ascii: "-"), bytes.contains(UInt8(ascii: "-"))
        else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// The name a scoped package's code span names after its scope: `@docusaurus/plugin-debug` →
    /// `plugin-debug`; nil for other code.
    static func unscoped(_ key: String) -> String? {
        guard key.hasPrefix("@"), let slash = key.firstIndex(of: "/") else { return nil }
        let name = key[key.index(after: slash)...]
        return name.isEmpty || name.contains("/") ? nil : String(name)
    }

    /// The form code is compared under: blanks trimmed, a trailing `()` dropped.
    static func key(_ code: String) -> String {
        var text = code.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("()") { text = String(text.dropLast(2)) }
        // `<KeepAlive>` names the component `KeepAlive`.
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 { text = String(text.dropFirst().dropLast()) }
        return text
    }

    /// The name of the member a qualified code key names, when it reads as a function or method
    /// (`writable.destroy` → `destroy`, `net.Socket.prototype.ref` → `ref`, `Array#map` → `map`,
    /// `Vec::new` → `new`); nil for a key that is not qualified or whose last part is not such a name.
    static func memberName(ofKey key: String) -> String? {
        let bytes = Array(key.utf8)
        guard let last = bytes.lastIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: ":") }),
            last > 0
        else { return nil }
        let name = String(decoding: bytes[(last + 1)...], as: UTF8.self)
        return isBareFunctionName(name) ? name : nil
    }

    /// Whether a code key is one unqualified name that starts lower case, as functions and methods are
    /// written (`destroy`, `ref`, `napi_create_external`, `queueMicrotask`), not a class (`EventEmitter`),
    /// a qualified name, a tag or a phrase.
    static func isBareFunctionName(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, (0x61...0x7A).contains(first) else { return false }
        return bytes.allSatisfy {
            (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0)
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "$")
        }
    }

    /// The code names in a heading such as `defineProps() & defineEmits()`, `app.mount()`, or as API
    /// references write them, `Class: net.Server` and `util.inspect(object[, options])` (a signature
    /// names the call `util.inspect()`).
    static func names(inHeading heading: String) -> [String] {
        // Most headings are prose: only look closer at one holding a character code names use.
        guard heading.utf8.contains(where: Self.isCodeMark) || hasInnerCapital(heading) else { return [] }
        let parts = withoutLabel(withoutParameters(heading)).split(separator: ",").flatMap { $0.split(separator: "&") }
            // The generic split by a phrase is slow, and few headings hold " and ": only those are split.
            .flatMap { part in KeywordIndex.contains(String(part), " and ") ? part.split(separator: " and ") : [part] }
            .map { part in
                var text = part.trimmingScalars { $0 == " " }
                // The last item of a list: "`a()`, `b()`, and `c()`".
                for conjunction in ["and ", "or "] where text.hasPrefix(conjunction) { text = text.dropFirst(conjunction.count) }
                return String(text)
            }
        return parts.filter(looksLikeCode)
    }

    /// `name(a[, b])` → `name()`: the parameters of a call signature, nested brackets and all. A
    /// parenthesis that does not follow a name character (prose "(see below)") is left alone.
    static func withoutParameters(_ heading: String) -> String {
        // Without a parenthesis there is nothing to take out (most headings).
        guard heading.utf8.contains(UInt8(ascii: "(")) else { return heading }
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
        guard heading.utf8.contains(UInt8(ascii: ":")), let colon = heading.range(of: ": ") else { return heading }
        let label = heading[..<colon.lowerBound]
        guard !label.isEmpty, label.split(separator: " ").count <= 3,
            label.allSatisfy({ $0.isLetter || $0 == " " })
        else { return heading }
        return String(heading[colon.upperBound...])
    }

    /// `(`, `.`, `<`, `_`, `$`, `@`, `-`: characters that code names use and prose headings rarely do.
    private static func isCodeMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "."), UInt8(ascii: "<"), UInt8(ascii: "_"), UInt8(ascii: "$"),
            UInt8(ascii: "@"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

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
