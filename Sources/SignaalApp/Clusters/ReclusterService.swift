import Foundation
public import Logging
public import ServiceLifecycle
import SignaalCore
import SignaalStore

/// The background job beside the HTTP server: once a night (after `nightlyHour`, Europe/Brussels) it queues the
/// nightly recluster for the day before — one per date however many daemons run — and it carries out queued runs,
/// nightly or requested (`signaal recluster --queue`), claiming each with `FOR UPDATE SKIP LOCKED`.
public struct ReclusterService: Service {
    let reclustering: Reclustering
    let clock: CalendarClock
    let nightlyHour: Int
    let pollInterval: Duration
    let logger: Logger

    public init(reclustering: Reclustering, clock: CalendarClock, nightlyHour: Int, pollInterval: Duration, logger: Logger) {
        self.reclustering = reclustering
        self.clock = clock
        self.nightlyHour = nightlyHour
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                if self.clock.hour() >= self.nightlyHour {
                    try await self.reclustering.store.request(.nightly, asOf: self.clock.today().adding(days: -1), logger: self.logger)
                }
                try await self.reclustering.runQueued(logger: self.logger)
            } catch let error as PostgresError where error.isUnavailable {
                self.logger.warning("Recluster job waits for the database", metadata: ["db.error": "\(error)"])
            } catch {
                self.logger.error("Recluster job failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.pollInterval) }
        }
    }
}
