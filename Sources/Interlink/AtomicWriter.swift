import Foundation

/// Why a file was not written.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path):1:1: error: \(message)" }
}

/// Writes a file so that it is either entirely old or entirely new: a temporary file in the same
/// folder, flushed to disk, given the original's permissions, then renamed over the original.
public enum AtomicWriter {
    /// Replaces the file at `url` with `bytes`, provided it still holds `expected`.
    /// A symbolic link is followed: the file it points to is replaced, the link stays.
    public static func replace(_ url: URL, with bytes: [UInt8], expecting expected: [UInt8], displayPath: String)
        throws(WriteError)
    {
        let target = url.resolvingSymlinksInPath()
        guard let current = FileManager.default.contents(atPath: target.path) else {
            throw WriteError(path: displayPath, message: "cannot read the file again before writing it")
        }
        guard [UInt8](current) == expected else {
            throw WriteError(path: displayPath, message: "the file changed since it was read; left as it is")
        }
        guard bytes != expected else { return }
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        let permissions = (attributes?[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o644
        // Root passes `access` whatever the mode, so a file nobody may write is refused by its mode as well.
        if permissions & 0o222 == 0 {
            throw WriteError(path: displayPath, message: "the file is read-only; left as it is")
        }
        if access(target.path, W_OK) != 0 {
            throw WriteError(path: displayPath, message: "the file is not writable: \(String(cString: strerror(errno)))")
        }
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(target.lastPathComponent).interlink-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        // From the temporary file's creation to its rename or removal, SIGINT/SIGTERM wait (TerminationSignals).
        let failure: String? = TerminationSignals.exclusive {
            writeAndRename(bytes, to: temporary, replacing: target, permissions: permissions)
        }
        if let failure {
            throw WriteError(path: displayPath, message: failure + "; the file is unchanged")
        }
    }

    /// Writes the temporary file, flushes it, gives it the permissions and renames it over `target`.
    /// Returns what failed (the temporary file is then removed), or nil.
    private static func writeAndRename(_ bytes: [UInt8], to temporary: URL, replacing target: URL, permissions: UInt16)
        -> String?
    {
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode_t(permissions))
        guard descriptor >= 0 else { return "cannot create a temporary file: \(String(cString: strerror(errno)))" }
        var failure: String? = nil
        if let error = BufferIO.writeAll(bytes, to: descriptor) {
            failure = "cannot write: \(String(cString: strerror(error)))"
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot flush: \(String(cString: strerror(errno)))" }
        if failure == nil, fchmod(descriptor, mode_t(permissions)) != 0 {
            failure = "cannot set permissions: \(String(cString: strerror(errno)))"
        }
        if close(descriptor) != 0, failure == nil { failure = "cannot close: \(String(cString: strerror(errno)))" }
        if failure == nil, rename(temporary.path, target.path) != 0 {
            failure = "cannot replace the file: \(String(cString: strerror(errno)))"
        }
        if failure != nil { unlink(temporary.path) }
        return failure
    }
}
