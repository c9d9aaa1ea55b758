import Foundation

/// Whole buffers written to or read from open files, however many system calls that takes (a call may
/// be interrupted, or move fewer bytes than asked): the one loop for the atomic writer, the cache
/// writer, the scratch files, the mapped-file fallback and files read again.
enum BufferIO {
    /// Writes all of `buffer` to `descriptor`, at `offset` when given (`pwrite`: threads may write
    /// to one file side by side) or else at its current offset, however many writes that takes; the
    /// `errno` of the failure, or nil when everything was written.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int? = nil) -> Int32? {
        var written = 0
        while written < buffer.count {
            let start = buffer.baseAddress! + written
            let count = offset.map { pwrite(descriptor, start, buffer.count - written, off_t($0 + written)) }
                ?? Foundation.write(descriptor, start, buffer.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // A regular file that takes no byte of a non-empty write is full, in effect.
            guard count > 0 else { return EIO }
            written += count
        }
        return nil
    }

    /// `writeAll(_:to:at:)` for bytes in an array or a slice of one.
    static func writeAll<Bytes: ContiguousBytes>(_ bytes: Bytes, to descriptor: Int32, at offset: Int? = nil) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor, at: offset) }
    }

    /// Fills `buffer` with the bytes of the file open at `descriptor` from `offset` on (`pread`:
    /// threads may read one file side by side), however many reads that takes; false when the file
    /// ends first or cannot be read.
    static func readAll(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }
}
