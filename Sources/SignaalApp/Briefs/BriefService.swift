public import Logging
public import ServiceLifecycle
import SignaalCore
import SignaalStore

/// Publishes the scheduled briefs once their period has closed: each exactly once, however many daemons run (the
/// store takes an advisory lock per scope and period and skips one that exists).
public struct BriefService: Service {
    let briefing: Briefing
    let schedule: BriefSchedule
    let pollInterval: Duration
    let logger: Logger

    public init(briefing: Briefing, schedule: BriefSchedule, pollInterval: Duration, logger: Logger) {
        self.briefing = briefing
        self.schedule = schedule
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            await self.publishDue()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.pollInterval) }
        }
    }

    /// One pass: publishes every scheduled brief whose period has closed and is not published yet. A period that
    /// ended before the installation's first signal gets no brief (a new installation publishes no empty briefs
    /// about the time before it existed).
    public func publishDue() async {
        let firstArrival: CalendarDate?
        do {
            firstArrival = try await self.briefing.store.firstArrival(logger: self.logger)
                .map { CalendarDate($0, in: self.briefing.clock.timeZone) }
        } catch {
            self.logger.warning("Brief schedule waits for the database", metadata: ["error": "\(error)"])
            return
        }
        guard let firstArrival else { return }
        for (code, period) in self.schedule.due(today: self.briefing.clock.today(), regionCodes: self.briefing.regionCodes)
        where period.end >= firstArrival {
            guard let scope = self.briefing.scope(code: code) else {
                self.logger.error("Brief schedule names an unknown region", metadata: ["brief.scope": "\(code)"])
                continue
            }
            let started = ContinuousClock.now
            do {
                if let (id, drafted) = try await self.briefing.produce(scope: scope, period: period, logger: self.logger) {
                    self.logger.info(
                        drafted ? "Brief drafted for review" : "Brief published",
                        metadata: ["brief.id": "\(id)", "brief.scope": "\(code)", "brief.period": "\(period)"])
                    SignaalMetrics.job("brief", succeeded: true, duration: ContinuousClock.now - started)
                }
            } catch {
                self.logger.error(
                    "Brief failed", metadata: ["brief.scope": "\(code)", "brief.period": "\(period)", "error": "\(error)"])
                SignaalMetrics.job("brief", succeeded: false, duration: ContinuousClock.now - started)
            }
        }
    }
}
