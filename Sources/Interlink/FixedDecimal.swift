#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers written with a fixed count of decimals, as C's `printf("%.Nf")` writes them.
enum FixedDecimal {
    /// `value` with `places` digits after the point, rounded as `printf`'s `%.Nf` rounds (the exact
    /// binary value to the nearest, ties to even): the text of `String(format: "%.2f", value)` for
    /// `places` 2, without Foundation's format parser. Always a `.` as the decimal point: the process
    /// never sets a C locale.
    ///
    /// A value whose product with 10^places is under 10^15, with at most 6 places (every score a run
    /// writes), is rounded exactly in `Double` arithmetic (`roundedExactly`); any other goes through
    /// `vsnprintf`, whose variadic arguments cost a dynamic cast each (2 % of a `suggest` run when
    /// every reason wrote its two scores that way).
    static func text(_ value: Double, places: Int32) -> String {
        if let scaled = roundedExactly(value, places: places) {
            return digits(scaled, places: Int(places), negative: value.sign == .minus)
        }
        return formatted(value, places: places)
    }

    /// `|value| × 10^places` rounded to the nearest integer, ties to even, decided on the exact
    /// product (`fma` gives the rounding error of the `Double` product), or nil when the value or the
    /// count of places is outside the range where that is exact (non-finite, more than 6 places, or a
    /// product of 10^15 or more).
    static func roundedExactly(_ value: Double, places: Int32) -> UInt64? {
        guard value.isFinite, (0...6).contains(places) else { return nil }
        let magnitude = value.magnitude
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // magnitude × scale == product + exactError exactly; under 10^15 (2^50) the product's unit in
        // the last place is at most 1/8, so the error is at most 1/16.
        let product = magnitude * scale
        guard product < 1e15 else { return nil }
        let exactError = fma(magnitude, scale, -product)
        var whole = product.rounded(.down)
        // The product was rounded up to a whole number that the exact value stays under.
        if whole == product, exactError < 0 { whole -= 1 }
        // The exact fraction is (product - whole) + exactError; product - whole is exact.
        let fraction = product - whole
        let roundUp: Bool
        if fraction < 0.25 {
            // The error is at most 1/16: the exact fraction is under a half.
            roundUp = false
        } else {
            // fraction - 0.5 is exact for a fraction in [0.25, 1] (Sterbenz).
            let distance = fraction - 0.5
            if distance > -exactError {
                roundUp = true
            } else if distance < -exactError {
                roundUp = false
            } else {
                roundUp = whole.truncatingRemainder(dividingBy: 2) != 0
            }
        }
        return UInt64(whole) + (roundUp ? 1 : 0)
    }

    /// The text of `scaled / 10^places`, with a `-` in front when `negative` (as `printf` writes
    /// `-0.00` for a negative value that rounds to zero).
    private static func digits(_ scaled: UInt64, places: Int, negative: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        var rest = scaled
        var written = 0
        // Digits from the last: the places, the point, then at least one digit.
        repeat {
            if written == places, places > 0 { bytes.append(UInt8(ascii: ".")) }
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            written += 1
        } while rest > 0 || written <= places
        if negative { bytes.append(UInt8(ascii: "-")) }
        bytes.reverse()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `vsnprintf`'s text of `value`.
    private static func formatted(_ value: Double, places: Int32) -> String {
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
