import Foundation

/// A pattern for link destinations as written (`ignore_links`): `*` matches any run of characters,
/// slashes included, `?` one character, everything else itself. The whole destination must match:
/// `g` matches a link to `g` (a Hugo render hook's glossary link), `/functions/*` every link under
/// `/functions/`, `*#*` every link with a fragment.
public struct LinkPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let expression: String

    public init(_ pattern: String) {
        self.pattern = pattern
        var regex = "^"
        for character in pattern {
            switch character {
            case "*": regex += ".*"
            case "?": regex += "."
            default: regex += NSRegularExpression.escapedPattern(for: String(character))
            }
        }
        expression = regex + "$"
    }

    /// Whether `destination` matches the whole pattern.
    public func matches(_ destination: String) -> Bool {
        destination.range(of: expression, options: .regularExpression) != nil
    }

    public var description: String { pattern }
}
