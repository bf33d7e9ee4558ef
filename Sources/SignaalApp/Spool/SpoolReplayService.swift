public import Logging
public import ServiceLifecycle
public import SignaalIntake
public import SignaalStore

/// Replays the spool into PostgreSQL whenever it holds signals and the schema is current: at start-up (after a
/// restart) and as soon as the database answers again (and, for a daemon started during an outage, is migrated), retrying with a growing pause (1 s up to 5 s) while it does not. Each signal goes
/// through intake's analysis as it is stored, and is classified as on arrival.
public struct SpoolReplayService: Service {
    let spool: Spool
    let store: SignalStore
    let intake: SignalIntake
    /// The migrations the schema must have before anything is stored.
    let schema: Migrator
    let logger: Logger
    /// The pause between looks at an empty spool. Default: 1 s.
    let interval: Duration

    public init(
        spool: Spool, store: SignalStore, intake: SignalIntake, schema: Migrator, logger: Logger, interval: Duration = .seconds(1)
    ) {
        self.spool = spool
        self.store = store
        self.intake = intake
        self.schema = schema
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        var pause = self.interval
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if self.spool.depth > 0 {
                do {
                    guard try await self.schema.isCurrent(pool: self.store.pool, logger: self.logger) else {
                        throw SchemaNotCurrent()
                    }
                    let intake = self.intake
                    try await self.spool.replay(
                        into: self.store, preparing: { intake.prepare(accepted: $0, clusters: nil) }, logger: self.logger)
                    pause = self.interval
                } catch {
                    self.logger.warning(
                        "Spool replay failed; retrying", metadata: ["spool.depth": "\(self.spool.depth)", "error": "\(error)"])
                    pause = min(pause * 2, .seconds(5))
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

/// The schema lacks migrations: the replay waits for them.
struct SchemaNotCurrent: Error, CustomStringConvertible {
    var description: String { "the database schema is not current yet" }
}
