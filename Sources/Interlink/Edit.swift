/// A change to a file described as a value: replace the bytes of `range` with `replacement`.
/// Edits are checked against the bytes they expect before anything is changed.
public struct Edit: Sendable, Hashable {
    /// Bytes to replace.
    public var range: Range<Int>
    /// The bytes the range must still hold (the anchor text as read).
    public var expected: [UInt8]
    /// What goes in their place.
    public var replacement: [UInt8]

    public init(range: Range<Int>, expected: [UInt8], replacement: [UInt8]) {
        self.range = range
        self.expected = expected
        self.replacement = replacement
    }
}

/// Why a set of edits could not be applied.
public enum EditError: Error, Sendable, Hashable {
    /// The bytes at the range are not what the edit expects (the file changed).
    case mismatch(range: Range<Int>)
    /// Two edits touch the same bytes.
    case overlap(Range<Int>, Range<Int>)
}

extension Edit {
    /// Applies `edits` to `bytes`, from the highest offset down so earlier ranges never shift.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) throws(EditError) -> [UInt8] {
        let sorted = edits.sorted { $0.range.lowerBound > $1.range.lowerBound }
        for (later, earlier) in zip(sorted, sorted.dropFirst()) where earlier.range.upperBound > later.range.lowerBound {
            throw .overlap(earlier.range, later.range)
        }
        var result = bytes
        for edit in sorted {
            guard edit.range.upperBound <= result.count, result[edit.range].elementsEqual(edit.expected) else {
                throw .mismatch(range: edit.range)
            }
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return result
    }
}
