import Yams

/// YAML that Yams cannot compose in reasonable time: a mapping key that is an alias or a collection, in
/// a block that uses aliases. Yams checks every mapping for duplicate keys by hashing them, and hashes a
/// collection by walking it; an alias is not a reference there but the whole node it names, so a key
/// such as `? *a8` where each `&aN` repeats `*aN-1` ten times is hashed over a billion nodes before
/// Interlink sees anything (its own walk of the values is bounded, `FrontMatterParser.convert`). Found by
/// the fuzzer; such text is refused before it reaches Yams.
///
/// Front matter and configuration keys are plain names, so the rule is kept simple and errs on the side of
/// refusing: when the text holds an alias (`*name` where a node can start), the first key that is an
/// explicit one (`? `), an alias or a flow collection followed by `:`, or an alias or a collection where a
/// flow mapping expects a key (`{ *a }`) is reported.
/// Quoted strings, comments and block scalars (`|`, `>`) are skipped.
enum YAMLAliasedKeys {
    /// The top-level mapping of a generator's configuration file, composed by Yams when the text is safe
    /// to compose (`first(in:)`); nil when it is not, is not valid YAML, or is not a mapping.
    static func topLevelMapping(of text: String) -> Node.Mapping? {
        guard first(in: text.utf8) == nil, let node = try? Yams.compose(yaml: text), case .mapping(let mapping) = node
        else { return nil }
        return mapping
    }

    /// What is wrong, for a diagnostic at the key.
    static let refusal =
        "a mapping key that is an alias or a collection, in a block that uses aliases, is refused "
        + "(comparing such keys can take exponential time)"

    /// The 1-based line and byte column of the first such key, or nil when the text is safe to compose.
    static func first(in text: some Collection<UInt8>) -> (line: Int, column: Int)? {
        // Without a `*` there is no alias, and hashing any key takes time linear in its bytes.
        guard text.contains(UInt8(ascii: "*")) else { return nil }
        var scanner = Scanner(text: Array(text))
        scanner.run()
        guard scanner.sawAlias, let offset = scanner.firstComplexKey else { return nil }
        return scanner.position(of: offset)
    }

    private struct Scanner {
        let text: [UInt8]
        var index = 0
        /// The last byte read outside strings and comments (a line end at the start).
        var previous = UInt8(ascii: "\n")
        /// The last byte read that is not a blank, outside strings and comments.
        var lastSignificant = UInt8(ascii: "\n")
        /// The offsets of the open `[` and `{`.
        var openers: [Int] = []
        var sawAlias = false
        var firstComplexKey: Int?

        init(text: [UInt8]) { self.text = text }

        mutating func run() {
            while index < text.count {
                let byte = text[index]
                let startsNode = Self.isBlank(previous) || Self.isFlowStart(previous)
                switch byte {
                case UInt8(ascii: "#") where Self.isBlank(previous):
                    skipLine()
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if startsNode {
                        skipQuoted(byte)
                        previous = byte
                        lastSignificant = byte
                        continue
                    }
                case UInt8(ascii: "*") where startsNode && index + 1 < text.count && Self.isAnchorByte(text[index + 1]):
                    let start = index
                    index += 1
                    while index < text.count, Self.isAnchorByte(text[index]) { index += 1 }
                    sawAlias = true
                    if isFollowedByColon() || isFlowMappingKey() { note(start) }
                    previous = UInt8(ascii: "a")
                    lastSignificant = previous
                    continue
                case UInt8(ascii: "?") where startsKey() && (index + 1 == text.count || Self.isBlank(text[index + 1])):
                    note(index)
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if startsNode && openers.isEmpty {
                        skipBlockScalar()
                        continue
                    }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if isFlowMappingKey() { note(index) }
                    openers.append(index)
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    let opener = openers.popLast() ?? index
                    index += 1
                    if isFollowedByColon() { note(opener) }
                    previous = byte
                    lastSignificant = byte
                    continue
                default:
                    break
                }
                previous = byte
                if !Self.isBlank(byte) { lastSignificant = byte }
                index += 1
            }
        }

        /// Whether a key may start at `index`: after `[`, `{` or `,`, or with nothing before it on its line but
        /// blanks and sequence dashes (`- ? key`); a `?` ending a sentence in a plain scalar is no key.
        private func startsKey() -> Bool {
            if Self.isFlowStart(lastSignificant) && lastSignificant != UInt8(ascii: ":") { return true }
            var before = index
            while before > 0, text[before - 1] != 0x0A {
                let byte = text[before - 1]
                guard byte == 0x20 || byte == 0x09 || (byte == UInt8(ascii: "-") && Self.isBlank(text[before])) else {
                    return false
                }
                before -= 1
            }
            return true
        }

        /// Whether a node starting at `index` is a key of a flow mapping: `{ *a }` and `{ [x], y }` are
        /// mappings whose keys have null values.
        private func isFlowMappingKey() -> Bool {
            openers.last.map { text[$0] == UInt8(ascii: "{") } == true
                && (lastSignificant == UInt8(ascii: "{") || lastSignificant == UInt8(ascii: ","))
        }

        private mutating func note(_ offset: Int) {
            if firstComplexKey == nil { firstComplexKey = offset }
        }

        /// Whether blanks and then a `:` follow `index` on the same line (the node just read is a key).
        private func isFollowedByColon() -> Bool {
            var next = index
            while next < text.count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
            return next < text.count && text[next] == UInt8(ascii: ":")
        }

        private mutating func skipLine() {
            while index < text.count, text[index] != 0x0A { index += 1 }
        }

        /// Skips a quoted scalar: `\` escapes in double quotes, `''` in single ones; it may span lines.
        private mutating func skipQuoted(_ quote: UInt8) {
            index += 1
            while index < text.count {
                let byte = text[index]
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                index += 1
                if byte == quote {
                    if quote == UInt8(ascii: "'"), index < text.count, text[index] == quote {
                        index += 1
                        continue
                    }
                    return
                }
            }
        }

        /// Skips a block scalar's header and its content: the lines after it that are blank or indented at
        /// least as deep as its first non-blank line, when that is deeper than the header's line.
        private mutating func skipBlockScalar() {
            var lineStart = index
            while lineStart > 0, text[lineStart - 1] != 0x0A { lineStart -= 1 }
            var indent = 0
            while lineStart + indent < text.count, text[lineStart + indent] == 0x20 { indent += 1 }
            skipLine()
            var contentIndent: Int? = nil
            while index < text.count {
                let next = index + 1
                var spaces = 0
                while next + spaces < text.count, text[next + spaces] == 0x20 { spaces += 1 }
                let end = next + spaces
                let blank = end >= text.count || text[end] == 0x0A || text[end] == 0x0D
                if !blank {
                    // The first content line sets the scalar's indentation (`- b: >` at 0, text at 4, and
                    // a key of the same item at 2 after it).
                    if contentIndent == nil { contentIndent = spaces }
                    guard let contentIndent, contentIndent > indent, spaces >= contentIndent else { break }
                }
                index = next
                skipLine()
            }
            previous = 0x0A
            lastSignificant = 0x0A
        }

        func position(of offset: Int) -> (line: Int, column: Int) {
            var line = 1
            var lineStart = 0
            for position in 0..<offset where text[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            return (line, offset - lineStart + 1)
        }

        private static func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private static func isFlowStart(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: ":")
        }

        /// libyaml's anchor names: ASCII letters, digits, `_` and `-`.
        private static func isAnchorByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
    }
}
