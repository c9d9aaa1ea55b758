/// Open-addressing tables keyed by word hashes (`Tokenizer.hash`, `WordCase.surfaceHash`). The keys are
/// hashes already: `Set` and `Dictionary` would hash each one again with SipHash, which in the word
/// loops of relatedness, word case and matching cost more than the rest of the look-up.

/// Where a word hash starts probing in a table of `mask + 1` slots.
@inline(__always)
func wordHashHome(_ hash: UInt64, mask: Int) -> Int {
    // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
}

/// The slots (a power of two, at least 16) of a table that holds `capacity` entries under its load limit.
func wordHashSlots(capacity: Int) -> Int {
    var slots = 16
    while isOverLoaded(capacity, slots: slots) { slots *= 2 }
    return slots
}

/// Whether `used` entries fill a table of `slots` slots past its load limit (70 %): then it grows.
@inline(__always)
func isOverLoaded(_ used: Int, slots: Int) -> Bool { used * 10 > slots * 7 }

/// A count per word hash (linear probing; a count of 0 marks an empty slot, so counts only grow).
struct WordHashCounts: Sendable {
    private(set) var keys: [UInt64]
    private(set) var counts: [Int32]
    private(set) var mask: Int
    /// Words counted so far.
    private(set) var count = 0

    /// A table with room for about `capacity` words before it grows.
    init(capacity: Int = 64) {
        let slots = wordHashSlots(capacity: capacity)
        keys = [UInt64](repeating: 0, count: slots)
        counts = [Int32](repeating: 0, count: slots)
        mask = slots - 1
    }

    /// Adds `times` (at least 1) to the count of `hash`.
    @inline(__always)
    mutating func add(_ hash: UInt64, _ times: Int32 = 1) {
        var slot = wordHashHome(hash, mask: mask)
        while counts[slot] != 0 {
            if keys[slot] == hash {
                counts[slot] &+= times
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = hash
        counts[slot] = times
        count += 1
        if isOverLoaded(count, slots: mask + 1) { grow() }
    }

    /// The slot holding `hash`, or nil.
    @inline(__always)
    func slot(of hash: UInt64) -> Int? {
        var slot = wordHashHome(hash, mask: mask)
        while counts[slot] != 0 {
            if keys[slot] == hash { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The count of `hash`; 0 when it was never added.
    @inline(__always)
    func count(of hash: UInt64) -> Int32 { slot(of: hash).map { counts[$0] } ?? 0 }

    /// The slots in use.
    var usedSlots: [Int] { counts.indices.filter { counts[$0] != 0 } }

    /// Every (hash, count), in ascending hash order.
    func sortedEntries() -> [(hash: UInt64, count: Int32)] {
        usedSlots.map { (hash: keys[$0], count: counts[$0]) }.sorted { $0.hash < $1.hash }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldCounts = counts
        let capacity = (mask + 1) * 2
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, value) in zip(oldKeys, oldCounts) where value != 0 {
            var slot = wordHashHome(key, mask: mask)
            while counts[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            counts[slot] = value
        }
    }
}

/// A set of word hashes.
public struct WordHashSet: Sendable, Sequence {
    private var table: WordHashCounts

    /// The set of `hashes`.
    public init<Hashes: Sequence>(_ hashes: Hashes) where Hashes.Element == UInt64 {
        table = WordHashCounts(capacity: hashes.underestimatedCount)
        for hash in hashes { table.add(hash) }
    }

    /// Whether `hash` is in the set.
    @inline(__always)
    public func contains(_ hash: UInt64) -> Bool { table.slot(of: hash) != nil }

    /// How many hashes the set holds.
    public var count: Int { table.count }

    /// The hashes, in no particular order.
    public func makeIterator() -> IndexingIterator<[UInt64]> {
        table.usedSlots.map { table.keys[$0] }.makeIterator()
    }
}

/// The edges of a token trie: the child of (node, word hash), or nil.
struct TrieEdgeTable: Sendable {
    /// The root's edges, in a table of their own (the child in place of a count): matching looks up
    /// every word of the prose from the root and only the few that start a topic any deeper, and the
    /// root's edges alone stay in the processor's caches where the whole trie does not (3,714 of
    /// 127,709 edges, 96 KB of 4 MB, at 100,000 articles).
    private var rootEdges = WordHashCounts()
    /// The other edges, each slot's parent, word and child side by side (one cache line read per probe);
    /// a child of 0 marks an empty slot (the root is nobody's child).
    private var slots: [Edge]
    private var mask: Int
    private var used = 0

    private struct Edge {
        var word: UInt64 = 0
        var node: Int32 = 0
        var child: Int32 = 0
    }

    init() {
        slots = [Edge](repeating: Edge(), count: 64)
        mask = 63
    }

    @inline(__always)
    private static func home(_ node: Int32, _ word: UInt64, mask: Int) -> Int {
        wordHashHome(word ^ (UInt64(UInt32(bitPattern: node)) &* 0xC2B2_AE3D_27D4_EB4F), mask: mask)
    }

    /// The child of `node` on `word`.
    @inline(__always)
    func child(_ node: Int32, _ word: UInt64) -> Int32? {
        if node == 0 {
            let child = rootEdges.count(of: word)
            return child == 0 ? nil : child
        }
        var slot = Self.home(node, word, mask: mask)
        while slots[slot].child != 0 {
            if slots[slot].word == word, slots[slot].node == node { return slots[slot].child }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds the edge (`node`, `word`) → `child` (a node other than the root); the edge must be new.
    mutating func insert(_ node: Int32, _ word: UInt64, child: Int32) {
        precondition(child > 0, "the root is nobody's child")
        if node == 0 {
            rootEdges.add(word, child)
            return
        }
        place(Edge(word: word, node: node, child: child))
        used += 1
        if isOverLoaded(used, slots: mask + 1) { grow() }
    }

    private mutating func place(_ edge: Edge) {
        var slot = Self.home(edge.node, edge.word, mask: mask)
        while slots[slot].child != 0 { slot = (slot + 1) & mask }
        slots[slot] = edge
    }

    private mutating func grow() {
        let old = slots
        slots = [Edge](repeating: Edge(), count: (mask + 1) * 2)
        mask = slots.count - 1
        for edge in old where edge.child != 0 { place(edge) }
    }
}
