#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers written with a fixed count of decimals, as C's `printf("%.Nf")` writes them.
enum FixedDecimal {
    /// `value` with `places` digits after the point, rounded as `printf`'s `%.Nf` rounds (the exact
    /// binary value to the nearest, ties to even): the text of `String(format: "%.2f", value)` for
    /// `places` 2, without Foundation's format parser, which took 2 % of a `suggest` run when every
    /// suggestion's reason wrote two scores with it. Always a `.` as the decimal point: the process
    /// never sets a C locale.
    static func text(_ value: Double, places: Int32) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer in
            let written = withVaList([places, value]) { arguments in
                vsnprintf(buffer.baseAddress, buffer.count, "%.*f", arguments)
            }
            guard written >= 0 else { return "\(value)" }
            if Int(written) < buffer.count {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(written))
                    .bindMemory(to: UInt8.self), as: UTF8.self)
            }
            // Too long for the buffer (a value of 10^40 or more): write it again into one that fits.
            var large = [CChar](repeating: 0, count: Int(written) + 1)
            _ = withVaList([places, value]) { arguments in vsnprintf(&large, large.count, "%.*f", arguments) }
            return String(decoding: large.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
