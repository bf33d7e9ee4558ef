public import Foundation
import SignaalCore

extension Date: PostgresEncodable, PostgresDecodable {
    /// An ISO 8601 instant in UTC with microseconds, which `timestamptz` parses exactly.
    public var postgresText: String? {
        let microseconds = Int64((self.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let (days, microsecondOfDay) = microseconds.floorDivided(by: 86_400_000_000)
        let date = CalendarDate(daysSinceEpoch: Int(days))
        let seconds = microsecondOfDay / 1_000_000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = String(microsecondOfDay % 1_000_000)
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))."
            + String(repeating: "0", count: 6 - fraction.count) + fraction + "Z"
    }

    /// Reads a `timestamptz` as PostgreSQL prints it in ISO style: `2026-11-22 14:41:45.123456+00`.
    public static func decode(postgresText: String?) throws -> Date {
        guard let text = postgresText, text.count >= 22,
            let date = CalendarDate(iso8601: String(text.prefix(10)))
        else { throw Self.decodingError(postgresText) }
        let rest = Array(text.dropFirst(11).unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= rest.count else { return nil }
            return Int(String(String.UnicodeScalarView(rest[range])))
        }
        guard let hour = number(0..<2), let minute = number(3..<5), let second = number(6..<8) else {
            throw Self.decodingError(text)
        }
        var index = 8
        var fraction = 0.0
        if index < rest.count, rest[index] == "." {
            var end = index + 1
            while end < rest.count, rest[end].properties.numericType != nil { end += 1 }
            fraction = Double("0" + String(String.UnicodeScalarView(rest[index..<end]))) ?? 0
            index = end
        }
        guard index < rest.count, rest[index] == "+" || rest[index] == "-",
            let offsetHours = number(index + 1..<index + 3)
        else { throw Self.decodingError(text) }
        let offsetMinutes = index + 3 < rest.count && rest[index + 3] == ":" ? number(index + 4..<index + 6) ?? 0 : 0
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (rest[index] == "-" ? -1 : 1)
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

extension Int64 {
    /// Quotient and non-negative remainder.
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}
