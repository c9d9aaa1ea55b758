import Foundation

/// Reads a whole file into bytes with one `open`, `fstat` and as few `read`s as its size needs.
enum FileReader {
    enum Failure: Error {
        /// The file is larger than the limit (its size in bytes).
        case tooLarge(Int)
        /// The system refused (the reason, e.g. "Permission denied").
        case system(String)
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
