import Dispatch

/// Output slots written by concurrent workers, each slot by exactly one worker.
private final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

extension Collection where Index == Int, Self: Sendable {
    /// `map` on all cores, in order. Each element is transformed exactly once; the work is split into
    /// chunks so that cheap transforms do not drown in scheduling.
    func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let slots = Slots<T>(count: count)
        let chunkCount = Swift.min(count, 64)
        let start = startIndex
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = count * chunk / chunkCount
            let upper = count * (chunk + 1) / chunkCount
            for offset in lower..<upper {
                slots.buffer[offset] = transform(self[start + offset])
            }
        }
        return slots.buffer.map { $0! }
    }
}

/// Parts handed to concurrent workers, each part taken by exactly one worker.
private final class Parts<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[T]>
    /// Where the joined elements go.
    let target: UnsafeMutablePointer<T>

    init(_ parts: [[T]], target: UnsafeMutablePointer<T>) {
        buffer = .allocate(capacity: parts.count)
        _ = buffer.initialize(from: parts)
        self.target = target
    }

    deinit {
        buffer.deallocate()
    }
}

extension Array where Element: Sendable {
    /// `Array(parts.joined())` on all cores: each part is copied into place and let go of by one worker,
    /// so that neither the copies nor, when the caller hands `parts` over (`consume`), the freeing of
    /// the parts is left to one thread (on a large site a few hundred thousand topics).
    static func parallelJoined(_ parts: consuming [[Element]]) -> [Element] {
        var starts = [Int](repeating: 0, count: parts.count + 1)
        for (index, part) in parts.enumerated() { starts[index + 1] = starts[index] + part.count }
        let offsets = starts
        let total = offsets[parts.count]
        guard total > 0 else { return [] }
        return [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            let shared = Parts(parts, target: buffer.baseAddress!)
            // The workers now hold the only reference to each part.
            parts = []
            let count = shared.buffer.count
            let chunkCount = Swift.min(count, 64)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                for index in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
                    let part = (shared.buffer.baseAddress! + index).move()
                    part.withUnsafeBufferPointer { source in
                        guard let start = source.baseAddress else { return }
                        (shared.target + offsets[index]).initialize(from: start, count: source.count)
                    }
                }
            }
            initialized = total
        }
    }
}
