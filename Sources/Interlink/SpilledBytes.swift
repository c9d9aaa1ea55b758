import Foundation

/// Articles' bytes moved out of memory into one scratch file (`ScratchFile`) in the site's folder, and
/// read back from it with `pread`.
///
/// A run that only suggests, on a site too large to hold its files' bytes through every stage, moves
/// them here once each file is parsed (`LoadOptions.keepsBytesUpTo`). Each stage then reads an
/// article's bytes back with one system call: about a fifth of the cost of opening, reading and
/// checking the article's own file again (what `ArticleBytes` does where no scratch file can be made),
/// and it reads exactly the bytes that were parsed, however the files change meanwhile. The bytes
/// live in the page cache, not in the process: reading them through a mapping instead was cheaper
/// still, but a stage that reads a few articles here and there (calibration's sample) brought 64 KB
/// of the mapping into the resident set for each 4 KB article it read.
///
/// Bytes are appended from any thread, gathered into writes of about a megabyte, each written outside
/// the lock. The first read writes what is gathered; whatever is appended after that, or after a
/// write failed, is not taken (`append` gives nil, and the caller keeps the bytes another way); bytes
/// whose write failed are kept in memory.
final class SpilledBytes: @unchecked Sendable {
    /// How many appended bytes are gathered before they are written.
    static let writeSize = 1 << 20

    private let folder: String
    private let lock = NSLock()
    private var descriptor: Int32?
    /// Bytes given a place in the file: written, or being written by an `append`.
    private var placed = 0
    /// Bytes appended after `placed`, gathered for the next write.
    private var pending: [UInt8] = []
    /// Gathered bytes whose write failed, by where they begin: read from memory instead.
    private var unwritten: [(start: Int, bytes: [UInt8])] = []
    /// False once the file could not be made or written, or was read from: appends are refused.
    private var takesMore = true

    /// Bytes to be kept in a scratch file in `folder`, made at the first append.
    init(folder: String) {
        self.folder = folder
    }

    /// Bytes to be kept in the file open at `descriptor`, which this takes over (for tests: a
    /// descriptor open only for reading makes every write fail).
    init(descriptor: Int32) {
        folder = ""
        self.descriptor = descriptor
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// How many bytes were taken.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return placed + pending.count
    }

    /// Takes a copy of `bytes`; where they lie, for `bytes(in:)`. Nil when the scratch file cannot be
    /// made or written, or was already read from. The gathered bytes are written once they pass
    /// `writeSize`, outside the lock, so that other threads go on appending meanwhile.
    func append(_ bytes: [UInt8]) -> Range<Int>? {
        lock.lock()
        guard takesMore else {
            lock.unlock()
            return nil
        }
        if descriptor == nil {
            descriptor = ScratchFile.open(in: folder)
            guard descriptor != nil else {
                takesMore = false
                lock.unlock()
                return nil
            }
        }
        let start = placed + pending.count
        pending.append(contentsOf: bytes)
        let due = pending.count >= Self.writeSize ? takePending() : nil
        lock.unlock()
        if let due, !writes(due) {
            lock.lock()
            keepUnwritten(due)
            lock.unlock()
        }
        return start..<(start + bytes.count)
    }

    /// The bytes appended at `range`; nil if the scratch file cannot be read back. Read once every
    /// append has returned (the loader reads nothing back before it is done).
    func bytes(in range: Range<Int>) -> [UInt8]? {
        lock.lock()
        if takesMore {
            // The last bytes gathered, written while the lock is held: no read goes before them.
            takesMore = false
            if let due = takePending(), !writes(due) { keepUnwritten(due) }
        }
        let (descriptor, placed) = (self.descriptor, self.placed)
        let kept = unwritten.last { $0.start <= range.lowerBound }
        lock.unlock()
        if let kept, range.upperBound <= kept.start + kept.bytes.count {
            return Array(kept.bytes[(range.lowerBound - kept.start)..<(range.upperBound - kept.start)])
        }
        guard let descriptor, range.upperBound <= placed else { return nil }
        return Self.read(range, from: descriptor)
    }

    /// The bytes at `range` of the file open at `descriptor` (`pread`: threads read side by side).
    private static func read(_ range: Range<Int>, from descriptor: Int32) -> [UInt8]? {
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            complete = BufferIO.readAll(
                into: UnsafeMutableRawBufferPointer(buffer), from: descriptor, at: range.lowerBound)
            initialized = complete ? range.count : 0
        }
        return complete ? bytes : nil
    }

    /// The gathered bytes and where they go in the file, now counted as placed; nil when none are
    /// gathered. Called with the lock held.
    private func takePending() -> (start: Int, bytes: [UInt8])? {
        guard !pending.isEmpty else { return nil }
        let due = (start: placed, bytes: pending)
        placed += pending.count
        pending = []
        pending.reserveCapacity(Self.writeSize + (Self.writeSize >> 2))
        return due
    }

    /// Writes `due` at its place in the file (`pwrite`: threads write side by side); whether all of it
    /// was written.
    private func writes(_ due: (start: Int, bytes: [UInt8])) -> Bool {
        guard let descriptor else { return false }
        return BufferIO.writeAll(due.bytes, to: descriptor, at: due.start) == nil
    }

    /// Keeps bytes whose write failed in memory, in file order, and takes no more. Called with the
    /// lock held.
    private func keepUnwritten(_ due: (start: Int, bytes: [UInt8])) {
        takesMore = false
        let position = unwritten.firstIndex { $0.start > due.start } ?? unwritten.endIndex
        unwritten.insert(due, at: position)
    }
}
