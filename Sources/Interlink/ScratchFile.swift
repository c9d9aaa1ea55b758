import Foundation

/// Unnamed scratch files for what a run moves out of memory (`SpilledBytes`, `KeptParts`).
enum ScratchFile {
    /// A new file in `folder` that no name leads to: open for reading and writing, gone once closed,
    /// even if the run is killed. On Linux an `O_TMPFILE` file, never in the folder's listing;
    /// elsewhere (or where the file system cannot make one) a named file removed the moment it is
    /// opened. Nil when the folder does not take new files (read-only, missing).
    static func open(in folder: String) -> Int32? {
        #if os(Linux)
            // `O_TMPFILE` is a compound macro Swift does not import: `__O_TMPFILE | O_DIRECTORY`.
            let temporaryFile: Int32 = 0o20_000_000 | O_DIRECTORY
            let unnamed = Foundation.open(folder, O_RDWR | O_CLOEXEC | temporaryFile, 0o600)
            if unnamed >= 0 { return unnamed }
        #endif
        let path = (folder as NSString).appendingPathComponent(
            ".interlink-scratch.\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        unlink(path)
        return descriptor
    }
}
