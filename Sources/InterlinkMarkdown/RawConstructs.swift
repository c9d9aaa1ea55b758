/// Constructs that cmark (plain CommonMark) reads as ordinary text but that a site generator does
/// not: generator templates (Hugo shortcodes, Liquid tags), `[[wikilinks]]`, and bare URLs that
/// GitHub-flavoured renderers turn into links. Found in the raw bytes of prose spans and made
/// forbidden; the links among them are recorded.
enum RawConstructs {
    struct Finding {
        var zone: ForbiddenZone
        var link: MarkdownLink?
    }

    /// All constructs inside `raw[range]`, in order, not overlapping. Linear in the span's length, whatever
    /// it holds: searches for a closing delimiter never rescan bytes an earlier search has passed.
    static func find(in raw: [UInt8], range: Range<Int>) -> [Finding] {
        var findings: [Finding] = []
        var scanner = Scanner(raw: raw, range: range)
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            index = nextCandidate(in: raw, from: index, end: end)
            guard index < end else { break }
            let byte = raw[index]
            var found: Finding? = nil
            // Only these bytes can open a construct; everything else is skipped at once.
            switch byte {
            case UInt8(ascii: "{"):
                if index + 1 < end, raw[index + 1] == UInt8(ascii: "{") || raw[index + 1] == UInt8(ascii: "%") {
                    found = template(at: index, scanner: &scanner)
                }
            case UInt8(ascii: "["):
                if index + 1 < end, raw[index + 1] == UInt8(ascii: "[") {
                    found = wikilink(at: index, scanner: &scanner)
                }
                if found == nil { scanner.lastBracket = (index, false) }
            case UInt8(ascii: "h"), UInt8(ascii: "w"), UInt8(ascii: "H"), UInt8(ascii: "W"):
                if let urlEnd = bareURLEnd(in: raw, at: index, range: range) {
                    found = Finding(zone: ForbiddenZone(kind: .bareURL, range: index..<urlEnd), link: nil)
                }
            default:
                break
            }
            if let found {
                findings.append(found)
                scanner.passed(found.zone.range)
                index = found.zone.range.upperBound
            } else {
                index += 1
            }
        }
        return findings
    }

    /// The first byte at or after `index` that can open a construct (`{`, `[`, or the first letter of
    /// a bare URL's scheme followed by the scheme's second letter: `ht` or `ww` in any case), or `end`.
    /// Prose has an `h` or `w` every few words; few are followed by `t` or `w`, and `bareURLEnd`
    /// checks the rest. Eight bytes are compared at a time (`ByteWord`, with the eight after each for
    /// the second letter): a byte-by-byte loop was 3 % of a `suggest` run.
    static func nextCandidate(in raw: [UInt8], from index: Int, end: Int) -> Int {
        raw.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return end }
            // Eight bytes are read at a time without bounds checks: never past the bytes.
            let end = min(end, buffer.count)
            var position = index
            // `| 0x20` folds `[` onto `{`, `H` onto `h`, `T` onto `t` and `W` onto `w`, and no other
            // byte onto any of them.
            let fold = ByteWord.everyByte(0x20)
            while position + 9 <= end {
                let bytes = ByteWord.load(base, position) | fold
                let following = ByteWord.load(base, position + 1) | fold
                let opens =
                    ByteWord.bytes(bytes, equalTo: 0x7B)
                    | ByteWord.zeroBytes(
                        (bytes ^ ByteWord.everyByte(UInt8(ascii: "h"))) | (following ^ ByteWord.everyByte(UInt8(ascii: "t"))))
                    | ByteWord.zeroBytes(
                        (bytes ^ ByteWord.everyByte(UInt8(ascii: "w"))) | (following ^ ByteWord.everyByte(UInt8(ascii: "w"))))
                if opens != 0 { return position + opens.trailingZeroBitCount / 8 }
                position += 8
            }
            while position < end {
                switch buffer[position] | 0x20 {
                case 0x7B:
                    return position
                case UInt8(ascii: "h"):
                    if position + 1 < end, buffer[position + 1] | 0x20 == UInt8(ascii: "t") { return position }
                case UInt8(ascii: "w"):
                    if position + 1 < end, buffer[position + 1] | 0x20 == UInt8(ascii: "w") { return position }
                default:
                    break
                }
                position += 1
            }
            return end
        }
    }

    /// What `find` knows about the bytes it has passed: where closing delimiters are (each search starts
    /// where the last one left off) and the last `[` (the start of a template link's text).
    struct Scanner {
        let raw: [UInt8]
        let range: Range<Int>
        /// The last `[` before the current position, and whether it sits inside a construct already found.
        var lastBracket: (index: Int, inFinding: Bool)? = nil
        /// Where the last construct found ends.
        var lastFindingEnd = Int.min
        private var search: ForwardSearch

        init(raw: [UInt8], range: Range<Int>) {
            self.raw = raw
            self.range = range
            search = ForwardSearch(raw: raw, end: range.upperBound)
        }

        /// The first `needle` at or after `start` in the range (`ForwardSearch`).
        mutating func first(_ needle: [UInt8], from start: Int) -> Int? {
            search.first(needle, from: start)
        }

        /// A construct was found over `zone`: a `[` inside it is the last one, but belongs to the construct.
        mutating func passed(_ zone: Range<Int>) {
            lastFindingEnd = zone.upperBound
            if let bracket = zone.reversed().first(where: { raw[$0] == UInt8(ascii: "[") }) {
                lastBracket = (bracket, true)
            }
        }
    }

    // MARK: Templates

    private static func template(at start: Int, scanner: inout Scanner) -> Finding? {
        let raw = scanner.raw
        let range = scanner.range
        let isLiquid = raw[start + 1] == UInt8(ascii: "%")
        let close: [UInt8] = isLiquid ? Array("%}".utf8) : Array("}}".utf8)
        guard let closeStart = scanner.first(close, from: start + 2) else { return nil }
        var templateRange = start..<(closeStart + 2)
        let inner = String(decoding: raw[(start + 2)..<closeStart], as: UTF8.self)
        var body = inner.trimming(" \t")
        if !isLiquid {
            // Hugo: {{< name args >}} or {{% name args %}}.
            for (open, close) in [("<", ">"), ("%", "%")] where body.hasPrefix(open) && body.hasSuffix(close) && body.count >= 2 {
                body = String(body.dropFirst().dropLast()).trimming(" \t")
            }
        } else {
            body = body.trimming("-").trimming(" \t")
        }
        let words = body.split(separator: " ", maxSplits: 1).map(String.init)
        let name = words.first ?? ""
        var argument = words.count > 1 ? words[1].trimming(" \t") : ""
        if let quoted = firstQuoted(argument) { argument = quoted }
        let linkTemplates: Set<String> = isLiquid ? ["link", "post_url"] : ["ref", "relref"]
        guard linkTemplates.contains(name) else {
            // A Liquid output tag (`{{ … }}`, not Hugo's `{{< … >}}` or `{{% … %}}`) or tag in a link's
            // destination: the whole link is one construct, so nothing is linked inside its text.
            let isHugoShortcode = !isLiquid && (inner.hasPrefix("<") || inner.hasPrefix("%"))
            if !isHugoShortcode, let link = liquidDestinationLink(at: start, scanner: scanner) {
                return Finding(zone: ForbiddenZone(kind: .template, range: link.range), link: link)
            }
            return Finding(zone: ForbiddenZone(kind: .template, range: templateRange), link: nil)
        }
        // In link position? `[text](` right before (blanks allowed) and `)` right after.
        var before = start - 1
        while before >= range.lowerBound, raw[before] == 0x20 { before -= 1 }
        var after = templateRange.upperBound
        while after < range.upperBound, raw[after] == 0x20 { after += 1 }
        if before - 1 >= range.lowerBound, raw[before] == UInt8(ascii: "("), raw[before - 1] == UInt8(ascii: "]"),
            after < range.upperBound, raw[after] == UInt8(ascii: ")"),
            // The last `[` before the `](` (the bytes between are blanks, `{` or `%`), unless a construct holds it.
            let bracket = scanner.lastBracket, !bracket.inFinding
        {
            let open = bracket.index
            let text = String(decoding: raw[(open + 1)..<(before - 1)], as: UTF8.self)
            templateRange = open..<(after + 1)
            let link = MarkdownLink(
                kind: .template, destination: argument, template: name, text: text, range: templateRange)
            return Finding(zone: ForbiddenZone(kind: .template, range: templateRange), link: link)
        }
        let link = MarkdownLink(kind: .template, destination: argument, template: name, text: "", range: templateRange)
        return Finding(zone: ForbiddenZone(kind: .template, range: templateRange), link: link)
    }

    /// The longest destination a Liquid link is looked for in, before the template and from it on: the
    /// scans are bounded, so a line of templates that close no link costs linear time.
    static let longestLiquidDestination = 512

    /// The `[text](…)` link whose destination holds the template at `start`, such as
    /// `[text]({{ '/docs/x/' | relative_url }})` or `[text]({{ site.baseurl }}/docs/x/)`: the destination
    /// runs from the `(` (blanks may follow it) to the first `)` outside a template, on one line, with no
    /// blank outside templates. Nil when the template is not in such a place.
    private static func liquidDestinationLink(at start: Int, scanner: Scanner) -> MarkdownLink? {
        let raw = scanner.raw
        let range = scanner.range
        // Back to the `(`: over the destination's bytes written before the template, then blanks.
        let earliest = max(range.lowerBound, start - longestLiquidDestination)
        var before = start - 1
        while before >= earliest, !InlineConstructs.isBlank(raw[before]),
            raw[before] != UInt8(ascii: "("), raw[before] != UInt8(ascii: ")"), raw[before] != UInt8(ascii: "]")
        {
            before -= 1
        }
        var open = before
        while open >= earliest, raw[open] == 0x20 || raw[open] == 0x09 { open -= 1 }
        guard open - 1 >= earliest, raw[open] == UInt8(ascii: "("), raw[open - 1] == UInt8(ascii: "]"),
            let bracket = scanner.lastBracket, !bracket.inFinding, bracket.index < open - 1,
            // Constructs do not overlap: one found inside the text (`[a {{ b }}](…)`) keeps it.
            bracket.index >= scanner.lastFindingEnd
        else { return nil }
        // Forward to the `)`, stepping over whole templates.
        let limit = min(range.upperBound, start + longestLiquidDestination)
        var index = start
        while index < limit {
            let byte = raw[index]
            if byte == UInt8(ascii: "{"), index + 1 < limit, raw[index + 1] == UInt8(ascii: "{") || raw[index + 1] == UInt8(ascii: "%") {
                let close: [UInt8] = raw[index + 1] == UInt8(ascii: "%") ? Array("%}".utf8) : Array("}}".utf8)
                // Closed on the same line.
                guard let end = ByteSearch.firstIndex(of: close, in: raw, from: index + 2, end: limit),
                    !raw[index..<end].contains(0x0A)
                else { return nil }
                index = end + close.count
                continue
            }
            if byte == UInt8(ascii: ")") { break }
            if byte == 0x20 || byte == 0x09 {
                // Blanks may only end the destination.
                var next = index
                while next < limit, raw[next] == 0x20 || raw[next] == 0x09 { next += 1 }
                guard next < limit, raw[next] == UInt8(ascii: ")") else { return nil }
                index = next
                break
            }
            if byte == 0x0A || byte == 0x0D { return nil }
            index += 1
        }
        guard index < limit else { return nil }
        let destination = String(decoding: raw[(open + 1)..<index], as: UTF8.self).trimming(" \t")
        let text = String(decoding: raw[(bracket.index + 1)..<(open - 1)], as: UTF8.self)
        return MarkdownLink(
            kind: .template, destination: destination, template: MarkdownLink.liquidDestination, text: text,
            range: bracket.index..<(index + 1))
    }

    private static func firstQuoted(_ text: String) -> String? {
        guard let open = text.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
        let quote = text[open]
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<close])
    }

    // MARK: Wikilinks

    private static func wikilink(at start: Int, scanner: inout Scanner) -> Finding? {
        let raw = scanner.raw
        let range = scanner.range
        // The inner text holds no `[`: the link closes at the first `]]`, provided no `[` comes first.
        guard let close = scanner.first(Array("]]".utf8), from: start + 2), close > start + 2,
            scanner.first(Array("[".utf8), from: start + 2).map({ $0 > close }) ?? true
        else { return nil }
        let inner = String(decoding: raw[(start + 2)..<close], as: UTF8.self)
        let isEmbed = start > range.lowerBound && raw[start - 1] == UInt8(ascii: "!")
        let zoneStart = isEmbed ? start - 1 : start
        let parts = inner.split(separator: "|", maxSplits: 1).map(String.init)
        let target = parts[0].trimming(" ")
        let text = parts.count > 1 ? parts[1] : target
        let zoneRange = zoneStart..<(close + 2)
        let kind: MarkdownLink.Kind = isEmbed ? .image : .wikilink
        return Finding(
            zone: ForbiddenZone(kind: .wikilink, range: zoneRange),
            link: MarkdownLink(kind: kind, destination: target, text: text, range: zoneRange))
    }

    // MARK: Bare URLs

    private static let schemes: [[UInt8]] = ["https://", "http://", "www."].map { Array($0.utf8) }

    private static func bareURLEnd(in raw: [UInt8], at start: Int, range: Range<Int>) -> Int? {
        let byte = raw[start]
        guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "W") else { return nil }
        // Every scheme's second letter: `t` of `http` or `w` of `www`, most `h` and `w` of prose fail here.
        guard start + 1 < range.upperBound,
            lowerASCII(raw[start + 1]) == (lowerASCII(byte) == UInt8(ascii: "h") ? UInt8(ascii: "t") : UInt8(ascii: "w"))
        else { return nil }
        if start > range.lowerBound {
            let previous = raw[start - 1]
            let isWordByte = (0x30...0x39).contains(previous) || (0x41...0x5A).contains(previous)
                || (0x61...0x7A).contains(previous) || previous >= 0x80
            if isWordByte { return nil }
        }
        guard schemes.contains(where: { scheme in
            start + scheme.count < range.upperBound
                && zip(raw[start..<(start + scheme.count)], scheme).allSatisfy { lowerASCII($0) == $1 }
        }) else { return nil }
        var end = start
        while end < range.upperBound, raw[end] > 0x20, raw[end] != UInt8(ascii: "<") { end += 1 }
        let trailing: Set<UInt8> = Set(".,:;!?)'\"*_~".utf8)
        while end > start, trailing.contains(raw[end - 1]) { end -= 1 }
        return end > start ? end : nil
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}

extension String {
    /// Trims the given characters from both ends.
    func trimming(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
