/// A suggestion's JSON object written directly, byte for byte as `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: the report of a large site is mostly
/// suggestions, and the encoder's generic machinery cost about 7% of a whole run at 10,000 articles.
/// `SuggestionJSONTests` checks the bytes against `JSONEncoder` on awkward strings and numbers.
enum SuggestionJSON {
    /// Appends `suggestion` as a pretty-printed object whose lines are indented by `indent` spaces
    /// (the object's own braces included), without a line break after the closing brace.
    static func append(_ suggestion: Suggestion, indent: Int, to out: inout [UInt8]) {
        let outer = [UInt8](repeating: 0x20, count: indent)
        let inner = outer + [0x20, 0x20]
        var first = true
        func key(_ name: StaticString) {
            out.append(contentsOf: first ? [0x0A] : [0x2C, 0x0A])
            first = false
            out.append(contentsOf: inner)
            out.append(0x22)
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: "\" : ".utf8)
        }
        out.append(contentsOf: outer)
        out.append(UInt8(ascii: "{"))
        // Keys in the order `.sortedKeys` gives them.
        key("anchor")
        appendString(suggestion.anchor, to: &out)
        key("column")
        appendInteger(suggestion.column, to: &out)
        if let fragment = suggestion.fragment {
            key("fragment")
            appendString(fragment, to: &out)
        }
        key("id")
        appendString(suggestion.id, to: &out)
        key("length")
        appendInteger(suggestion.length, to: &out)
        key("line")
        appendInteger(suggestion.line, to: &out)
        key("offset")
        appendInteger(suggestion.offset, to: &out)
        key("reason")
        appendString(suggestion.reason, to: &out)
        key("score")
        appendNumber(suggestion.score, to: &out)
        key("source")
        appendString(suggestion.source, to: &out)
        key("target")
        appendString(suggestion.target, to: &out)
        key("url")
        appendString(suggestion.url, to: &out)
        out.append(0x0A)
        out.append(contentsOf: outer)
        out.append(UInt8(ascii: "}"))
    }

    /// A JSON string: quotation mark, reverse solidus and control characters escaped (`\b \f \n \r
    /// \t` by name, the others as `\u00XX`), everything else as its UTF-8 bytes, slashes unescaped.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// A finite number as `JSONEncoder` writes it: Swift's shortest round-trip form, without a
    /// trailing `.0` (so 1.0 is `1`).
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }
}
