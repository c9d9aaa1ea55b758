import Foundation
import InterlinkMarkdown

/// `<!-- interlink-disable -->` … `<!-- interlink-enable -->` and `<!-- interlink-disable-next-line -->`:
/// the parts of a file where nothing is suggested. Comments inside code blocks do not count.
enum SuppressionComments {
    static func ranges(in bytes: [UInt8], document: MarkdownDocument) -> [Range<Int>] {
        let codeBlocks = document.forbiddenZones.filter { $0.kind == .codeBlock || $0.kind == .codeSpan }.map(\.range)
        var ranges: [Range<Int>] = []
        var disabledFrom: Int? = nil
        var index = 0
        let open = Array("<!--".utf8)
        while let start = ByteSearch.firstIndex(of: open, in: bytes, from: index) {
            // An opener inside code is text: skip only it, so that a real comment after it still counts.
            if codeBlocks.contains(where: { $0.contains(start) }) {
                index = start + open.count
                continue
            }
            guard let close = ByteSearch.firstIndex(of: Array("-->".utf8), in: bytes, from: start + 4) else { break }
            index = close + 3
            let body = String(decoding: bytes[(start + 4)..<close], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            switch body {
            case "interlink-disable":
                if disabledFrom == nil { disabledFrom = start }
            case "interlink-enable":
                if let from = disabledFrom { ranges.append(from..<index) }
                disabledFrom = nil
            case "interlink-disable-next-line":
                let line = document.lines.location(of: start).line
                if let next = document.lines.offset(ofLine: line + 1) {
                    let end = document.lines.offset(ofLine: line + 2) ?? bytes.count
                    ranges.append(next..<end)
                }
            default:
                break
            }
        }
        if let from = disabledFrom { ranges.append(from..<bytes.count) }
        return ranges
    }
}
