import Foundation
@testable import Interlink
import Testing

/// `Array.parallelRelease` lets go of every element, exactly once.
@Suite struct ParallelReleaseTests {
    /// Counts deinitialised objects (from any thread).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() {
            lock.lock()
            value += 1
            lock.unlock()
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    final class Tracked: @unchecked Sendable {
        let counter: Counter
        init(_ counter: Counter) { self.counter = counter }
        deinit { counter.increment() }
    }

    @Test(arguments: [0, 1, 2, 63, 64, 65, 1000])
    func everyElementIsFreedOnce(count: Int) {
        let counter = Counter()
        var lists = (0..<count).map { number in number % 3 == 0 ? nil : [Tracked(counter), Tracked(counter)] }
        let expected = lists.reduce(0) { $0 + ($1?.count ?? 0) }
        [[Tracked]?].parallelRelease(consume lists)
        #expect(counter.count == expected)
        lists = []
        #expect(counter.count == expected)
    }

    @Test func elementsStillHeldElsewhereSurvive() {
        let counter = Counter()
        let lists = (0..<100).map { _ in [Tracked(counter)] }
        let kept = lists
        [[Tracked]].parallelRelease(lists)
        #expect(counter.count == 0)
        #expect(kept.count == 100)
    }
}
