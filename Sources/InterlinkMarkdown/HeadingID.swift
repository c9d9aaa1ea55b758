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
