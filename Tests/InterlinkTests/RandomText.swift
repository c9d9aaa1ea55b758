/// Deterministic pseudo-random texts made of given pieces, for the tests that compare two readings of
/// the same text (a fast path and the general one).
struct RandomText: Sequence, IteratorProtocol {
    let pieces: [String]
    let maximumPieces: Int
    var remaining: Int
    var state: UInt64

    /// `count` texts of 1 to `maximumPieces` pieces each, the same ones for the same `seed`.
    init(pieces: [String], count: Int, maximumPieces: Int, seed: UInt64) {
        self.pieces = pieces
        self.maximumPieces = maximumPieces
        self.remaining = count
        self.state = seed
    }

    mutating func next() -> String? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        var text = ""
        for _ in 0..<Int(state % UInt64(maximumPieces)) + 1 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }
}
