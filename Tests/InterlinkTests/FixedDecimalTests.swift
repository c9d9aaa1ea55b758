import Foundation
import Testing

@testable import Interlink

/// `FixedDecimal.text` writes what `String(format: "%.Nf")` writes: the same rounding of exact ties
/// and of values just under them, signs, zero, huge values and the non-finite ones.
@Suite struct FixedDecimalTests {
    @Test func agreesWithStringFormatOnTiesAndNearTies() {
        // 0.125 and 0.375 are exact binary ties (printf rounds them to even); 0.285 and 1.005 lie just
        // under their decimal ties, 0.015 just over.
        let values: [Double] = [
            0, -0.0, 0.125, 0.375, 0.625, 0.875, 0.285, 1.005, 0.015, 0.995, 0.9999, 1, 2.5, -0.125, -3.14159,
            1e-9, 123_456.789, 1e40, -1e300, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
        ]
        for value in values {
            for places: Int32 in [0, 1, 2, 3] {
                #expect(FixedDecimal.text(value, places: places) == String(format: "%.\(places)f", value),
                        "\(value) with \(places) places")
            }
        }
    }

    @Test func agreesWithStringFormatOnScoresInTheUnitInterval() {
        // Every thousandth and every value a third of the way between them: the range scores take.
        var mismatches: [Double] = []
        for step in 0...3_000 {
            let value = Double(step) / 3_000
            if FixedDecimal.text(value, places: 2) != String(format: "%.2f", value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "differs from String(format:) at \(mismatches.prefix(5))")
    }

    @Test func writesTheDigitsItIsAskedFor() {
        #expect(FixedDecimal.text(0.5, places: 2) == "0.50")
        #expect(FixedDecimal.text(0.125, places: 2) == "0.12")
        #expect(FixedDecimal.text(0.135, places: 2) == "0.14")
        #expect(FixedDecimal.text(12.0, places: 1) == "12.0")
        #expect(FixedDecimal.text(1e40, places: 2).count == 44)
    }

    @Test func agreesWithStringFormatOnDecimalTiesAndTheirNeighbours() {
        // Every k/2000 for k up to 20,000 (a decimal tie at two places when k is odd), the doubles
        // either side of it, and the same scaled to other magnitudes and places: where rounding the
        // exact binary value and rounding its nearest decimal disagree.
        var mismatches: [String] = []
        for k in 0...20_000 {
            let tie = Double(k) / 2_000
            for value in [tie.nextDown, tie, tie.nextUp, -tie, tie * 1_000, tie / 1_000, tie * 1e9] {
                for places: Int32 in [0, 1, 2, 3, 6] {
                    let expected = String(format: "%.\(places)f", value)
                    if FixedDecimal.text(value, places: places) != expected { mismatches.append("\(value) \(places)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "differs from String(format:) at \(mismatches.prefix(5))")
    }

    @Test func agreesWithStringFormatOnRandomDoubles() {
        // Random bit patterns and random values of every size the exact path takes, up to and past
        // its limit of 10^15 after scaling.
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for _ in 0..<100_000 {
            let exponent = Double.random(in: -12...16, using: &generator)
            let value = Double.random(in: -1...1, using: &generator) * pow(10, exponent)
            let bits = Double(bitPattern: generator.next())
            for candidate in [value, bits] {
                let places = Int32.random(in: 0...7, using: &generator)
                if FixedDecimal.text(candidate, places: places) != String(format: "%.\(places)f", candidate) {
                    mismatches.append("\(candidate) \(places)")
                }
            }
        }
        #expect(mismatches.isEmpty, "differs from String(format:) at \(mismatches.prefix(5))")
    }

    @Test func roundsExactlyWithoutFormattingInTheRangeScoresTake() {
        // The exact path answers for what a run writes (scores, specificities), and declines what it
        // cannot decide exactly.
        #expect(FixedDecimal.roundedExactly(0.125, places: 2) == 12)
        #expect(FixedDecimal.roundedExactly(0.135, places: 2) == 14)
        #expect(FixedDecimal.roundedExactly(0.285, places: 2) == 28)
        #expect(FixedDecimal.roundedExactly(-2.5, places: 0) == 2)
        #expect(FixedDecimal.roundedExactly(1e16, places: 0) == nil)
        #expect(FixedDecimal.roundedExactly(1, places: 7) == nil)
        #expect(FixedDecimal.roundedExactly(.nan, places: 2) == nil)
    }
}
