import Foundation

/// Encoded parts of the next cache file (one per article, nil where none) that a run keeps from the
/// stage that makes them until the file is written (`SuggestMemo`).
///
/// On a small site they stay in memory. On a large one they are written, a batch at a time, to a
/// scratch file in the cache folder (`ScratchFile`: nothing is left behind even if the run is killed)
/// and read back through a mapping when the cache file is written: a 100,000-article site's word
/// counts, topics and tallies are some 170 MB, which would otherwise be held through every later
/// stage. Where no scratch file can be made (a read-only site), they stay in memory.
final class KeptParts: @unchecked Sendable {
    /// How many articles' parts are encoded before they are written to the scratch file.
    static let batch = 2048

    private enum Storage {
        case memory([[UInt8]?])
        case scratch(descriptor: Int32, ranges: [Range<Int>?])
    }

    private let storage: Storage
    private let lock = NSLock()
    private var mapped: MappedFile?

    /// Nothing kept.
    init() {
        storage = .memory([])
    }

    /// Keeps `make(index)` for each of `count` articles, in a scratch file in the cache folder of
    /// `root` when given (else, or when the file cannot be made or written, in memory). `make` is
    /// called on all cores.
    static func keeping(count: Int, root: URL?, make: @Sendable (Int) -> [UInt8]?) -> KeptParts {
        root.flatMap { KeptParts(count: count, onDiskUnder: $0, make: make) } ?? KeptParts(count: count, inMemory: make)
    }

    /// Keeps `make(index)` for each of `count` articles in memory, made on all cores.
    init(count: Int, inMemory make: @Sendable (Int) -> [UInt8]?) {
        storage = .memory((0..<count).parallelMap(make))
    }

    /// Keeps `make(index)` for each of `count` articles in a scratch file in the cache folder of
    /// `root`, made on all cores a batch at a time; nil when the file cannot be made or written.
    init?(count: Int, onDiskUnder root: URL, make: @Sendable (Int) -> [UInt8]?) {
        guard let folder = ArticleCache.folder(root: root), let descriptor = ScratchFile.open(in: folder.path) else {
            return nil
        }
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(count)
        var offset = 0
        for start in stride(from: 0, to: count, by: Self.batch) {
            let parts = (start..<min(start + Self.batch, count)).parallelMap(make)
            var chunk: [UInt8] = []
            for part in parts {
                guard let part else {
                    ranges.append(nil)
                    continue
                }
                ranges.append((offset + chunk.count)..<(offset + chunk.count + part.count))
                chunk.append(contentsOf: part)
            }
            guard BufferIO.writeAll(chunk, to: descriptor) == nil else {
                close(descriptor)
                return nil
            }
            offset += chunk.count
        }
        storage = .scratch(descriptor: descriptor, ranges: ranges)
    }

    deinit {
        if case .scratch(let descriptor, _) = storage { close(descriptor) }
    }

    /// Whether the parts went to a scratch file (for tests).
    var isOnDisk: Bool {
        if case .scratch = storage { return true }
        return false
    }

    /// How many articles the parts are for.
    var count: Int {
        switch storage {
        case .memory(let parts): parts.count
        case .scratch(_, let ranges): ranges.count
        }
    }

    /// Whether the article at `index` has a part.
    func has(_ index: Int) -> Bool {
        switch storage {
        case .memory(let parts): index < parts.count && parts[index] != nil
        case .scratch(_, let ranges): index < ranges.count && ranges[index] != nil
        }
    }

    /// The part of the article at `index`, nil where it has none or the scratch file cannot be read.
    func part(_ index: Int) -> ArticleCache.RecordBytes? {
        switch storage {
        case .memory(let parts):
            guard index < parts.count, let part = parts[index] else { return nil }
            return .made(part[...])
        case .scratch(let descriptor, let ranges):
            guard index < ranges.count, let range = ranges[index], let file = mapping(descriptor) else { return nil }
            return .stored(file, range)
        }
    }

    /// The scratch file mapped, once all its parts are written (its pages released as they are read).
    private func mapping(_ descriptor: Int32) -> MappedFile? {
        lock.lock()
        defer { lock.unlock() }
        if mapped == nil {
            // Parts are kept on disk only on a large site: their pages are released however few.
            mapped = MappedFile(descriptor: descriptor, limit: Int.max, residentLimit: 0)
        }
        return mapped
    }
}
