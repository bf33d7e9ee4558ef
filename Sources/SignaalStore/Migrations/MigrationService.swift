public import Logging
public import ServiceLifecycle

/// Applies the pending migrations as soon as the database answers, for a daemon that started while it did not:
/// retries with a growing pause (1 s up to 5 s) while the database is unreachable, and stops once the schema is
/// current. Any other failure (an edited migration, a failing statement) ends the daemon, as at start-up.
public struct MigrationService: Service {
    let migrator: Migrator
    let pool: ConnectionPool
    let logger: Logger

    public init(migrator: Migrator, pool: ConnectionPool, logger: Logger) {
        self.migrator = migrator
        self.pool = pool
        self.logger = logger
    }

    /// Migrates once: `true` when the schema is current, `false` when the database is unreachable.
    public func migrateIfReachable() async throws -> Bool {
        do {
            try await self.migrator.migrate(pool: self.pool, logger: self.logger)
            return true
        } catch let error as PostgresError where error.isUnavailable {
            self.logger.warning("The database is unreachable: migrating as soon as it answers", metadata: ["db.error": "\(error)"])
            return false
        }
    }

    public func run() async throws {
        var pause = Duration.seconds(1)
        while !Task.isShuttingDownGracefully {
            if try await self.migrateIfReachable() { return }
            let sleep = pause
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: sleep) }
            } catch {
                return
            }
            pause = min(pause * 2, .seconds(5))
        }
    }
}
