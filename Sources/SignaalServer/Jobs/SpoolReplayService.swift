package import Logging
import ServiceLifecycle
package import SignaalCluster
package import SignaalCore
package import SignaalStore

/// Replays the spool into PostgreSQL whenever it holds signals: at start-up (after a restart) and as soon as the
/// database answers again, retrying with a growing pause (1 s up to 30 s) while it does not. Each signal is
/// classified as it is stored, as on arrival.
package struct SpoolReplayService: Service {
    let spool: Spool
    let store: SignalStore
    let classify: @Sendable (ValidatedSignal) -> ThemeClassification
    let logger: Logger
    /// The pause between looks at an empty spool. Default: 1 s.
    let interval: Duration

    package init(
        spool: Spool, store: SignalStore, classify: @escaping @Sendable (ValidatedSignal) -> ThemeClassification, logger: Logger,
        interval: Duration = .seconds(1)
    ) {
        self.spool = spool
        self.store = store
        self.classify = classify
        self.logger = logger
        self.interval = interval
    }

    package func run() async throws {
        var pause = self.interval
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if self.spool.depth > 0 {
                do {
                    try await self.spool.replay(into: self.store, classifying: self.classify, logger: self.logger)
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
