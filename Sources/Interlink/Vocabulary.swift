/// Word lists used to keep anchors descriptive.
public enum Vocabulary {
    /// Function words and very common words: never an anchor alone, and not counted at a phrase's edges.
    public static let stopwords: Set<String> = Set(
        """
        a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has have having
        he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
        once only or other our ours out over own same she should so some such than that the their theirs them
        then there these they this those through to too under until up very was we were what when where which
        while who whom why will with would you your yours new use using used get got make made way one two first
        last see also like well may might must need want let lets via per vs versus etc many much every
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Single words too common in writing about anything to be a useful anchor on their own.
    public static let commonWords: Set<String> = Set(
        """
        time year people thing things work world life day part place case point group number fact end example
        problem question system program programs programming code data value values type types function functions
        file files page pages post posts article articles site sites user users change changes release releases
        version versions feature features tool tools support project projects team community language languages
        way ways result results test tests build design idea ideas issue issues list set state order name names
        view model option options default help start started guide guides doc docs documentation note notes
        update updates step steps detail details information info reference section sections content text link links
        level line lines word words form forms event events error errors object objects method methods key keys
        api apis app apps application applications library libraries package packages module modules component
        components server client web source sources table tables report reports search index image images
        performance speed tip tips overview introduction conclusion summary background basics concept concepts
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Anchors that say nothing about their target.
    public static let genericAnchors: Set<String> = [
        "click here", "here", "read more", "more", "learn more", "this post", "this article", "this page", "link",
        "this link", "this", "article", "post", "page", "website", "this guide", "see more", "find out more",
        "continue reading", "go here", "details", "more info", "more information", "blog post", "this blog post",
    ]

    /// Whether `text`, lower-cased, is one of `genericAnchors`. A text too long to lower-case into one
    /// is told without lower-casing it, which most link texts are: ASCII keeps its length, and other
    /// text shrinks at most threefold in UTF-8 (the Kelvin sign's three bytes become one `k`).
    public static func isGenericAnchor(_ text: String) -> Bool {
        let length = text.utf8.count
        guard length <= 3 * longestGenericAnchor else { return false }
        if length > longestGenericAnchor, text.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return genericAnchors.contains(text.lowercased())
    }

    /// Whether a link text points by place rather than by name: its first word (after a leading "the")
    /// is one of `deicticWords` ("this configuration", "these docs", "the following guide", "here"). Such
    /// text is descriptive only next to what it points at, so it is never learned as an anchor of its
    /// target: "this configuration" on one page must not link every "this configuration" of the site.
    public static func pointsByPlace(_ text: String) -> Bool {
        // Nearly every link text is ASCII: its first words read as bytes, without lower-casing or
        // splitting the whole text (which every learned anchor of a large site would pay for).
        if let answer = text.utf8.withContiguousStorageIfAvailable(asciiPointsByPlace), let answer { return answer }
        var words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        if words.first == "the", words.count > 1 { words.removeFirst() }
        guard let first = words.first else { return false }
        return deicticWords.contains(String(first))
    }

    /// `pointsByPlace` for ASCII text; nil for any other.
    static func asciiPointsByPlace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        /// The next run of letters from `index`, moving `index` past it.
        func nextWord(_ index: inout Int) -> Range<Int>? {
            while index < bytes.count, !isLetter(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            return start < index ? start..<index : nil
        }
        func equals(_ word: Range<Int>, _ lowercase: String) -> Bool {
            word.count == lowercase.utf8.count && zip(bytes[word], lowercase.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var index = 0
        guard var first = nextWord(&index) else { return false }
        if equals(first, "the"), let second = nextWord(&index) { first = second }
        return deicticWords.contains { equals(first, $0) }
    }

    /// Words that point at something by where it stands: see `pointsByPlace(_:)`.
    static let deicticWords: Set<String> = [
        "this", "that", "these", "those", "here", "there", "above", "below", "following",
    ]

    /// The length in bytes of the longest of `genericAnchors`.
    static let longestGenericAnchor = genericAnchors.map(\.utf8.count).max() ?? 0

    /// Headings that name no subject of their own.
    public static let genericHeadings: Set<String> = [
        "introduction", "overview", "conclusion", "conclusions", "summary", "background", "example", "examples",
        "usage", "notes", "note", "references", "see also", "resources", "faq", "next steps", "what's next",
        "wrapping up", "final thoughts", "the problem", "the solution", "motivation", "details", "discussion",
        "acknowledgements", "acknowledgments", "thanks", "related", "further reading", "getting started", "setup",
        "installation", "configuration", "options", "api", "details", "caveats", "limitations", "alternatives",
        "how it works", "why", "what", "how", "basic usage", "advanced", "tips", "questions", "feedback",
        "best practices", "best practice", "common mistakes", "common pitfalls", "pitfalls", "key takeaways",
        "takeaways", "checklist", "tools", "measuring", "monitoring", "why it matters", "when to use it",
        "how to fix it", "what to do", "the bottom line", "bottom line", "in practice", "putting it together",
        "putting it all together", "recap", "prerequisites", "requirements", "troubleshooting", "known issues",
        // A tutorial's steps and an advisory's parts: every page of the kind has them.
        "try it", "try it out", "check it", "run it", "technical details", "more details", "learn more",
        "what's new", "changelog", "affected versions", "mitigation", "mitigations", "timeline", "timeline of events",
    ]
}
