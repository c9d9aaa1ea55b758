/// A page's own subject: words of its title, mentioned in its prose, refer to the page itself.
///
/// "Contributors Summit" in a post titled "Contributors Summit 2019" is about that summit, not the
/// earlier post titled "Contributors Summit"; "Web Components" on "Vue and Web Components" is the
/// page's subject, not a glossary entry to send the reader to. Such a mention is weak evidence for a
/// link elsewhere (`CandidateFeatures.namesOwnSubject`). Inline code is not affected: a code name's
/// key is the name exactly as written (`<KeepAlive>`, `provide()`), never a title's lower-case words,
/// so a guide page about `<KeepAlive>` still links the API reference of `<KeepAlive>`.
extension Suggester {
    /// The word keys of each article's title, markup stripped (parallel to `Site.articles`).
    static func titleKeys(of site: Site, tokenizer: Tokenizer) -> [[String]] {
        site.articles.parallelMap { tokenizer.keys(KeywordIndex.stripMarkup($0.title)) }
    }

    /// Whether `keys` (a prose mention's words) stand, in order and together, in the source's title.
    func namesOwnSubject(_ keys: [String], source: Int) -> Bool {
        let title = titleKeys[source]
        guard !keys.isEmpty, keys.count <= title.count else { return false }
        for start in 0...(title.count - keys.count) where title[start..<(start + keys.count)].elementsEqual(keys) {
            return true
        }
        return false
    }
}
