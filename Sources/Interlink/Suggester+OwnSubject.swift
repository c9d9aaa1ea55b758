/// A page's own subject: words of its title, mentioned in its prose, refer to the page itself.
///
/// "Contributors Summit" in a post titled "Contributors Summit 2019" is about that summit, not the
/// earlier post titled "Contributors Summit"; "Web Components" on "Vue and Web Components" is the
/// page's subject, not a glossary entry to send the reader to. Such a mention is weak evidence for a
/// link elsewhere (`CandidateFeatures.namesOwnSubject`). Inline code is not affected: a code name's
/// key is the name exactly as written (`<KeepAlive>`, `provide()`), never a title's lower-case words,
/// so a guide page about `<KeepAlive>` still links the API reference of `<KeepAlive>`.
extension Suggester {
    /// The word keys of each article's title, from its citable form (`citableTitles(of:)`: markup
    /// stripped, edge punctuation trimmed, which changes no word).
    static func titleKeys(citableTitles: [[UInt8]], tokenizer: Tokenizer) -> [[String]] {
        citableTitles.parallelMap { tokenizer.keys(String(decoding: $0, as: UTF8.self)) }
    }

    /// Whether `keys` (a prose mention's words) stand, in order and together, in the source's title.
    func namesOwnSubject(_ keys: [String], source: Int) -> Bool {
        Self.contains(titleKeys[source], keys)
    }
}
