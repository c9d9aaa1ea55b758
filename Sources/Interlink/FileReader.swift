import Foundation

/// Reads a whole file into bytes with one `open`, `fstat` and as few `read`s as its size needs.
enum FileReader {
    enum Failure: Error {
        /// The file is larger than the limit (its size in bytes).
        case tooLarge(Int)
        /// The system refused (the reason, e.g. "Permission denied").
        case system(String)
    }

    /// Reads again a file read before with `count` bytes: nil when it cannot be read or no longer has
    /// that size. With one `open`, `fstat`, `pread` (as few as the size needs) and `close`, into an array
    /// that is not zeroed first: a large site's files are read again by every stage that needs them.
    static func readAgain(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == count else {
            return nil
        }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            complete = BufferIO.readAll(into: UnsafeMutableRawBufferPointer(buffer), from: descriptor, at: 0)
            initialized = complete ? count : 0
        }
        return complete ? bytes : nil
    }

    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        readStamped(path, limit: limit).map(\.bytes)
    }

    /// Reads the file and gives its stamp as `fstat` saw it before the bytes were read (a change made
    /// while they were read leaves a later stamp on the file).
    static func readStamped(_ path: String, limit: Int) -> Result<(bytes: [UInt8], stamp: FileStamp), Failure> {
        // Non-blocking, so that a named pipe (through a symbolic link) is refused instead of waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.system("not a regular file")) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        // Read straight into the array's storage: no zero-filling of bytes about to be overwritten.
        var failure: Failure? = nil
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .system(String(cString: strerror(errno)))
                    break
                }
                if count == 0 { break }
                total += count
            }
            initialized = total
        }
        if let failure { return .failure(failure) }
        let stamp = FileStamp(info)
        if bytes.count < size {
            // The file shrank since fstat.
            return .success((bytes, stamp))
        }
        // The file may have grown since fstat: read on in chunks, within the limit (the chunk is on the
        // stack, not a fresh zero-filled array per file).
        let grown: Failure? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while true {
                let count = Foundation.read(descriptor, chunk.baseAddress!, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .system(String(cString: strerror(errno)))
                }
                if count == 0 { return nil }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
                if bytes.count > limit { return .tooLarge(bytes.count) }
            }
        }
        if let grown { return .failure(grown) }
        return .success((bytes, stamp))
    }
}
