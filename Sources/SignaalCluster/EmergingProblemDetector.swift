import Foundation
public import SignaalCore

/// Decides whether a recurring problem is emerging: whether its recent rate of signals rises significantly above
/// its own baseline, as of a given date (so that results are reproducible).
///
/// Method: the cluster's signals in the recent window (default the 92 days up to and including `asOf`) are compared
/// with the rate in the baseline window before it (default the 365 days before). Under "nothing changed", the
/// recent count is Poisson with mean λ = (baseline signals + prior) / (baseline days + prior days) × recent days; the
/// prior (one signal per 365 days by default) keeps a problem never seen before from looking infinitely
/// significant on its first signal. The cluster is emerging when P(X ≥ recent count | λ) is below the significance
/// level, the recent count reaches a minimum, and the recent rate is at least `minimumRateRatio` times the baseline
/// rate. Slow growth of an established problem does not pass the ratio; a handful of signals out of nowhere does
/// not pass the minimum.
public struct EmergingProblemDetector: Sendable {
    /// The knobs of the test, each with its default.
    public struct Configuration: Sendable {
        /// Days in the recent window, ending on `asOf`. Default: 92 (a quarter).
        public var recentDays = 92
        /// Days in the baseline window, just before the recent one. Default: 365.
        public var baselineDays = 365
        /// Signals the recent window needs at least. Default: 4.
        public var minimumRecentSignals = 4
        /// The one-sided Poisson significance level. Default: 0.01.
        public var significance = 0.01
        /// Recent rate over baseline rate at least. Default: 3.
        public var minimumRateRatio = 3.0
        /// Prior signals and prior days added to the baseline. Default: 1 signal per 365 days.
        public var priorSignals = 1.0
        public var priorDays = 365.0

        public init() {}
    }

    /// The outcome for one cluster, with the figures behind it.
    public struct Assessment: Sendable, Equatable {
        public let isEmerging: Bool
        public let recentSignals: Int
        public let baselineSignals: Int
        /// The recent count expected from the baseline rate.
        public let expectedRecentSignals: Double
        /// P(X ≥ recent signals) under the baseline rate.
        public let pValue: Double
    }

    public let configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Assesses a cluster from the `observed_on` dates of its signals; signals after `asOf` are ignored.
    public func assess(_ dates: [CalendarDate], asOf: CalendarDate) -> Assessment {
        let settings = self.configuration
        let recentStart = asOf.adding(days: -(settings.recentDays - 1))
        let baselineStart = recentStart.adding(days: -settings.baselineDays)
        let recent = dates.filter { $0 >= recentStart && $0 <= asOf }.count
        let baseline = dates.filter { $0 >= baselineStart && $0 < recentStart }.count
        let baselineRate = (Double(baseline) + settings.priorSignals) / (Double(settings.baselineDays) + settings.priorDays)
        let expected = baselineRate * Double(settings.recentDays)
        let pValue = Self.poissonUpperTail(atLeast: recent, mean: expected)
        let recentRate = Double(recent) / Double(settings.recentDays)
        let isEmerging =
            recent >= settings.minimumRecentSignals && pValue < settings.significance
            && recentRate >= settings.minimumRateRatio * baselineRate
        return Assessment(
            isEmerging: isEmerging, recentSignals: recent, baselineSignals: baseline, expectedRecentSignals: expected,
            pValue: pValue)
    }

    /// P(X ≥ k) for X ~ Poisson(mean), summed in log space for stability.
    static func poissonUpperTail(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        var term = Foundation.exp(-mean)  // P(X = 0)
        var below = term
        for i in 1..<k {
            term *= mean / Double(i)
            below += term
        }
        return max(0, 1 - below)
    }
}
