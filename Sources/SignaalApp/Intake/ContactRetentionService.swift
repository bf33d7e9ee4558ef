import Foundation
public import Logging
public import ServiceLifecycle
public import SignaalStore

/// The daily job that keeps the form's promise: contact e-mail addresses (and the notices waiting for them) are
/// deleted `days` days after they were left. It looks every hour; each day's run happens once across daemons.
public struct ContactRetentionService: Service {
    let store: SignalStore
    let clock: CalendarClock
    let days: Int
    let logger: Logger
    let pollInterval: Duration

    public init(store: SignalStore, clock: CalendarClock, days: Int, logger: Logger, pollInterval: Duration = .seconds(3600)) {
        self.store = store
        self.clock = clock
        self.days = days
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Runs today's deletion unless it ran already; how many addresses went (`nil`: done before today).
    public func runOnce() async throws -> Int? {
        let cutoff = self.clock.now().addingTimeInterval(-Double(self.days) * 86_400)
        let deleted = try await self.store.deleteContactAddresses(before: cutoff, day: self.clock.today(), logger: self.logger)
        if let deleted { self.logger.info("Contact addresses past their retention deleted", metadata: ["retention.deleted": "\(deleted)"]) }
        return deleted
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                _ = try await self.runOnce()
            } catch {
                self.logger.warning("Contact retention job failed; trying again later", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.pollInterval) }
        }
    }
}
