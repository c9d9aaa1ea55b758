/// Fragment ids for headings, as Hugo, GitHub, MkDocs and most generators make them.
public enum HeadingID {
    /// Splits a trailing attribute list off heading text: `{#custom-id}` (Hugo, Pandoc), `{ #custom-id }`
    /// and `{ #id .class key=value }` (MkDocs' attr_list, which FastAPI's docs put on every heading),
    /// `{: #id }` (kramdown, Jekyll's default). The id is the list's `#` item, nil when it has none
    /// (`{.unnumbered}`: the attributes are still no part of the heading's text). Braces that hold
    /// anything else (`Using {name}`) are text.
    public static func splitCustomID(_ text: String) -> (text: String, id: String?) {
        guard text.hasSuffix("}"), let brace = text.lastIndex(of: "{") else { return (text, nil) }
        var inside = text[text.index(after: brace)..<text.index(before: text.endIndex)]
        if inside.hasPrefix(":") { inside = inside.dropFirst() }
        let items = attributeItems(inside)
        guard !items.isEmpty, items.allSatisfy(isAttribute) else { return (text, nil) }
        let id = items.last(where: { $0.hasPrefix("#") }).map { String($0.dropFirst()) }
        let rest = text[..<brace]
        return (String(rest.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()), id)
    }

    /// The items of an attribute list: split at blanks outside quotation marks
    /// (`data-toc-label="Two words"` is one item).
    private static func attributeItems(_ list: Substring) -> [Substring] {
        var items: [Substring] = []
        var start: Substring.Index? = nil
        var quote: Character? = nil
        var index = list.startIndex
        while index < list.endIndex {
            let character = list[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == " " || character == "\t" {
                if let begun = start { items.append(list[begun..<index]) }
                start = nil
            } else {
                if start == nil { start = index }
                if character == "\"" || character == "'" { quote = character }
            }
            index = list.index(after: index)
        }
        if let begun = start { items.append(list[begun...]) }
        return items
    }

    /// One item of an attribute list: `#id`, `.class`, or `key=value` (the value maybe quoted).
    private static func isAttribute(_ item: Substring) -> Bool {
        func isNameCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || "-_:.".contains(character)
        }
        if item.hasPrefix("#") || item.hasPrefix(".") {
            let name = item.dropFirst()
            return !name.isEmpty && name.allSatisfy(isNameCharacter)
        }
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else { return false }
        return item[..<equals].allSatisfy(isNameCharacter) && !item[item.index(after: equals)...].contains("{")
    }

    /// The GitHub-style slug: lower case, punctuation dropped, spaces turned into hyphens.
    public static func slug(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiSlug(text) : characterSlug(text)
    }

    /// `slug` read by `Character`s: any text.
    static func characterSlug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character == " " {
                result.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                result.append(character)
            }
        }
        return result
    }

    /// `slug` of an ASCII text, read as bytes (by `Character`s it cost 1% of a whole run).
    private static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                bytes.append(byte)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
