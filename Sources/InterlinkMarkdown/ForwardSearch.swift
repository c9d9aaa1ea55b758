/// Searches for delimiters forward through `raw[..<end]`, remembering each needle's last answer: a search
/// from `s` that found `f` (or nothing) answers every later search from `s…f` (or from anywhere after `s`)
/// without scanning again. Scans that only move forward therefore read no byte twice per needle, which
/// keeps them linear however many openers a file holds.
struct ForwardSearch {
    let raw: [UInt8]
    let end: Int
    private var searches: [[UInt8]: (from: Int, found: Int?)] = [:]

    init(raw: [UInt8], end: Int) {
        self.raw = raw
        self.end = end
    }

    /// The first `needle` at or after `start`, before `end`.
    mutating func first(_ needle: [UInt8], from start: Int) -> Int? {
        if let last = searches[needle], start >= last.from, last.found.map({ start <= $0 }) ?? true {
            return last.found
        }
        let found = ByteSearch.firstIndex(of: needle, in: raw, from: start, end: end)
        searches[needle] = (start, found)
        return found
    }
}
