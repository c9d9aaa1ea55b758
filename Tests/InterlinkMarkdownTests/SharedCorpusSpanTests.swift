import Foundation
import InterlinkMarkdown
import Testing

/// On every file of the shared real-site corpora: spans read exactly as the text, and no span
/// touches a forbidden zone.
@Suite struct SharedCorpusSpanTests {
    static let corporaRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpora")

    static var markdownFiles: [URL] {
        guard let enumerator = FileManager.default.enumerator(at: corporaRoot, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" && $0.path.contains("/site/") }
            .sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corporaRoot.path), "../shared/corpora is absent (a user's clone): skipped"))
    func spansAreExactAndOutsideForbiddenZones() throws {
        let files = Self.markdownFiles
        #expect(files.count > 400)
        var spanCount = 0
        var unmapped = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let document = try MarkdownParser.parse(bytes)
            for span in document.spans {
                let slice = bytes[span.range]
                #expect(String(validating: slice, as: UTF8.self) != nil, "\(file.lastPathComponent): span not UTF-8")
                #expect(!slice.contains(0x0A) && !slice.contains(0x0D), "\(file.lastPathComponent): span crosses a line")
                let clash = document.forbiddenZones.first { $0.range.overlaps(span.range) }
                #expect(clash == nil, "\(file.lastPathComponent): span \(document.lines.location(of: span.range.lowerBound)) '\(String(decoding: slice, as: UTF8.self))' touches \(String(describing: clash))")
            }
            for code in document.codeSpans {
                #expect(bytes[code.range].first == UInt8(ascii: "`") && bytes[code.range].last == UInt8(ascii: "`"))
            }
            spanCount += document.spans.count
            unmapped += document.unmappedTextCount
        }
        // Unmappable text must stay rare, or the tool silently loses linkable prose.
        #expect(Double(unmapped) < Double(spanCount) * 0.01, "unmapped \(unmapped) of \(spanCount)")
    }
}
