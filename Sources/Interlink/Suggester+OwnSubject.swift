/// A page's own subject: words of its title, mentioned in its prose, refer to the page itself.
///
/// "Contributors Summit" in a post titled "Contributors Summit 2019" is about that summit, not the
/// earlier post titled "Contributors Summit"; "Web Components" on "Vue and Web Components" is the
/// page's subject, not a glossary entry to send the reader to. Such a mention is weak evidence for a
/// link elsewhere (`CandidateFeatures.namesOwnSubject`). Inline code is not affected: a code name's
/// key is the name exactly as written (`<KeepAlive>`, `provide()`), never a title's lower-case words,
/// so a guide page about `<KeepAlive>` still links the API reference of `<KeepAlive>`.
///
/// A page's own sections are its subject too, when the mention would link another page's section of
/// the same name: Vue's "Rendering Mechanism", with a section "Virtual DOM" of its own, speaks of that
/// section when it says "virtual DOM", not of the glossary's entry; an advisory with a section
/// "Registry Credentials" speaks of its own, not of an earlier advisory's. (A section named like
/// another page's title is not: a reference page's section "KeepAlive" sums up the guide page
/// "KeepAlive" and links it.)
extension Suggester {
    /// The word keys of each article's title, from its citable form (`citableTitles(of:)`: markup
    /// stripped, edge punctuation trimmed, which changes no word).
    static func titleKeys(citableTitles: [[UInt8]], tokenizer: Tokenizer) -> [[String]] {
        citableTitles.parallelMap { tokenizer.keys(String(decoding: $0, as: UTF8.self)) }
    }

    /// Each article's headings as the hashes of their word keys (`headingKey(_:)`), sorted: small
    /// enough to keep for every article of a large site.
    static func headingKeys(of site: Site, tokenizer: Tokenizer) -> [[UInt64]] {
        site.articles.parallelMap { article in
            let headings = article.document.headings
            if headings.isEmpty { return [] }
            var keys = headings.map { heading in
                var text = heading.text
                return text.withUTF8 { headingKey(Array($0), tokenizer: tokenizer) }
            }
            keys.sort()
            return keys
        }
    }

    /// `headingKey(tokenizer.keys(text))`, from the normalised words' bytes instead of through strings.
    static func headingKey(_ text: [UInt8], tokenizer: Tokenizer) -> UInt64 {
        var joined: [UInt8] = []
        var first = true
        tokenizer.forEachWord(text, in: 0..<text.count) { normalized, _ in
            if !first { joined.append(0x20) }
            first = false
            joined += normalized
        }
        return Tokenizer.hash(joined)
    }

    /// One hash for a phrase's word keys, in order.
    static func headingKey(_ keys: [String]) -> UInt64 {
        Tokenizer.hash(keys.joined(separator: " "))
    }

    /// Whether `keys` (a prose mention's words) stand, in order and together, in the source's title, or,
    /// for a mention of a target's section (`isSection`), are the words of one of the source's headings.
    func namesOwnSubject(_ keys: [String], source: Int, isSection: Bool) -> Bool {
        if Self.contains(titleKeys[source], keys) { return true }
        guard isSection else { return false }
        let own = headingKeys[source]
        guard !own.isEmpty else { return false }
        let key = Self.headingKey(keys)
        var low = 0
        var high = own.count
        while low < high {
            let middle = (low + high) / 2
            if own[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < own.count && own[low] == key
    }
}
