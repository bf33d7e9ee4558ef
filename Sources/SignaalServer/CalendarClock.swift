import Foundation
import SignaalCore

/// Tells the calendar date in Signaal's time zone (Europe/Brussels): the date `observed_on` defaults to and may not exceed.
struct CalendarClock: Sendable {
    let timeZone: TimeZone
    let now: @Sendable () -> Date

    init(timeZone: TimeZone, now: @escaping @Sendable () -> Date = { Date() }) {
        self.timeZone = timeZone
        self.now = now
    }

    func today() -> CalendarDate {
        CalendarDate(self.now(), in: self.timeZone)
    }

    /// The hour of the day (0–23) in Signaal's time zone.
    func hour() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = self.timeZone
        return calendar.component(.hour, from: self.now())
    }
}
