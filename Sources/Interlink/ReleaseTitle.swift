/// A post that announces a release: "Go 1.14 is released", "Hugo v0.120.0 released", "Announcing
/// Rust 1.30".
///
/// Writers seldom cite such a post by its title. They write about the event: "the Go 1.14 release",
/// "the release of Go 1.5", "we released Go 1.20 in February and Go 1.21 in August". Those phrases name
/// the post's subject as surely as its title does, so they are topics of the post
/// (`Topic.Source.release`), and a mention of one cites the post as its title would (several may be
/// linked in one sentence, and they do not count against the density cap). The bare
/// name ("Go 1.14") is not: release notes and later posts mention every version many times, and only
/// the release event is what the announcement is about.
///
/// A release is announced when it happens, so a mention written before the announcement speaks of a
/// release still to come ("the forthcoming Go 1.26 release"): on a site whose links follow
/// publication order (`Chronology`), such a mention is never linked to it.
struct ReleaseTitle: Sendable, Equatable {
    /// What was released, as the title writes it ("Go 1.14", "Rust 1.0 Beta").
    let subject: String

    /// The phrases naming the release event: "X release", "release of X", "released X", and with the
    /// month the post was published (1…12), "X in August" ("we released Go 1.20 in February and Go 1.21
    /// in August"): a release is an event, named by what and when.
    func eventPhrases(month: Int?) -> [String] {
        // Plurals and verb forms are matched through the keys: "releases of Go 1.22" as "release of".
        var phrases = ["\(subject) release", "release of \(subject)", "released \(subject)"]
        if let month, (1...12).contains(month) { phrases.append("\(subject) in \(Self.monthNames[month - 1])") }
        return phrases
    }

    /// English month names, January first.
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The release a title announces, or nil when it announces none. Recognised: "X is released",
    /// "X has been released", "X is out", "X is now available", "X released" (each with an optional
    /// "!" or "."), "Announcing X" and "Releasing X", where X is at least two words, starts with a
    /// capital, and its last word, or the one before a pre-release word such as "Beta", is a version
    /// number ("1.14", "v0.120.0", "2", not "2024" alone when nothing else says release).
    init?(title: String) {
        var words = title.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard var last = words.last else { return nil }
        while let end = last.last, end == "!" || end == "." { last.removeLast() }
        words[words.count - 1] = last
        let lower = words.map { $0.lowercased() }
        var subject: ArraySlice<String>
        if lower.count >= 3, ["announcing", "releasing"].contains(lower[0]) {
            subject = words.dropFirst()
        } else if let suffix = Self.trailingForms.first(where: { lower.count > $0.count && Array(lower.suffix($0.count)) == $0 }) {
            subject = words.dropLast(suffix.count)
        } else {
            return nil
        }
        if subject.first?.lowercased() == "the" { subject = subject.dropFirst() }
        guard subject.count >= 2, let first = subject.first?.unicodeScalars.first, first.properties.isUppercase,
            Self.endsWithVersion(subject)
        else { return nil }
        self.subject = subject.joined(separator: " ")
    }

    /// The words that end a release title, after its subject.
    private static let trailingForms: [[String]] = [
        ["is", "released"], ["has", "been", "released"], ["is", "out"], ["is", "now", "available"],
        ["is", "now", "out"], ["released"],
    ]

    /// Words that may follow a version number in a release's name ("Rust 1.0 Beta", "Go 1.18 RC 1").
    private static let preReleaseWords: Set<String> = ["alpha", "beta", "rc", "preview", "lts"]

    /// Whether the subject's last word is a version number, or a pre-release word (and its number)
    /// follows one.
    private static func endsWithVersion(_ subject: ArraySlice<String>) -> Bool {
        var words = Array(subject.dropFirst())
        if let last = words.last, isVersion(last), words.count >= 2, preReleaseWords.contains(words[words.count - 2].lowercased()) {
            words.removeLast()  // "Beta 2"
        }
        while let last = words.last, preReleaseWords.contains(last.lowercased()) { words.removeLast() }
        guard let last = words.last else { return false }
        return isVersion(last)
    }

    /// "1.14", "v0.120.0", "2", "1.0.0-alpha.2": digits first (after an optional "v"), then digits,
    /// dots, hyphens and letters; a bare four-digit year is not a version.
    static func isVersion(_ word: String) -> Bool {
        var scalars = Substring(word).unicodeScalars[...]
        if scalars.first == "v" || scalars.first == "V" { scalars = scalars.dropFirst() }
        guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
        guard scalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0.properties.isAlphabetic })
        else { return false }
        let isYear = scalars.count == 4 && scalars.allSatisfy { ("0"..."9").contains($0) }
        return !isYear
    }
}
