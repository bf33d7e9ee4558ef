public import Logging
public import ServiceLifecycle
public import SignaalIntake
public import SignaalStore

/// Replays the spool into PostgreSQL whenever it holds signals: at start-up (after a restart) and as soon as the
/// database answers again, retrying with a growing pause (1 s up to 30 s) while it does not. Each signal goes
/// through intake's analysis as it is stored, and is classified as on arrival.
public struct SpoolReplayService: Service {
    let spool: Spool
    let store: SignalStore
    let intake: SignalIntake
    let logger: Logger
    /// The pause between looks at an empty spool. Default: 1 s.
    let interval: Duration

    public init(spool: Spool, store: SignalStore, intake: SignalIntake, logger: Logger, interval: Duration = .seconds(1)) {
        self.spool = spool
        self.store = store
        self.intake = intake
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        var pause = self.interval
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if self.spool.depth > 0 {
                do {
                    let intake = self.intake
                    try await self.spool.replay(
                        into: self.store, preparing: { intake.prepare(accepted: $0, clusters: nil) }, logger: self.logger)
                    pause = self.interval
                } catch {
                    self.logger.warning(
                        "Spool replay failed; retrying", metadata: ["spool.depth": "\(self.spool.depth)", "error": "\(error)"])
                    pause = min(pause * 2, .seconds(30))
                }
            }
            let sleep = pause
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: sleep) }
            } catch {
                return
            }
        }
    }
}
