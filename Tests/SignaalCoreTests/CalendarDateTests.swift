import Foundation
import SignaalCore
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsISODates() throws {
        let date = try #require(CalendarDate(iso8601: "2024-02-29"))
        #expect(date.description == "2024-02-29")
        #expect(CalendarDate(year: 7, month: 1, day: 9)?.description == "0007-01-09")
        #expect(date < CalendarDate(year: 2024, month: 3, day: 1)!)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01", "", "2024-01-32", "2024-+1-01", "２０２４-01-01"])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(CalendarDate(iso8601: text) == nil)
    }

    @Test func todayFollowsTheBrusselsCalendarNotUTC() throws {
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        let lateEvening = Date(timeIntervalSince1970: 1_767_222_000)  // 2025-12-31 23:00 UTC = 2026-01-01 00:00 CET
        #expect(CalendarDate(lateEvening, in: brussels) == CalendarDate(year: 2026, month: 1, day: 1))
    }
}
