/// A reporting period of a brief: a month (`2026-10`), a quarter (`2026-Q3`) or a year (`2026`).
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public enum Kind: String, Sendable, Codable {
        case month, quarter, year
    }

    public let kind: Kind
    public let year: Int
    /// The month (1–12) or quarter (1–4); 0 for a year.
    public let number: Int

    public init?(kind: Kind, year: Int, number: Int = 0) {
        let valid =
            switch kind {
            case .month: (1...12).contains(number)
            case .quarter: (1...4).contains(number)
            case .year: number == 0
            }
        guard valid, (1900...9999).contains(year) else { return nil }
        self.kind = kind
        self.year = year
        self.number = number
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearText = parts.first, yearText.count == 4, yearText.allSatisfy(\.isASCII), let year = Int(yearText) else {
            return nil
        }
        switch parts.count {
        case 1:
            self.init(kind: .year, year: year)
        case 2 where parts[1].count == 2 && parts[1].first == "Q":
            guard let quarter = Int(parts[1].dropFirst()) else { return nil }
            self.init(kind: .quarter, year: year, number: quarter)
        case 2 where parts[1].count == 2 && parts[1].allSatisfy(\.isNumber):
            self.init(kind: .month, year: year, number: Int(parts[1])!)
        default:
            return nil
        }
    }

    /// `2026-10`, `2026-Q3` or `2026`.
    public var description: String {
        switch self.kind {
        case .month: "\(self.year)-\(self.number < 10 ? "0" : "")\(self.number)"
        case .quarter: "\(self.year)-Q\(self.number)"
        case .year: "\(self.year)"
        }
    }

    /// The first day of the period.
    public var start: CalendarDate {
        switch self.kind {
        case .month: CalendarDate(year: self.year, month: self.number, day: 1)!
        case .quarter: CalendarDate(year: self.year, month: self.number * 3 - 2, day: 1)!
        case .year: CalendarDate(year: self.year, month: 1, day: 1)!
        }
    }

    /// The last day of the period.
    public var end: CalendarDate { self.next.start.adding(days: -1) }

    /// The period of the same kind just before.
    public var previous: Period { self.shifted(by: -1) }

    /// The period of the same kind just after.
    public var next: Period { self.shifted(by: 1) }

    /// Whether `date` falls in the period.
    public func contains(_ date: CalendarDate) -> Bool { date >= self.start && date <= self.end }

    /// The period of `kind` that contains `date`.
    public init(kind: Kind, containing date: CalendarDate) {
        switch kind {
        case .month: self.init(kind: .month, year: date.year, number: date.month)!
        case .quarter: self.init(kind: .quarter, year: date.year, number: (date.month - 1) / 3 + 1)!
        case .year: self.init(kind: .year, year: date.year)!
        }
    }

    /// In Dutch: "oktober 2026", "3e kwartaal 2026", "2026".
    public var dutchName: String {
        switch self.kind {
        case .month: "\(Self.dutchMonths[self.number - 1]) \(self.year)"
        case .quarter: "\(self.number)e kwartaal \(self.year)"
        case .year: "\(self.year)"
        }
    }

    static let dutchMonths = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
        "december",
    ]

    private func shifted(by steps: Int) -> Period {
        switch self.kind {
        case .month:
            let index = self.year * 12 + (self.number - 1) + steps
            return Period(kind: .month, year: index / 12, number: index % 12 + 1)!
        case .quarter:
            let index = self.year * 4 + (self.number - 1) + steps
            return Period(kind: .quarter, year: index / 4, number: index % 4 + 1)!
        case .year:
            return Period(kind: .year, year: self.year + steps)!
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.start < rhs.start || (lhs.start == rhs.start && lhs.end < rhs.end) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let period = Period(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a period (YYYY-MM, YYYY-Qn or YYYY)")
        }
        self = period
    }
}

extension Period {
    /// The month `months` after this one (before, when negative); only for months.
    public func shifted(months: Int) -> Period {
        precondition(self.kind == .month, "only a month shifts by months")
        let index = self.year * 12 + (self.number - 1) + months
        return Period(kind: .month, year: index / 12, number: index % 12 + 1)!
    }
}
