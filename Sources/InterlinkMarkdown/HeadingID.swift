/// Fragment ids for headings, as Hugo, GitHub, MkDocs and most generators make them.
public enum HeadingID {
    /// Splits a trailing `{#custom-id}` off heading text.
    public static func splitCustomID(_ text: String) -> (text: String, id: String?) {
        guard text.hasSuffix("}"), let brace = text.lastIndex(of: "{"),
            text[text.index(after: brace)...].hasPrefix("#")
        else { return (text, nil) }
        let id = text[text.index(brace, offsetBy: 2)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, !id.contains(" ") else { return (text, nil) }
        let rest = text[..<brace]
        return (String(rest.reversed().drop(while: { $0 == " " }).reversed()), String(id))
    }

    /// The GitHub-style slug: lower case, punctuation dropped, spaces turned into hyphens.
    public static func slug(_ text: String) -> String {
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
}
