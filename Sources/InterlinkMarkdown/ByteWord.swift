/// Eight bytes read as one little-endian 64-bit word ("SIMD within a register"), for the loops that
/// look for a few byte values in long runs of prose: one comparison for eight bytes instead of a
/// branch per byte. (Swift's `SIMD16<UInt8>` comparisons compiled to lane-by-lane loops through
/// memory here, several times slower than bytes.)
public enum ByteWord {
    /// 0x01 in every byte.
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The top bit of every byte.
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `base + offset`, the first in the low byte.
    @inlinable @inline(__always)
    public static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in each of the eight bytes.
    @inlinable @inline(__always)
    public static func everyByte(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// The top bit set of each zero byte of `word`, and of no byte below the first zero byte: nonzero
    /// exactly when `word` has a zero byte, and its lowest bit set is exact (a borrow may mark a byte
    /// above a zero byte, never one below).
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highBits }

    /// `zeroBytes` of the bytes of `word` equal to `byte`.
    @inlinable @inline(__always)
    public static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 { zeroBytes(word ^ everyByte(byte)) }

    /// The top bit set of each of the eight bytes that is an ASCII letter or digit.
    @inlinable @inline(__always)
    public static func asciiLettersAndDigits(_ word: UInt64) -> UInt64 {
        let low7 = word & ~highBits
        // Sums of a byte under 0x80 and a constant under 0x80 stay within their byte; `| 0x20` folds
        // A–Z onto a–z and moves no other byte into a–z.
        let folded = low7 | everyByte(0x20)
        let letter = (folded &+ everyByte(0x1F)) & ~(folded &+ everyByte(0x05))
        let digit = (low7 &+ everyByte(0x50)) & ~(low7 &+ everyByte(0x46))
        return (letter | digit) & ~word & highBits
    }
}
