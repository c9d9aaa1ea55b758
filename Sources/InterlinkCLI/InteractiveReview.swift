import Foundation
import Interlink

/// `apply --interactive`: shows each suggestion in context and asks what to do. Answers come from
/// standard input, so the review can also be scripted. Rejections are saved to `.interlink-ignore`.
struct InteractiveReview {
    let site: Site
    let root: URL

    /// The accepted suggestions.
    func review(_ suggestions: [Suggestion]) throws -> [Suggestion] {
        var accepted: [Suggestion] = []
        var ignore = (try? IgnoreFile.load(root: root)) ?? IgnoreFile()
        var rejected = 0
        loop: for (number, suggestion) in suggestions.enumerated() {
            print("\n[\(number + 1)/\(suggestions.count)] \(suggestion.source):\(suggestion.line):\(suggestion.column)")
            print("  link \"\(suggestion.readAnchor)\" to \(suggestion.target) (score \(String(format: "%.2f", suggestion.score)))")
            print("  " + context(of: suggestion))
            while true {
                print("Link it? [a]ccept, [r]eject, [s]kip, [q]uit: ", terminator: "")
                fflush(nil)
                guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { break loop }
                switch answer {
                case "a", "accept", "y", "yes":
                    accepted.append(suggestion)
                case "r", "reject", "n", "no":
                    ignore.add(suggestion)
                    rejected += 1
                case "s", "skip", "":
                    break
                case "q", "quit":
                    break loop
                default:
                    continue
                }
                break
            }
        }
        if rejected > 0 {
            do {
                try ignore.save(root: root)
            } catch {
                StandardError.write(error.description + "\n")
            }
            StandardError.write("\(rejected) suggestion\(rejected == 1 ? "" : "s") recorded in \(IgnoreFile.fileName)\n")
        }
        return accepted
    }

    /// The anchor's line with the anchor in brackets, shortened around it.
    func context(of suggestion: Suggestion) -> String {
        guard let article = site.article(atPath: suggestion.source) else { return suggestion.anchor }
        let bytes = article.bytes
        var start = suggestion.offset
        while start > 0, bytes[start - 1] != 0x0A, suggestion.offset - start < 80 { start -= 1 }
        var end = suggestion.offset + suggestion.length
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D, end - suggestion.offset < 80 { end += 1 }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let before = text(start..<suggestion.offset)
        let after = text((suggestion.offset + suggestion.length)..<end)
        return "…" + before + "[" + suggestion.readAnchor + "]" + after + "…"
    }
}
