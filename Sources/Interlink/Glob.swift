import Foundation

/// A path pattern as in `.gitignore`-style configs: `*` matches within a folder, `**` across folders,
/// `?` one character. Matched against paths relative to the site root.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let expression: String

    public init(_ pattern: String) {
        self.pattern = pattern
        var regex = "^"
        var characters = Array(pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern)
        // A pattern without a slash (a trailing one aside) matches at any depth, like .gitignore.
        if !pattern.dropLast(pattern.hasSuffix("/") ? 1 : 0).contains("/") { characters = Array("**/") + characters }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "*" {
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    if index + 2 < characters.count, characters[index + 2] == "/" {
                        regex += "(?:.*/)?"
                        index += 3
                        continue
                    }
                    regex += ".*"
                    index += 2
                    continue
                }
                regex += "[^/]*"
            } else if character == "?" {
                regex += "[^/]"
            } else {
                regex += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        // A folder pattern matches everything under it.
        regex += pattern.hasSuffix("/") ? ".*$" : "(?:/.*)?$"
        expression = regex
    }

    /// Whether `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        path.range(of: expression, options: .regularExpression) != nil
    }

    public var description: String { pattern }
}
