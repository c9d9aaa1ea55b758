import Foundation

/// Appends values to a compact binary buffer: unsigned LEB128 integers, length-prefixed strings.
/// Used by `ArticleCache`; every value written is read back by `BinaryReader` in the same order.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
        // Zig-zag, so that small negative numbers stay small.
        uint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { buffer in
            uint(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func range(_ value: Range<Int>) {
        int(value.lowerBound)
        int(value.count)
    }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    mutating func raw(_ value: UnsafeRawBufferPointer) { bytes.append(contentsOf: value) }

    /// Writes what `body` writes, prefixed with its length, so that a reader can step over it
    /// (`BinaryReader.section()`).
    mutating func section(_ body: (inout BinaryWriter) -> Void) {
        var inner = BinaryWriter()
        body(&inner)
        uint(UInt64(inner.bytes.count))
        bytes.append(contentsOf: inner.bytes)
    }

    /// Writes the hashes of `count` items taken in runs of `run`: each run encoded (`encode` writes the
    /// item at an index) and hashed on all cores, the hashes written in order, so the bytes are the
    /// same whatever the number of cores. For fingerprints of a whole site's values.
    mutating func runHashes(count: Int, run: Int, _ encode: @Sendable (inout BinaryWriter, Int) -> Void) {
        let parts = Array(stride(from: 0, to: count, by: run)).parallelMap { start in
            var writer = BinaryWriter()
            for index in start..<min(start + run, count) { encode(&writer, index) }
            return ContentHash(writer.bytes)
        }
        for part in parts {
            fixed64(part.high)
            fixed64(part.low)
        }
    }
}

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: a truncated or corrupt buffer
/// throws `BinaryReader.Corrupt` instead of trapping.
struct BinaryReader {
    struct Corrupt: Error {}

    let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint() throws(Corrupt) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(Corrupt) -> Int {
        let raw = try uint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of items still to read; each item takes at least one byte, so a count larger than
    /// what is left is corrupt (and never makes a huge allocation).
    mutating func count() throws(Corrupt) -> Int {
        let value = try uint()
        guard value <= UInt64(bytes.count - offset) else { throw Corrupt() }
        return Int(value)
    }

    /// A non-negative integer no larger than `limit`.
    mutating func int(atMost limit: Int) throws(Corrupt) -> Int {
        let value = try int()
        guard value >= 0, value <= limit else { throw Corrupt() }
        return value
    }

    /// Where the next length-prefixed section (a length, then that many bytes) lies in `bytes`; steps
    /// over it.
    mutating func section() throws(Corrupt) -> Range<Int> {
        let length = try count()
        defer { offset += length }
        return offset..<(offset + length)
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard offset < bytes.count else { throw Corrupt() }
        let byte = bytes[offset]
        offset += 1
        guard byte <= 1 else { throw Corrupt() }
        return byte == 1
    }

    mutating func byte() throws(Corrupt) -> UInt8 {
        guard offset < bytes.count else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func fixed64() throws(Corrupt) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Corrupt() }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 8)])) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func string() throws(Corrupt) -> String {
        let length = try count()
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        offset += length
        let buffer = slice.bindMemory(to: UInt8.self)
        // ASCII (nearly every stored string) is valid UTF-8 as it stands: decoded without the generic
        // validating initialiser, whose metadata look-ups cost more than the copy.
        if buffer.allSatisfy({ $0 < 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else { throw Corrupt() }
        return text
    }

    mutating func optionalString() throws(Corrupt) -> String? {
        try bool() ? try string() : nil
    }

    /// A range inside `0...limit`.
    mutating func range(within limit: Int) throws(Corrupt) -> Range<Int> {
        let lower = try int(atMost: limit)
        let length = try int(atMost: limit - lower)
        return lower..<(lower + length)
    }

    /// Steps over a string without making it.
    mutating func skipString() throws(Corrupt) {
        try skip(try count())
    }

    mutating func skip(_ length: Int) throws(Corrupt) {
        guard length >= 0, offset + length <= bytes.count else { throw Corrupt() }
        offset += length
    }
}

/// A 128-bit hash of a file's bytes: the cache's key. Not cryptographic: the bytes are read as 8-byte
/// little-endian words (the last one padded with zeros, possibly empty), word `k` going to lane `k % 4`
/// of four lanes of 64-bit multiply-and-rotate; the lanes and the length are mixed at the end. Four
/// independent lanes let the processor work on four words at once (about four times the speed of one).
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ContentHash(buffer: $0) }
    }

    /// The hash of the bytes in `buffer` (the same as of an array holding them): `ContentHasher` fed
    /// them at once, so that the two never differ.
    init(buffer: UnsafeRawBufferPointer) {
        var hasher = ContentHasher(count: buffer.count)
        hasher.feed(buffer)
        self = hasher.finish()
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    /// The four lanes' state.
    struct Lanes {
        var a: UInt64
        var b: UInt64
        var c: UInt64
        var d: UInt64

        init(count: Int) {
            a = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            b = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count)
            c = 0x1656_67B1_9E37_79F9 ^ UInt64(count)
            d = 0x85EB_CA77_C2B2_AE63 &+ UInt64(count)
        }

        /// Words `4k` to `4k + 3`: the 32 bytes of `buffer` at `offset`.
        @inline(__always)
        mutating func block(_ buffer: UnsafeRawBufferPointer, at offset: Int) {
            a = ContentHash.mix(a ^ Self.word(buffer, offset), 0x8794_5B8F_7C4B_A5C3)
            b = ContentHash.mix(b ^ Self.word(buffer, offset + 8), 0x1656_67B1_9E37_79F9)
            c = ContentHash.mix(c ^ Self.word(buffer, offset + 16), 0xC2B2_AE3D_27D4_EB4F)
            d = ContentHash.mix(d ^ Self.word(buffer, offset + 24), 0x27D4_EB2F_1656_67C5)
        }

        /// The little-endian word of `buffer` at `offset`.
        @inline(__always)
        static func word(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
            UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        /// One word, into lane `lane` (0 to 3).
        @inline(__always)
        mutating func word(_ word: UInt64, lane: Int) {
            switch lane {
            case 0: a = ContentHash.mix(a ^ word, 0x8794_5B8F_7C4B_A5C3)
            case 1: b = ContentHash.mix(b ^ word, 0x1656_67B1_9E37_79F9)
            case 2: c = ContentHash.mix(c ^ word, 0xC2B2_AE3D_27D4_EB4F)
            default: d = ContentHash.mix(d ^ word, 0x27D4_EB2F_1656_67C5)
            }
        }

        func finish(count: Int) -> ContentHash {
            let x = a &+ rotate(b, 7) &+ rotate(c, 12) &+ rotate(d, 18)
            let y = (d &+ rotate(c, 23) &+ rotate(b, 37) &+ rotate(a, 47)) ^ UInt64(count)
            return ContentHash(high: ContentHash.finish(x ^ (y >> 17)), low: ContentHash.finish(y ^ (x << 13)))
        }

        private func rotate(_ value: UInt64, _ by: UInt64) -> UInt64 { value << by | value >> (64 - by) }
    }

    static func mix(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value &* multiplier
        return (product << 31 | product >> 33) &* 0x9E37_79B9_7F4A_7C15
    }

    static func finish(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    public var description: String { String(format: "%016llx%016llx", high, low) }
}

/// `ContentHash` of bytes fed in pieces (the cache file as it is written): the same hash as of all the
/// pieces joined.
struct ContentHasher {
    private var lanes: ContentHash.Lanes
    /// How many whole words went in so far, modulo 4: the lane of the next one.
    private var lane = 0
    /// Bytes of a word not yet complete (fewer than 8), least significant first.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    /// How many bytes will be fed, when known before (nil: mixed in at the end only).
    private let count: Int?
    private var fed = 0

    /// Hashes `count` bytes: the same hash as `ContentHash(buffer:)` of them joined.
    init(count: Int) {
        self.count = count
        lanes = ContentHash.Lanes(count: count)
    }

    /// Hashes bytes whose number is known only once all are fed (the cache file, written as its
    /// records are made): not the hash `ContentHash(buffer:)` gives, but one of its kind, with the
    /// number of bytes mixed in at the end.
    init() {
        count = nil
        lanes = ContentHash.Lanes(count: 0)
    }

    @inline(__always)
    private mutating func word(_ word: UInt64) {
        lanes.word(word, lane: lane)
        lane = (lane + 1) & 3
    }

    mutating func feed(_ buffer: UnsafeRawBufferPointer) {
        fed += buffer.count
        var index = 0
        // Complete a pending word first, then whole words (four at a time once at lane 0), then keep the rest.
        while pendingCount > 0, index < buffer.count {
            pending |= UInt64(buffer[index]) << UInt64(8 * pendingCount)
            pendingCount += 1
            index += 1
            if pendingCount == 8 {
                word(pending)
                pending = 0
                pendingCount = 0
            }
        }
        while lane != 0, index + 8 <= buffer.count {
            word(ContentHash.Lanes.word(buffer, index))
            index += 8
        }
        if lane == 0 {
            while index + 32 <= buffer.count {
                lanes.block(buffer, at: index)
                index += 32
            }
        }
        while index + 8 <= buffer.count {
            word(ContentHash.Lanes.word(buffer, index))
            index += 8
        }
        while index < buffer.count {
            pending |= UInt64(buffer[index]) << UInt64(8 * pendingCount)
            pendingCount += 1
            index += 1
        }
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// The hash; all `count` bytes must have been fed, when their number was given.
    func finish() -> ContentHash {
        precondition(count == nil || fed == count, "ContentHasher fed \(fed) bytes of \(count ?? 0)")
        var lanes = self.lanes
        // The tail word goes in even when empty.
        lanes.word(pending, lane: lane)
        return lanes.finish(count: fed)
    }

    /// The hash of the bytes in `buffer` as `init()` fed them in pieces would give it.
    static func streamed(_ buffer: UnsafeRawBufferPointer) -> ContentHash {
        var hasher = ContentHasher()
        hasher.feed(buffer)
        return hasher.finish()
    }
}
