/// The checks `interlink audit` runs. The raw value is the rule id shown in every output format.
public enum AuditRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// A published article that no other published article links to.
    case orphan
    /// A published article with no links to other articles.
    case deadEnd = "dead-end"
    /// An internal link that reaches no article, or whose `#fragment` names no heading of its target.
    case brokenLink = "broken-link"
    /// A link to a draft or otherwise unpublished article.
    case draftLink = "draft-link"
    /// A link from an article to itself (not to one of its own sections).
    case selfLink = "self-link"
    /// A second link from one article to the same target (and section).
    case duplicateLink = "duplicate-link"
    /// Anchor text that says nothing about the target ("click here", "read more", a bare URL).
    case genericAnchor = "generic-anchor"
    /// The same anchor text used for links to different articles.
    case anchorConflict = "anchor-conflict"
    /// More internal links than the configured cap.
    case overLinked = "over-linked"
    /// An article more clicks away from the entry pages than the configured depth, or not reachable at all.
    case deepPage = "deep-page"
    /// On a site with configured languages, a link to a page in another language than the linking
    /// page's, when that page has a translation in the linking page's language.
    case otherLanguageLink = "other-language-link"
    /// A page published at the URL another page gives itself too (a `permalink` or `url` written twice,
    /// `a.md` beside `a/_index.md`): the generator publishes one of them there.
    case urlConflict = "url-conflict"

    /// How much a finding of this rule matters. Only a broken link is wrong on the live site today;
    /// everything else makes linking weaker and is a warning.
    public var severity: Finding.Severity {
        self == .brokenLink ? .error : .warning
    }

    /// One sentence saying what the rule checks (SARIF rule descriptions, the HTML report, the docs).
    public var summary: String {
        switch self {
        case .orphan: return "No other article links to this published article."
        case .deadEnd: return "The article links to no other article."
        case .brokenLink: return "The link reaches no article, or its #fragment names no heading of the target."
        case .draftLink: return "The link points to a draft, which is not published."
        case .selfLink: return "The article links to itself."
        case .duplicateLink: return "The article already links to the same target earlier."
        case .genericAnchor: return "The anchor text says nothing about the target."
        case .anchorConflict: return "The same anchor text links to different articles across the site."
        case .overLinked: return "The article has more internal links than the configured cap."
        case .deepPage: return "The article is too many clicks away from the entry pages, or not reachable from them."
        case .otherLanguageLink: return "The link leads to a page in another language, which has a translation in this page's language."
        case .urlConflict: return "Another page is published at this page's URL, so only one of them is on the site."
        }
    }

    /// Whether `interlink audit --fix` repairs findings of this rule (when the rewrite verifies).
    public var isFixable: Bool {
        self == .genericAnchor || self == .selfLink || self == .duplicateLink
    }
}
