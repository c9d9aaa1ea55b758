import CCmark

/// cmark's own reading of a file, taken straight from its tree: the oracle the fuzzer holds Interlink's
/// Markdown layer to. Nothing here depends on `InterlinkMarkdown`'s conversion.
struct CmarkTree {
    /// One step of a depth-first walk: entering or leaving a node (with what distinguishes it), or text.
    enum Token: Hashable, CustomStringConvertible {
        case enter(String)
        case exit(String)
        /// Adjacent text nodes merged into one.
        case text([UInt8])

        var description: String {
            switch self {
            case .enter(let node): return "<\(node)>"
            case .exit(let node): return "</\(node)>"
            case .text(let bytes): return "\"\(String(decoding: bytes, as: UTF8.self))\""
            }
        }
    }

    /// A link node, in document order: its destination and the text it reads.
    struct Link: Hashable {
        var url: String
        var text: [UInt8]
        /// Index of its `.enter` token in `tokens`.
        var token: Int
    }

    /// The whole walk, text nodes merged.
    private(set) var tokens: [Token] = []
    /// Every link node.
    private(set) var links: [Link] = []
    /// The text of every paragraph outside links and images, a 0 byte wherever another node sits.
    private(set) var paragraphText: [UInt8] = []

    /// Parses the bytes after `bodyStart` (front matter is not Markdown) as `MarkdownParser` does.
    init(bytes: [UInt8], bodyStart: Int) {
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return cmark_parse_document("", 0, CMARK_OPT_SOURCEPOS) }
            return UnsafeRawPointer(base).advanced(by: bodyStart).withMemoryRebound(
                to: CChar.self, capacity: buffer.count - bodyStart
            ) { cmark_parse_document($0, buffer.count - bodyStart, CMARK_OPT_SOURCEPOS) }
        }
        guard let document else { return }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var paragraphDepth = 0
        var linkDepth = 0
        var linkStack: [(index: Int, text: [UInt8])] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let literal = cmark_node_get_literal(node).map { Array(String(cString: $0).utf8) } ?? []
            if type == CMARK_NODE_TEXT {
                appendText(literal)
                for index in linkStack.indices { linkStack[index].text += literal }
                if paragraphDepth > 0, linkDepth == 0 { paragraphText += literal }
                continue
            }
            if paragraphDepth > 0, linkDepth == 0 { paragraphText.append(0) }
            if type == CMARK_NODE_CODE {
                for index in linkStack.indices { linkStack[index].text += literal }
            }
            let name = Self.describe(node, type: type, literal: literal)
            if event == CMARK_EVENT_ENTER {
                tokens.append(.enter(name))
                switch type {
                case CMARK_NODE_PARAGRAPH: paragraphDepth += 1
                case CMARK_NODE_LINK:
                    linkDepth += 1
                    linkStack.append((links.count, []))
                    links.append(Link(url: Self.url(node), text: [], token: tokens.count - 1))
                case CMARK_NODE_IMAGE: linkDepth += 1
                default: break
                }
                // Leaf nodes are entered only.
                if [
                    CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK,
                    CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK,
                ].contains(type) {
                    tokens.append(.exit(name))
                }
            } else if event == CMARK_EVENT_EXIT {
                tokens.append(.exit(name))
                switch type {
                case CMARK_NODE_PARAGRAPH: paragraphDepth -= 1
                case CMARK_NODE_LINK:
                    linkDepth -= 1
                    if let open = linkStack.popLast() { links[open.index].text = open.text }
                case CMARK_NODE_IMAGE: linkDepth -= 1
                default: break
                }
            }
        }
    }

    private mutating func appendText(_ literal: [UInt8]) {
        if case .text(let previous) = tokens.last {
            tokens[tokens.count - 1] = .text(previous + literal)
        } else {
            tokens.append(.text(literal))
        }
    }

    /// The tokens with the given links' own nodes taken out (their content stays), text merged again.
    func tokens(removingLinks removed: Set<Int>) -> [Token] {
        var skip: Set<Int> = []
        for index in removed {
            let start = links[index].token
            skip.insert(start)
            // The matching exit: the first exit at the same depth.
            var depth = 0
            for position in (start + 1)..<tokens.count {
                switch tokens[position] {
                case .enter: depth += 1
                case .exit:
                    if depth == 0 {
                        skip.insert(position)
                        break
                    }
                    depth -= 1
                case .text: break
                }
                if skip.contains(position) { break }
            }
        }
        var result: [Token] = []
        for (position, token) in tokens.enumerated() where !skip.contains(position) {
            if case .text(let bytes) = token, case .text(let previous) = result.last {
                result[result.count - 1] = .text(previous + bytes)
            } else {
                result.append(token)
            }
        }
        return result
    }

    private static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// A node's type and what distinguishes it (not its position).
    private static func describe(_ node: OpaquePointer, type: cmark_node_type, literal: [UInt8]) -> String {
        let text = String(decoding: literal, as: UTF8.self)
        switch type {
        case CMARK_NODE_DOCUMENT: return "document"
        case CMARK_NODE_BLOCK_QUOTE: return "quote"
        case CMARK_NODE_LIST:
            return "list \(cmark_node_get_list_type(node).rawValue) \(cmark_node_get_list_delim(node).rawValue) "
                + "\(cmark_node_get_list_start(node)) tight \(cmark_node_get_list_tight(node))"
        case CMARK_NODE_ITEM: return "item"
        case CMARK_NODE_CODE_BLOCK:
            return "code block \(cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "") \(text)"
        case CMARK_NODE_HTML_BLOCK: return "html block \(text)"
        case CMARK_NODE_PARAGRAPH: return "paragraph"
        case CMARK_NODE_HEADING: return "h\(cmark_node_get_heading_level(node))"
        case CMARK_NODE_THEMATIC_BREAK: return "hr"
        case CMARK_NODE_SOFTBREAK: return "softbreak"
        case CMARK_NODE_LINEBREAK: return "linebreak"
        case CMARK_NODE_CODE: return "code \(text)"
        case CMARK_NODE_HTML_INLINE: return "html \(text)"
        case CMARK_NODE_EMPH: return "em"
        case CMARK_NODE_STRONG: return "strong"
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            return
                "\(type == CMARK_NODE_LINK ? "a" : "img") \(url(node)) \(cmark_node_get_title(node).map { String(cString: $0) } ?? "")"
        default: return "node \(type.rawValue)"
        }
    }
}
