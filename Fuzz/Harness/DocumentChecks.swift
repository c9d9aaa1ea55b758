import InterlinkMarkdown

/// Invariants of the Markdown layer on one file's bytes.
enum DocumentChecks {
    /// Parses `bytes` as `MarkdownParser` does for the loader and checks the result. On any bytes: no crash,
    /// every range inside the file. On bytes the loader accepts (valid UTF-8, no NUL): the full contract.
    static func check(_ bytes: [UInt8], dialect: MarkdownDialect, problems: inout Problems) {
        let frontMatter: FrontMatterBlock?
        do {
            frontMatter = try FrontMatterBlock.locate(in: bytes)
        } catch {
            // The loader refuses the file; the body is still parsed as if there were no front matter.
            frontMatter = nil
        }
        let document = MarkdownParser.parse(bytes, frontMatter: frontMatter, dialect: dialect)
        let loadable = !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
        check(document, bytes: bytes, strict: loadable, dialect: dialect, problems: &problems)
    }

    /// Checks a parsed document. `strict`: the bytes are valid UTF-8 without NUL, so cmark's columns are
    /// the file's (cmark replaces a NUL or a bad byte with U+FFFD, three bytes, and its columns shift).
    static func check(
        _ document: MarkdownDocument, bytes: [UInt8], strict: Bool, dialect: MarkdownDialect, problems: inout Problems
    ) {
        let all = 0..<bytes.count
        func inside(_ range: Range<Int>, _ what: String) -> Bool {
            if range.lowerBound >= 0, range.upperBound <= bytes.count, range.lowerBound <= range.upperBound {
                return true
            }
            problems.add("\(what) \(range) is outside the file (\(all))")
            return false
        }
        for span in document.spans where inside(span.range, "span") {
            if span.range.isEmpty { problems.add("empty span at \(span.range.lowerBound)") }
        }
        for code in document.codeSpans where inside(code.range, "code span") {
            let slice = bytes[code.range]
            if slice.first != UInt8(ascii: "`") || slice.last != UInt8(ascii: "`") {
                problems.add("code span \(code.range) does not open and close with backticks")
            }
        }
        for heading in document.headings { _ = inside(heading.range, "heading") }
        for link in document.links { _ = inside(link.range, "link") }
        for zone in document.forbiddenZones { _ = inside(zone.range, "\(zone.kind) zone") }
        guard strict, problems.list.isEmpty else { return }

        // Spans are in order, do not overlap, hold valid UTF-8 on one line, and touch no forbidden zone.
        var previousEnd = 0
        let zones = ZoneIndex(document.forbiddenZones)
        for span in document.spans {
            let slice = bytes[span.range]
            let label =
                "span \(document.lines.location(of: span.range.lowerBound)) \"\(String(decoding: slice, as: UTF8.self))\""
            if span.range.lowerBound < previousEnd { problems.add("\(label) overlaps the span before it") }
            previousEnd = max(previousEnd, span.range.upperBound)
            if String(validating: slice, as: UTF8.self) == nil { problems.add("\(label) is not valid UTF-8") }
            if slice.contains(0x0A) || slice.contains(0x0D) { problems.add("\(label) holds a line break") }
            if let zone = zones.overlap(span.range) {
                problems.add(
                    "\(label) overlaps a \(zone.kind) zone at \(document.lines.location(of: zone.range.lowerBound))")
            }
        }
        for code in document.codeSpans where String(validating: bytes[code.range], as: UTF8.self) == nil {
            problems.add("code span \(code.range) is not valid UTF-8")
        }
        // Every span reads, byte for byte, as text cmark reads in a paragraph (but for MkDocs and MDX, whose
        // indented blocks cmark reads as code and Interlink parses again on their own).
        guard dialect == .commonMark else { return }
        let tree = CmarkTree(bytes: bytes, bodyStart: document.frontMatter?.range.upperBound ?? bomLength(bytes))
        var cursor = 0
        for span in document.spans {
            let slice = Array(bytes[span.range])
            guard let found = tree.paragraphText.firstRange(of: slice, from: cursor) else {
                problems.add(
                    "span \(document.lines.location(of: span.range.lowerBound)) \"\(String(decoding: slice, as: UTF8.self))\" is not text cmark reads"
                )
                continue
            }
            cursor = found.lowerBound + 1
        }
    }

    static func bomLength(_ bytes: [UInt8]) -> Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// Zones sorted by start, with the furthest end reached so far, for overlap look-ups in log time
    /// (zones may nest: a link inside an HTML block, so a zone that starts early can still reach far).
    struct ZoneIndex {
        let zones: [ForbiddenZone]
        let reach: [Int]

        init(_ zones: [ForbiddenZone]) {
            self.zones = zones.sorted { $0.range.lowerBound < $1.range.lowerBound }
            var furthest = 0
            reach = self.zones.map { zone in
                furthest = Swift.max(furthest, zone.range.upperBound)
                return furthest
            }
        }

        /// A zone overlapping `range`, if any.
        func overlap(_ range: Range<Int>) -> ForbiddenZone? {
            // The zones starting before the range's end.
            var low = 0
            var high = zones.count
            while low < high {
                let mid = (low + high) / 2
                if zones[mid].range.lowerBound < range.upperBound { low = mid + 1 } else { high = mid }
            }
            var index = low - 1
            while index >= 0, reach[index] > range.lowerBound {
                if zones[index].range.overlaps(range) { return zones[index] }
                index -= 1
            }
            return nil
        }
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `needle` at or after `start`.
    func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty ? start..<start : nil }
        var index = Swift.max(0, start)
        let last = count - needle.count
        while index <= last {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }
}
