public import Foundation
public import SignaalCore

/// The application's clock: the time now, and the calendar date in Signaal's time zone (Europe/Brussels), the date
/// `observed_on` defaults to and may not exceed. Every use case reads the time from here, so tests pin it.
public struct CalendarClock: Sendable {
    public let timeZone: TimeZone
    /// The time now. Default: the system's clock.
    public let now: @Sendable () -> Date

    public init(timeZone: TimeZone, now: @escaping @Sendable () -> Date = { Date() }) {
        self.timeZone = timeZone
        self.now = now
    }

    /// The system's clock in Europe/Brussels: what the commands use.
    public static var brussels: CalendarClock {
        CalendarClock(timeZone: TimeZone(identifier: "Europe/Brussels")!)
    }

    /// A clock that always says `date`, for tests and reproducible runs.
    public static func fixed(_ date: Date, timeZone: TimeZone) -> CalendarClock {
        CalendarClock(timeZone: timeZone, now: { date })
    }

    public func today() -> CalendarDate {
        CalendarDate(self.now(), in: self.timeZone)
    }

    /// The hour of the day (0–23) in Signaal's time zone.
    public func hour() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = self.timeZone
        return calendar.component(.hour, from: self.now())
    }
}
