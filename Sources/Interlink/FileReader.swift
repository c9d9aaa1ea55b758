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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.system("not a regular file")) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while true {
            if total == bytes.count {
                // The file grew since fstat: read on in chunks, within the limit.
                guard bytes.count < limit else { return .failure(.tooLarge(bytes.count + 1)) }
                bytes.append(contentsOf: repeatElement(0, count: Swift.min(64 * 1024, limit + 1 - bytes.count)))
            }
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
        if total > limit { return .failure(.tooLarge(total)) }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}
