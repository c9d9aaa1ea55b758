@testable import Interlink
import Testing

/// The open-addressing word-hash tables give what `Dictionary` and `Set` give, through growth and
/// collisions (keys that share a home slot, the key 0).
@Suite struct WordHashTableTests {
    /// Deterministic pseudo-random hashes, some repeated, including 0 and keys that collide in a
    /// small table (same low bits after Fibonacci hashing is not guaranteed, so many keys are used).
    static func keys(count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        var result: [UInt64] = [0, 0, .max]
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // A small key space makes repeats; a large one makes growth.
            result.append(state % 3 == 0 ? state >> 58 : state)
        }
        return result
    }

    @Test(arguments: [10, 1_000, 50_000])
    func countsAreThoseOfADictionary(count: Int) {
        var table = WordHashCounts()
        var reference: [UInt64: Int32] = [:]
        for (position, key) in Self.keys(count: count, seed: UInt64(count)).enumerated() {
            let times = Int32(position % 3 + 1)
            table.add(key, times)
            reference[key, default: 0] += times
        }
        #expect(table.count == reference.count)
        #expect(table.sortedEntries().map(\.hash) == reference.keys.sorted())
        #expect(table.sortedEntries().map(\.count) == reference.keys.sorted().map { reference[$0]! })
        for key in Self.keys(count: 200, seed: 99) {
            #expect(table.count(of: key) == reference[key] ?? 0)
        }
    }

    @Test func aSetHoldsWhatWasPutIn() {
        let members = Self.keys(count: 5_000, seed: 7)
        let set = WordHashSet(members)
        let reference = Set(members)
        #expect(set.count == reference.count)
        #expect(Set(set) == reference)
        for key in Self.keys(count: 5_000, seed: 8) { #expect(set.contains(key) == reference.contains(key)) }
    }

    @Test func trieEdgesAreThoseOfADictionary() {
        struct Edge: Hashable {
            var node: Int32
            var word: UInt64
        }
        var table = TrieEdgeTable()
        var reference: [Edge: Int32] = [:]
        var nextNode: Int32 = 1
        let words = Self.keys(count: 20_000, seed: 3)
        for (position, word) in words.enumerated() {
            // Parents among the nodes made so far, so the same word hangs from many nodes.
            let node = Int32(position * 7919 % Int(nextNode))
            guard reference[Edge(node: node, word: word)] == nil else { continue }
            table.insert(node, word, child: nextNode)
            reference[Edge(node: node, word: word)] = nextNode
            nextNode += 1
        }
        for (edge, child) in reference { #expect(table.child(edge.node, edge.word) == child) }
        for word in Self.keys(count: 2_000, seed: 4) {
            for node: Int32 in [0, 1, 17, nextNode] {
                #expect(table.child(node, word) == reference[Edge(node: node, word: word)])
            }
        }
    }
}
