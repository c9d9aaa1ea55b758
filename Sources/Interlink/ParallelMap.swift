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
