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
/// Bytes are appended from any thread, gathered into writes of about a megabyte. The first read
/// writes what is gathered; whatever is appended after that, or after a write failed, is not taken
/// (`append` gives nil, and the caller keeps the bytes another way).
final class SpilledBytes: @unchecked Sendable {
    /// How many appended bytes are gathered before they are written.
    static let writeSize = 1 << 20

    private let folder: String
    private let lock = NSLock()
    private var descriptor: Int32?
    /// Bytes in the file.
    private var written = 0
    /// Bytes appended after `written`, not yet in the file.
    private var pending: [UInt8] = []
    /// False once the file could not be made or written, or was read from: appends are refused.
    private var takesMore = true

    /// Bytes to be kept in a scratch file in `folder`, made at the first append.
    init(folder: String) {
        self.folder = folder
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// How many bytes were taken.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return written + pending.count
    }

    /// Takes a copy of `bytes`; where they lie, for `bytes(in:)`. Nil when the scratch file cannot be
    /// made or written, or was already read from.
    func append(_ bytes: [UInt8]) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard takesMore else { return nil }
        if descriptor == nil {
            descriptor = ScratchFile.open(in: folder)
            guard descriptor != nil else {
                takesMore = false
                return nil
            }
        }
        let start = written + pending.count
        pending.append(contentsOf: bytes)
        if pending.count >= Self.writeSize { writePending() }
        return start..<(start + bytes.count)
    }

    /// The bytes appended at `range`; nil if the scratch file cannot be read back.
    func bytes(in range: Range<Int>) -> [UInt8]? {
        lock.lock()
        if takesMore {
            writePending()
            takesMore = false
        }
        let descriptor = self.descriptor
        lock.unlock()
        // Nothing changes `written` or `pending` once appends are refused.
        if range.upperBound <= written {
            guard let descriptor else { return nil }
            return Self.read(range, from: descriptor)
        }
        let start = range.lowerBound - written
        guard start >= 0, start + range.count <= pending.count else { return nil }
        return Array(pending[start..<(start + range.count)])
    }

    /// The bytes at `range` of the file open at `descriptor` (`pread`: threads read side by side).
    private static func read(_ range: Range<Int>, from descriptor: Int32) -> [UInt8]? {
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var done = 0
            while done < range.count {
                let count = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
            complete = done == range.count
            initialized = complete ? done : 0
        }
        return complete ? bytes : nil
    }

    /// Writes the pending bytes to the file; if that fails, they stay pending (in memory) and no more
    /// are taken. Called with the lock held.
    private func writePending() {
        guard let descriptor, !pending.isEmpty else { return }
        if ScratchFile.writeAll(pending, to: descriptor) == nil {
            written += pending.count
            pending.removeAll(keepingCapacity: true)
        } else {
            // Part of them may be in the file; the file's length no longer says where they end,
            // so they are read from memory.
            takesMore = false
        }
    }
}
