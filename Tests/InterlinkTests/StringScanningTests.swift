import Foundation
import Testing

@testable import Interlink

/// The byte-reading string helpers of the link resolver give the answers of the `Character` and
/// Foundation operations they replace.
@Suite struct StringScanningTests {
    static let texts = [
        "", "a", "#", "?", "a#b?c", "a?b#c", "../x/y.md#intro", "/path?q=1#f", "https://example.com/a",
        "é#x", "e\u{301}#x", "a#\u{301}b#c", "a?\u{301}#c", "\r\n#", "日本語/ページ?x", "no-marks-at-all",
    ]

    @Test(arguments: texts)
    func firstASCIIIndexIsTheFirstCharacterIndex(text: String) {
        let byCharacters = text.firstIndex { $0 == "#" || $0 == "?" }
        #expect(text.firstIndex(ofASCII: UInt8(ascii: "#"), UInt8(ascii: "?")) == byCharacters)
        #expect(text.firstIndex(ofASCII: UInt8(ascii: "#")) == text.firstIndex(of: "#"))
        let substring = text.dropFirst()
        #expect(substring.firstIndex(ofASCII: UInt8(ascii: "?")) == substring.firstIndex(of: "?"))
    }

    @Test(arguments: [
        "", " ", "\t", "a", " a", "a ", "\ta\t", "  a b  ", "\u{00A0}a\u{3000}", "a\u{2003}", "\u{200B}a",
        "\na\n", "é", " é ", "\u{301}a", "a\u{301}", " \u{301}",
    ])
    func trimmingWhitespaceIsFoundationsTrimming(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }
}
