import Foundation

/// What `stat` tells of a file: enough to know it unchanged since a run read it without reading it
/// again, as git's index does. Device and inode (another file put in its place), size, and the
/// modification and status-change times to the nanosecond. The status-change time (ctime) is set by
/// the system on every write, rename into place or `chmod`, and no tool can set it back, so a tool
/// that keeps modification times (`cp -p`, `rsync -a`, `touch -r`, an editor restoring them) still
/// changes the stamp.
struct FileStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: Instant
    var changed: Instant

    /// A time as the file system gives it.
    struct Instant: Sendable, Hashable, Comparable {
        var seconds: Int64
        var nanoseconds: Int64

        static func < (left: Instant, right: Instant) -> Bool {
            (left.seconds, left.nanoseconds) < (right.seconds, right.nanoseconds)
        }

        func encode(into writer: inout BinaryWriter) {
            writer.int(Int(seconds))
            writer.uint(UInt64(nanoseconds))
        }

        static func decode(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> Instant {
            let seconds = Int64(try reader.int())
            let nanoseconds = try reader.uint()
            guard nanoseconds < 1_000_000_000 else { throw BinaryReader.Corrupt() }
            return Instant(seconds: seconds, nanoseconds: Int64(nanoseconds))
        }

        /// The wall-clock time now, as file times are written.
        static func now() -> Instant {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            return Instant(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
        }
    }

    init(device: UInt64, inode: UInt64, size: Int, modified: Instant, changed: Instant) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp in what `stat` or `fstat` filled in.
    init(_ info: stat) {
        #if os(Linux)
        let modified = info.st_mtim
        let changed = info.st_ctim
        #else
        let modified = info.st_mtimespec
        let changed = info.st_ctimespec
        #endif
        self.init(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int(info.st_size),
            modified: Instant(seconds: Int64(modified.tv_sec), nanoseconds: Int64(modified.tv_nsec)),
            changed: Instant(seconds: Int64(changed.tv_sec), nanoseconds: Int64(changed.tv_nsec)))
    }

    /// The stamp of the regular file at `path` (symbolic links followed, as reading it does), or nil.
    static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// How long before a read a file's times must lie for its stamp to be trusted later: a file
    /// changed within the same tick of the file system's clock as it was read (one or two seconds on
    /// some file systems, a few milliseconds on others) could be changed again after the read and keep
    /// the same stamp. git calls such an entry "racily clean" and looks at its contents again.
    static let settlingSeconds: Int64 = 3

    /// Whether the stamp, taken by a read that began at `readStart`, can vouch for the bytes read: the
    /// file's last change lies more than `seconds` before it (see `settlingSeconds`).
    func isSettled(readStart: Instant, seconds: Int64 = settlingSeconds) -> Bool {
        let (start, overflow) = readStart.seconds.subtractingReportingOverflow(seconds)
        guard !overflow else { return seconds < 0 }
        let limit = Instant(seconds: start, nanoseconds: readStart.nanoseconds)
        return modified < limit && changed < limit
    }

    func encode(into writer: inout BinaryWriter) {
        writer.fixed64(device)
        writer.fixed64(inode)
        writer.int(size)
        modified.encode(into: &writer)
        changed.encode(into: &writer)
    }

    static func decode(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> FileStamp {
        FileStamp(
            device: try reader.fixed64(), inode: try reader.fixed64(), size: try reader.int(atMost: Int(UInt32.max)),
            modified: try Instant.decode(&reader), changed: try Instant.decode(&reader))
    }
}
