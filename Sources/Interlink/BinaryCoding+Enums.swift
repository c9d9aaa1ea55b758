import InterlinkMarkdown

// The index cache stores these small enums as one-byte codes instead of their raw-value strings, so
// that reading a span, link, topic or mention back makes no string. The switches are exhaustive: a
// new case does not compile until it has a code.

extension BlockContext {
    /// The cache's code for this context.
    var cacheCode: UInt64 {
        switch self {
        case .paragraph: 0
        case .listItem: 1
        case .blockQuote: 2
        case .tableCell: 3
        }
    }

    /// The context of a cache code; an unknown code is corrupt.
    init(cacheCode: UInt64) throws(BinaryReader.Corrupt) {
        switch cacheCode {
        case 0: self = .paragraph
        case 1: self = .listItem
        case 2: self = .blockQuote
        case 3: self = .tableCell
        default: throw BinaryReader.Corrupt()
        }
    }
}

extension MarkdownLink.Kind {
    /// The cache's code for this kind of link.
    var cacheCode: UInt64 {
        switch self {
        case .inline: 0
        case .autolink: 1
        case .wikilink: 2
        case .template: 3
        case .image: 4
        }
    }

    /// The kind of a cache code; an unknown code is corrupt.
    init(cacheCode: UInt64) throws(BinaryReader.Corrupt) {
        switch cacheCode {
        case 0: self = .inline
        case 1: self = .autolink
        case 2: self = .wikilink
        case 3: self = .template
        case 4: self = .image
        default: throw BinaryReader.Corrupt()
        }
    }
}

extension Topic.Source {
    /// The cache's code for this source.
    var cacheCode: UInt64 {
        switch self {
        case .title: 0
        case .titlePart: 1
        case .alias: 2
        case .keyword: 3
        case .fileName: 4
        case .heading: 5
        case .learned: 6
        case .codeName: 7
        case .release: 8
        }
    }

    /// The source of a cache code; an unknown code is corrupt.
    init(cacheCode: UInt64) throws(BinaryReader.Corrupt) {
        switch cacheCode {
        case 0: self = .title
        case 1: self = .titlePart
        case 2: self = .alias
        case 3: self = .keyword
        case 4: self = .fileName
        case 5: self = .heading
        case 6: self = .learned
        case 7: self = .codeName
        case 8: self = .release
        default: throw BinaryReader.Corrupt()
        }
    }
}
