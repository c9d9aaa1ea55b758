/// Malformed TOML that toml++ (inside TOMLKit 0.6) does not report but asserts on: an abort in a debug
/// build (what `swift build` and the pre-commit hook make), undefined behaviour in a release one, where the
/// assertion becomes an assumption. Found by the fuzzer; such text is refused before it reaches the parser.
///
/// - a date followed by `T` or `t` and no digit (`1979-05-27Th7:32:00`): `parse_time` asserts a digit;
/// - an array whose next value is a `}` (`[}`, `[1, }`): `parse_value` asserts a value starts there;
/// - a table header whose key does not start with a bare-key character or a quote (`[.a]`, `[[ [a]]`, `[é]`):
///   `parse_key` asserts it does.
///
/// Strings and comments are skipped; table headers (`[table]` on a line of its own) are not arrays.
enum TOMLParserTraps {
    /// Where the first trap is, and what is wrong there.
    static func first(in text: [UInt8]) -> (offset: Int, message: String)? {
        var scanner = Scanner(text: text)
        return scanner.run()
    }

    private struct Scanner {
        let text: [UInt8]
        var index = 0
        /// The open `[` and `{` of values.
        var containers: [UInt8] = []
        /// The last byte that is not a blank, outside strings and comments (a line end counts at the top level).
        var previous = UInt8(ascii: "\n")

        init(text: [UInt8]) { self.text = text }

        mutating func run() -> (offset: Int, message: String)? {
            while index < text.count {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: "#"):
                    skipComment()
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                    previous = byte
                    continue
                case 0x20, 0x09, 0x0D:
                    index += 1
                    continue
                case 0x0A:
                    if containers.isEmpty { previous = byte }
                    index += 1
                    continue
                case UInt8(ascii: "["):
                    if containers.isEmpty, previous != UInt8(ascii: "=") {
                        // A table header, `[name]` or `[[name]]`: not a value.
                        if let trap = headerWithoutKey(at: index) { return trap }
                        while index < text.count, text[index] != 0x0A { index += 1 }
                        previous = 0x0A
                        continue
                    }
                    containers.append(byte)
                    if let trap = closingBraceAsValue(after: index) { return trap }
                case UInt8(ascii: "{"):
                    containers.append(byte)
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    _ = containers.popLast()
                case UInt8(ascii: ","):
                    if containers.last == UInt8(ascii: "["), let trap = closingBraceAsValue(after: index) { return trap }
                default:
                    if let trap = dateWithoutTime(at: index) { return trap }
                }
                previous = byte
                index += 1
            }
            return nil
        }

        /// In an array, after `[` or `,`: a `}` where the next value should start.
        func closingBraceAsValue(after position: Int) -> (offset: Int, message: String)? {
            var next = position + 1
            while next < text.count {
                switch text[next] {
                case 0x20, 0x09, 0x0D, 0x0A: next += 1
                case UInt8(ascii: "#"):
                    while next < text.count, text[next] != 0x0A { next += 1 }
                case UInt8(ascii: "}"): return (next, "expected a value or ']' in the array, saw '}'")
                default: return nil
                }
            }
            return nil
        }

        /// A table header (`[` or `[[`, blanks) whose next byte neither starts a key nor closes the header.
        func headerWithoutKey(at start: Int) -> (offset: Int, message: String)? {
            var next = start + 1
            if next < text.count, text[next] == UInt8(ascii: "[") { next += 1 }
            while next < text.count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
            guard next < text.count else { return nil }
            let byte = text[next]
            let startsKey =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "_-\"']".utf8.contains(byte)
            return startsKey ? nil : (next, "expected a key in the table header")
        }

        /// A value `YYYY-MM-DD` followed by `T` or `t` and no digit.
        func dateWithoutTime(at start: Int) -> (offset: Int, message: String)? {
            guard "=[,{".utf8.contains(previous) else { return nil }
            func isDigit(_ offset: Int) -> Bool { start + offset < text.count && (0x30...0x39).contains(text[start + offset]) }
            guard (0..<4).allSatisfy(isDigit), start + 11 < text.count, text[start + 4] == UInt8(ascii: "-"), isDigit(5),
                isDigit(6), text[start + 7] == UInt8(ascii: "-"), isDigit(8), isDigit(9),
                text[start + 10] == UInt8(ascii: "T") || text[start + 10] == UInt8(ascii: "t"), !isDigit(11)
            else { return nil }
            return (start + 10, "expected a time (hh:mm:ss) after the date's 'T'")
        }

        mutating func skipComment() {
            while index < text.count, text[index] != 0x0A { index += 1 }
        }

        /// Basic strings take escapes, literal strings do not; both have a multi-line form.
        mutating func skipString(quote: UInt8) {
            let triple = [quote, quote, quote]
            func starts(_ delimiter: [UInt8], at offset: Int) -> Bool {
                offset + delimiter.count <= text.count && text[offset..<(offset + delimiter.count)].elementsEqual(delimiter)
            }
            let multiLine = starts(triple, at: index)
            index += multiLine ? 3 : 1
            while index < text.count {
                if quote == UInt8(ascii: "\""), text[index] == UInt8(ascii: "\\") {
                    index += 2
                } else if multiLine ? starts(triple, at: index) : text[index] == quote {
                    index += multiLine ? 3 : 1
                    return
                } else if !multiLine, text[index] == 0x0A {
                    return
                } else {
                    index += 1
                }
            }
        }
    }
}
