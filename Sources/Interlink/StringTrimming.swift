extension StringProtocol {
    /// The text without the scalars at either end for which `isTrimmed` holds. It walks Unicode
    /// scalars: trimming through `reversed().drop(while:).reversed()` walks `Character`s backwards,
    /// which cost 5% of a whole run when every title was trimmed that way.
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> SubSequence {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        return self[start..<end]
    }
}
