/// Unified diffs (`a/` and `b/` prefixes, 3 lines of context) that `git apply` and `patch -p1` accept
/// from the site root. Line endings are kept byte for byte, so CRLF files diff as CRLF.
public enum UnifiedDiff {
    /// The diff of one file, or an empty string when nothing changed.
    public static func make(path: String, original: [UInt8], rewritten: [UInt8], context: Int = 3) -> String {
        let old = lines(original)
        let new = lines(rewritten)
        guard old != new else { return "" }
        // As git does: a tab after a name holding a space, or `patch` reads the name only up to the space.
        let nameEnd = path.contains(" ") ? "\t" : ""
        var output = "--- a/\(path)\(nameEnd)\n+++ b/\(path)\(nameEnd)\n"
        guard old.count == new.count else {
            // Inserting links never adds or removes a line break; anything else is one whole-file hunk.
            output += "@@ -\(header(0..<old.count)) +\(header(0..<new.count)) @@\n"
            for text in old { output += line("-", text) }
            for text in new { output += line("+", text) }
            return output
        }
        // Lines pair up one to one: group changed lines that are close, with `context` lines around.
        let changed = old.indices.filter { old[$0] != new[$0] }
        var hunks: [Range<Int>] = []
        var start = changed[0]
        var end = changed[0] + 1
        for index in changed.dropFirst() {
            if index - end <= 2 * context {
                end = index + 1
            } else {
                hunks.append(max(0, start - context)..<min(old.count, end + context))
                start = index
                end = index + 1
            }
        }
        hunks.append(max(0, start - context)..<min(old.count, end + context))
        for hunk in hunks {
            output += "@@ -\(header(hunk)) +\(header(hunk)) @@\n"
            var removed = ""
            var added = ""
            func flush() {
                output += removed + added
                removed = ""
                added = ""
            }
            for index in hunk {
                if old[index] == new[index] {
                    flush()
                    output += line(" ", old[index])
                } else {
                    removed += line("-", old[index])
                    added += line("+", new[index])
                }
            }
            flush()
        }
        return output
    }

    private static func header(_ range: Range<Int>) -> String {
        let start = range.isEmpty ? range.lowerBound : range.lowerBound + 1
        return "\(start),\(range.count)"
    }

    private static func line(_ marker: String, _ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.last == 0x0A { return marker + text }
        return marker + text + "\n\\ No newline at end of file\n"
    }

    /// Lines with their endings.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                result.append(Array(bytes[start...index]))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }
}

