/// Where a link's text ends in the raw bytes: the bracket matching, as CommonMark matches them.
public enum LinkTextBrackets {
    /// The `]` closing the link text opened just before `start`: nested brackets balance, backslash
    /// escapes and code spans are skipped.
    public static func closingBracket(_ bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var depth = 1
        var index = start
        while index < limit {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "`"):
                var run = 0
                while index + run < limit, bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                var search = index + run
                var closed = false
                while search < limit {
                    if bytes[search] == UInt8(ascii: "`") {
                        var other = 0
                        while search + other < limit, bytes[search + other] == UInt8(ascii: "`") { other += 1 }
                        if other == run {
                            index = search + other
                            closed = true
                            break
                        }
                        search += other
                    } else {
                        search += 1
                    }
                }
                if !closed { index += run }
                continue
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// How many `[` `openingBracket` tries: link text nested deeper is not looked for, so that a line of
    /// brackets costs linear time.
    public static let mostOpeningsTried = 16

    /// The `[` whose link text the `]` at `close` closes: the nearest one before it (of the nearest
    /// `mostOpeningsTried`), no further back than `earliest` nor past a blank line, for which
    /// `closingBracket` finds `close`; nil when there is none, or when it opens an image (`![`).
    public static func openingBracket(_ bytes: [UInt8], closing close: Int, earliest: Int) -> Int? {
        guard close < bytes.count else { return nil }
        var index = close - 1
        var tried = 0
        while index >= max(earliest, 0), tried < mostOpeningsTried {
            let byte = bytes[index]
            if byte == 0x0A, index > 0, bytes[index - 1] == 0x0A || (bytes[index - 1] == 0x0D && index > 1 && bytes[index - 2] == 0x0A) {
                return nil
            }
            if byte == UInt8(ascii: "[") {
                if closingBracket(bytes, from: index + 1, limit: close + 1) == close {
                    return index > 0 && bytes[index - 1] == UInt8(ascii: "!") ? nil : index
                }
                tried += 1
            }
            index -= 1
        }
        return nil
    }
}
