/// Where a front-matter block sits in a file. cmark does not know front matter, so it is cut off
/// before parsing and the body's positions are shifted by its length.
public struct FrontMatterBlock: Sendable, Hashable {
    /// The syntax of the block.
    public enum Format: String, Sendable, Hashable, Codable {
        /// `---` … `---` (or `...`), YAML.
        case yaml
        /// `+++` … `+++`, TOML.
        case toml
    }

    /// The syntax of the block.
    public let format: Format
    /// The whole block, delimiter lines and the final line ending included.
    public let range: Range<Int>
    /// The text between the delimiter lines.
    public let contentRange: Range<Int>
    /// 1-based line of the first content line (the line after the opening delimiter).
    public let contentFirstLine: Int

    /// A block located before (read back from a cache); the caller checks that the ranges fit the file.
    public init(format: Format, range: Range<Int>, contentRange: Range<Int>, contentFirstLine: Int) {
        self.format = format
        self.range = range
        self.contentRange = contentRange
        self.contentFirstLine = contentFirstLine
    }
}

/// Why a front-matter block could not be delimited.
public struct FrontMatterDelimiterError: Error, Sendable, Hashable {
    /// 1-based line of the opening delimiter.
    public let line: Int
    /// What is wrong, in a sentence.
    public let message: String
}

extension FrontMatterBlock {
    /// Finds the front-matter block at the start of `bytes` (after an optional UTF-8 BOM).
    ///
    /// - Returns: nil when the file does not open with a delimiter line.
    /// - Throws: `FrontMatterDelimiterError` when an opening delimiter has no closing one.
    public static func locate(in bytes: [UInt8]) throws(FrontMatterDelimiterError) -> FrontMatterBlock? {
        let start = bytes.starts(with: utf8BOM) ? 3 : 0
        guard let (delimiter, format) = openingDelimiter(in: bytes, at: start) else { return nil }
        guard let firstContent = endOfLine(in: bytes, from: start) else { return nil }
        var lineNumber = 2
        var lineStart = firstContent
        while lineStart < bytes.count {
            let lineEnd = endOfLineContent(in: bytes, from: lineStart)
            // The line without its trailing blanks, compared in place.
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
            let trimmed = bytes[lineStart..<trimmedEnd]
            let closes = trimmed.elementsEqual(delimiter) || (format == .yaml && trimmed.elementsEqual(yamlDocumentEnd))
            let next = endOfLine(in: bytes, from: lineStart) ?? bytes.count
            if closes {
                return FrontMatterBlock(
                    format: format, range: 0..<next, contentRange: firstContent..<lineStart,
                    contentFirstLine: 2)
            }
            lineStart = next
            lineNumber += 1
        }
        throw FrontMatterDelimiterError(
            line: 1,
            message: "front matter opened with '\(String(decoding: delimiter, as: UTF8.self))' is never closed")
    }

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// `...`, which also closes YAML front matter.
    private static let yamlDocumentEnd: [UInt8] = Array("...".utf8)

    private static func openingDelimiter(in bytes: [UInt8], at start: Int) -> ([UInt8], Format)? {
        for (text, format) in [("---", Format.yaml), ("+++", Format.toml)] {
            let delimiter = Array(text.utf8)
            guard bytes.count >= start + 3, Array(bytes[start..<start + 3]) == delimiter else { continue }
            // The delimiter line holds only the delimiter (trailing blanks allowed).
            let lineEnd = endOfLineContent(in: bytes, from: start)
            let rest = bytes[(start + 3)..<lineEnd]
            if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }), lineEnd < bytes.count {
                return (delimiter, format)
            }
        }
        return nil
    }

    /// Offset of the first byte after the line ending of the line containing `offset`, or nil at end of file.
    static func endOfLine(in bytes: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index < bytes.count {
            if bytes[index] == 0x0A { return index + 1 }
            if bytes[index] == 0x0D {
                return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
            }
            index += 1
        }
        return nil
    }

    /// Offset of the line ending (or end of file) of the line containing `offset`.
    static func endOfLineContent(in bytes: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }
}
