import SignaalCluster
import SignaalCore
import Testing

@Suite struct EmergingProblemDetectorTests {
    let asOf = CalendarDate(year: 2026, month: 10, day: 31)!
    let detector = EmergingProblemDetector()

    func dates(from start: CalendarDate, every days: Int, count: Int) -> [CalendarDate] {
        (0..<count).map { start.adding(days: $0 * days) }
    }

    @Test func aProblemThatAppearsOutOfNowhereIsEmerging() {
        let dates = self.dates(from: CalendarDate(year: 2026, month: 8, day: 3)!, every: 10, count: 8)
        let assessment = self.detector.assess(dates, asOf: self.asOf)
        #expect(assessment.isEmerging)
        #expect(assessment.recentSignals == 8)
        #expect(assessment.baselineSignals == 0)
    }

    @Test func steadyGrowthOfAnEstablishedProblemIsNot() {
        let before = self.dates(from: CalendarDate(year: 2025, month: 10, day: 1)!, every: 20, count: 14)
        let recent = self.dates(from: CalendarDate(year: 2026, month: 8, day: 5)!, every: 15, count: 6)
        #expect(!self.detector.assess(before + recent, asOf: self.asOf).isEmerging)
    }

    @Test func aFewSignalsAreNotEnoughAndLaterSignalsDoNotCount() {
        let dates = self.dates(from: CalendarDate(year: 2026, month: 9, day: 1)!, every: 7, count: 3)
        #expect(!self.detector.assess(dates, asOf: self.asOf).isEmerging)
        let asOfEarlier = CalendarDate(year: 2026, month: 8, day: 1)!
        let later = self.dates(from: CalendarDate(year: 2026, month: 8, day: 3)!, every: 10, count: 8)
        #expect(self.detector.assess(later, asOf: asOfEarlier).recentSignals == 0)
    }

    @Test func thePoissonTailIsRight() {
        let assessment = EmergingProblemDetector(
            configuration: {
                var configuration = EmergingProblemDetector.Configuration()
                configuration.recentDays = 365
                configuration.baselineDays = 365
                configuration.priorSignals = 0
                configuration.priorDays = 0
                return configuration
            }()
        ).assess(
            [CalendarDate(year: 2025, month: 1, day: 10)!, CalendarDate(year: 2026, month: 1, day: 10)!],
            asOf: CalendarDate(year: 2026, month: 6, day: 30)!)
        #expect(assessment.recentSignals == 1)
        #expect(abs(assessment.expectedRecentSignals - 1) < 1e-9)
        #expect(abs(assessment.pValue - (1 - 1 / 2.718281828459045)) < 1e-9)
    }
}
