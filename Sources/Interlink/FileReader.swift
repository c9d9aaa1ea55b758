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
    /// that size. With one `open`, `fstat`, `read` (as few as the size needs) and `close`, into an array
    /// that is not zeroed first: a large site's files are read again by every stage that needs them.
    static func readAgain(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == count else {
            return nil
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var total = 0
            while total < count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + total, count - total)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                total += read
            }
            failed = total < count
            initialized = failed ? 0 : count
        }
        return failed ? nil : bytes
    }

    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        // Non-blocking, so that a named pipe (through a symbolic link) is refused instead of waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.system("not a regular file")) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            total += count
        }
        if total < bytes.count {
            // The file shrank since fstat.
            bytes.removeSubrange(total...)
            return .success(bytes)
        }
        // The file may have grown since fstat: read on in chunks, within the limit.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .failure(.tooLarge(bytes.count)) }
        }
        return .success(bytes)
    }
}
