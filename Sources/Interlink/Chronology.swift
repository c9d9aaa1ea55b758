/// When each article was published, and whether that says anything about where its links go.
///
/// A post is written with links to what already exists: on a blog, a link from a post to one published
/// after it can only come from a later edit, and is rare (5% of the Go blog's own links). A candidate
/// that points forward in time is therefore weaker evidence (`CandidateFeatures.pointsForward`).
///
/// Only posts are dated for this: pages kept up to date (documentation, where Hugo's archetype gives
/// every page a `date`) link forward freely. A post is an article whose file name starts with its date
/// (Jekyll, Eleventy, Docusaurus blogs) or that sits in a `posts`, `post`, `_posts`, `blog`, `blogs` or
/// `news` folder. When a site's existing links between dated posts show that they too point forward
/// (more than a quarter of them, among at least `minimumEvidence` such links), the signal is switched
/// off for that site.
public struct Chronology: Sendable {
    /// Each post's publication day; nil for other articles and undated posts.
    public let dates: [PublicationDate?]
    /// Whether a link pointing forward in time counts against a candidate on this site.
    public let appliesToSite: Bool

    /// Dated links needed before the site's own links may switch the signal off.
    public static let minimumEvidence = 20
    /// Share of forward links above which dates say nothing about a site's links.
    public static let forwardShareLimit = 0.25

    /// The dated posts from the earliest to the latest (same day: in site order).
    public let timeOrder: [Int]
    /// Each article's place in `timeOrder`; nil for articles without a date.
    public let timeOrderPosition: [Int?]

    public init(site: Site, graph: LinkGraph) {
        // Each article's date on all cores (reading a path and front matter costs a few microseconds).
        let dates = site.articles.parallelMap { Self.isPost($0) ? PublicationDate(of: $0) : nil }
        self.dates = dates
        let order = dates.indices.filter { dates[$0] != nil }.sorted { (dates[$0]!, $0) < (dates[$1]!, $1) }
        var position = [Int?](repeating: nil, count: dates.count)
        for (place, article) in order.enumerated() { position[article] = place }
        timeOrder = order
        timeOrderPosition = position
        var dated = 0
        var forward = 0
        for source in site.articles.indices {
            guard let from = dates[source] else { continue }
            for target in graph.targets(of: source) where target != source {
                guard let to = dates[target] else { continue }
                dated += 1
                if to > from { forward += 1 }
            }
        }
        appliesToSite = dated < Self.minimumEvidence || Double(forward) <= Self.forwardShareLimit * Double(dated)
    }

    /// Folders whose articles are posts, written once at a date.
    public static let postFolders: Set<String> = ["posts", "post", "_posts", "blog", "blogs", "news"]

    /// Whether the article is a post: its file name starts with a date, or a folder on its path is
    /// one of `postFolders` (in any case).
    public static func isPost(_ article: Article) -> Bool {
        JekyllPostName(article.stem) != nil || isInPostFolder(article.path)
    }

    /// Whether a folder on `path` (not the file name) is one of `postFolders`, in any case. Read as bytes:
    /// only a folder of four to six ASCII bytes (or one with non-ASCII letters) is lower-cased and looked up.
    static func isInPostFolder(_ path: String) -> Bool {
        let utf8 = path.utf8
        var segmentStart = utf8.startIndex
        var length = 0
        var isASCII = true
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "/") else {
                length += 1
                if byte >= 0x80 { isASCII = false }
                continue
            }
            if (!isASCII || (4...6).contains(length)), postFolders.contains(path[segmentStart..<index].lowercased()) {
                return true
            }
            segmentStart = utf8.index(after: index)
            length = 0
            isASCII = true
        }
        return false
    }

    /// Whether `target` was published after `source`, and the site's links respect publication order.
    public func pointsForward(from source: Int, to target: Int) -> Bool {
        guard appliesToSite, let from = dates[source], let to = dates[target] else { return false }
        return to > from
    }
}

/// A calendar day an article was published on: front matter `date` (YAML or TOML, with or without a
/// time), else the `YYYY-MM-DD-` prefix of a Jekyll or Eleventy post's file name.
public struct PublicationDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The article's publication day, or nil when neither its front matter nor its file name gives one.
    public init?(of article: Article) {
        if let written = article.frontMatter.date, let date = PublicationDate(parsing: written) {
            self = date
        } else if let post = JekyllPostName(article.stem), let year = Int(post.year), let month = Int(post.month),
            let day = Int(post.day)
        {
            self.init(year: year, month: month, day: day)
        } else {
            return nil
        }
    }

    /// Reads `2024-04-09`, `2024-4-9`, `2024-04-09T10:00:00Z` or `2024-04-09 10:00`: a year of four digits,
    /// then a month and a day of one or two digits, separated by `-`; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let parts = trimmed.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            (1...2).contains(parts[1].count), let month = Int(parts[1])
        else { return nil }
        let dayDigits = parts[2].prefix { $0.isASCII && $0.isNumber }
        let rest = parts[2].dropFirst(dayDigits.count)
        guard (1...2).contains(dayDigits.count), let day = Int(dayDigits),
            rest.isEmpty || ["T", "t", " ", "\"", "'"].contains(rest.first!),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
