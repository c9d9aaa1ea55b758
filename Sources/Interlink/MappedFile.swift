import Foundation

/// A file's bytes, read-only: mapped into memory where the system allows, read into it otherwise.
///
/// A mapping costs no copy, and its pages are the page cache's: `releaseResidentPages()` drops them
/// from the process's resident set, and a later read faults them in again from the page cache. The
/// mapping is private and never written, so its bytes stay those of the file that was opened even
/// when another run replaces the file (writers rename a new file into place; the old one lives on
/// until unmapped). Truncating the mapped file in place would make a read of its lost pages fault
/// (`SIGBUS`); nothing that writes the files mapped here (the index cache) truncates them.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer
    /// Whether `bytes` is a mapping (else memory allocated here and filled by `read`).
    private let isMapped: Bool
    /// How many bytes `noteRead` lets pass between two `releaseResidentPages()`; nil when the file is
    /// not larger than the resident limit given (then its pages are never released).
    private let releasePeriod: Int?
    private let lock = NSLock()
    private var readSinceRelease = 0

    /// How many bytes read from a large file's mapping are let stay resident: a few megabytes, so that
    /// the mappings a run reads at once (the cache file, the parts kept for the next one) stay small
    /// beside the rest of its memory, while each release (one system call over the mapping) stays rare.
    static let releaseInterval = 2 << 20

    /// Maps the file at `path`; nil when it cannot be opened or read, or is larger than `limit` bytes.
    /// A file larger than `residentLimit` has its pages released as it is read, every `releaseEvery`
    /// bytes (`noteRead(_:)`, `releaseResidentPages()`); a smaller one's stay resident (faulting them
    /// in again would cost more than keeping them).
    convenience init?(path: String, limit: Int, residentLimit: Int? = nil, releaseEvery: Int = releaseInterval) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        self.init(descriptor: descriptor, limit: limit, residentLimit: residentLimit, releaseEvery: releaseEvery)
    }

    /// Maps the regular file open at `descriptor` (which stays open; the mapping does not need it).
    init?(descriptor: Int32, limit: Int, residentLimit: Int? = nil, releaseEvery: Int = releaseInterval) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size <= limit else { return nil }
        releasePeriod = residentLimit.flatMap { size > $0 ? max(releaseEvery, 1) : nil }
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            isMapped = false
            return
        }
        if let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED {
            bytes = UnsafeRawBufferPointer(start: address, count: size)
            isMapped = true
            return
        }
        // A file system that cannot map files: the bytes are read instead.
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        guard BufferIO.readAll(into: memory, from: descriptor, at: 0) else {
            memory.deallocate()
            return nil
        }
        bytes = UnsafeRawBufferPointer(memory)
        isMapped = false
    }

    deinit {
        guard let start = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: start), bytes.count)
        } else {
            bytes.deallocate()
        }
    }

    /// The bytes in `range`.
    subscript(range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[range]) }

    /// Counts `count` bytes read from the mapping; once `releaseEvery` bytes have been read since
    /// the last time, lets the system drop the resident pages (`releaseResidentPages()`), so that a
    /// pass over the whole file does not leave all of it resident.
    func noteRead(_ count: Int) {
        guard let releasePeriod else { return }
        lock.lock()
        readSinceRelease += count
        let due = readSinceRelease >= releasePeriod
        if due { readSinceRelease = 0 }
        lock.unlock()
        if due { releaseResidentPages() }
    }

    /// Lets the system drop the mapped pages read so far from the resident set (they are read again
    /// from the page cache when next touched), when the file is larger than its resident limit;
    /// nothing for a smaller file or for bytes that were read into memory.
    func releaseResidentPages() {
        guard releasePeriod != nil, isMapped, let start = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: start), bytes.count, MADV_DONTNEED)
    }
}
