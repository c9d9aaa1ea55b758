#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines up cmark's text (entities decoded, backslash escapes removed) with the raw bytes it came
/// from, and returns the raw runs that read exactly as the text. Only those runs are linkable:
/// a link inserted across `&amp;` or `\*` would change what the reader sees.
enum TextAligner {
    /// The raw sub-ranges of `raw[range]` whose bytes equal the corresponding bytes of `literal`,
    /// or nil when the two cannot be lined up (the node was mapped to the wrong bytes).
    static func identicalRuns(raw: [UInt8], range: Range<Int>, literal: [UInt8]) -> [Range<Int>]? {
        guard range.lowerBound >= 0, range.upperBound <= raw.count else { return nil }
        var range = range
        // cmark drops the blanks before a line break from the literal but not from the position.
        while range.count > literal.count, let last = range.last, raw[last] == 0x20 || raw[last] == 0x09 {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        if range.count == literal.count, bytesEqual(raw, range, literal) {
            return literal.isEmpty ? [] : [range]
        }
        var runs: [Range<Int>] = []
        var runStart: Int? = nil
        var i = range.lowerBound
        var j = 0
        func closeRun() {
            if let start = runStart, start < i { runs.append(start..<i) }
            runStart = nil
        }
        while i < range.upperBound, j < literal.count {
            let byte = raw[i]
            if byte == UInt8(ascii: "\\"), i + 1 < range.upperBound, isASCIIPunctuation(raw[i + 1]),
                literal[j] == raw[i + 1]
            {
                closeRun()
                i += 2
                j += 1
                continue
            }
            if byte == UInt8(ascii: "&"), let entityEnd = entityEnd(raw, from: i, limit: range.upperBound),
                !literalHasSameEntity(raw: raw, entity: i..<entityEnd, literal: literal, at: j)
            {
                closeRun()
                i = entityEnd
                // The decoded entity is one or two scalars; resynchronise on the next raw byte.
                j = skipScalar(literal, at: j)
                if i < range.upperBound, j < literal.count, literal[j] != raw[i] {
                    j = skipScalar(literal, at: j)
                }
                continue
            }
            guard byte == literal[j] else { return nil }
            if runStart == nil { runStart = i }
            i += 1
            j += 1
        }
        guard i == range.upperBound, j == literal.count else { return nil }
        closeRun()
        return runs
    }

    /// Whether `raw[range]` holds the bytes of `literal` (of the same length), compared with
    /// `memcmp`: the generic `elementsEqual` on an array slice cost 1.5% of a whole run.
    private static func bytesEqual(_ raw: [UInt8], _ range: Range<Int>, _ literal: [UInt8]) -> Bool {
        raw.withUnsafeBufferPointer { rawBuffer in
            literal.withUnsafeBufferPointer { literalBuffer in
                guard let rawBase = rawBuffer.baseAddress, let literalBase = literalBuffer.baseAddress else {
                    return range.isEmpty && literal.isEmpty
                }
                return memcmp(rawBase + range.lowerBound, literalBase, literal.count) == 0
            }
        }
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// End offset (after `;`) of an entity or numeric character reference starting at `start`.
    private static func entityEnd(_ raw: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start + 1
        var length = 0
        while index < limit, length <= 32 {
            let byte = raw[index]
            if byte == UInt8(ascii: ";") { return length > 0 ? index + 1 : nil }
            let isName =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "#")
            guard isName else { return nil }
            index += 1
            length += 1
        }
        return nil
    }

    /// True when the literal keeps the entity text as written (cmark did not decode it).
    private static func literalHasSameEntity(raw: [UInt8], entity: Range<Int>, literal: [UInt8], at j: Int)
        -> Bool
    {
        guard j + entity.count <= literal.count else { return false }
        return raw[entity].elementsEqual(literal[j..<(j + entity.count)])
    }

    private static func skipScalar(_ bytes: [UInt8], at index: Int) -> Int {
        guard index < bytes.count else { return index }
        var next = index + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}
