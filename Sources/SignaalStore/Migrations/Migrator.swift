import Foundation
public import Logging

/// Brings a database's schema up to date from the files of `sql/`.
///
/// Each migration runs in its own transaction under a transaction-scoped advisory lock, so several daemons starting
/// together apply each file once; each is recorded in `signaal.schema_migrations` with the SHA-256 of its text, and
/// a file edited after it was applied stops the run with a message naming it.
public struct Migrator: Sendable {
    /// The migrations known to this program, in order.
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// Loads the migrations of `directory` (see ``Migration/load(from:)``).
    public init(directory: String) throws {
        self.init(migrations: try Migration.load(from: directory))
    }

    /// The migrations built into the program (the top-level `sql/` at build time), so that the binary migrates from
    /// any folder.
    /// - Throws: ``MigrationError`` when the resource bundle cannot be read.
    public static func builtIn() throws -> Migrator {
        // The EmbedMigrations plugin puts the files at the top of the bundle's resources.
        let bundle = Bundle.module
        return try Migrator(directory: (bundle.resourceURL ?? bundle.bundleURL).path)
    }

    /// What a run did.
    public struct Report: Sendable, Equatable {
        /// File names applied by this run, in order.
        public let applied: [String]
        /// The highest version now recorded.
        public let version: Int
    }

    /// Applies what is missing and checks what was applied before.
    ///
    /// - Throws: ``MigrationError``; a failed file leaves the database at the version before it.
    @discardableResult
    public func migrate(pool: ConnectionPool, logger: Logger) async throws -> Report {
        let migrations = self.migrations
        let report = try await pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute(Self.lock)
                try transaction.execute(unsafeSQL: Self.bootstrap)
            }
            var applied: [String] = []
            for migration in migrations {
                let didApply = try connection.withTransaction { transaction -> Bool in
                    try transaction.execute(Self.lock)
                    return try Self.apply(migration, on: transaction)
                }
                if didApply { applied.append(migration.fileName) }
            }
            try Self.checkNoUnknownVersions(known: migrations, on: connection)
            return Report(applied: applied, version: migrations.last?.version ?? 0)
        }
        for name in report.applied { logger.info("Applied migration", metadata: ["db.migration": "\(name)"]) }
        logger.info("Database schema is current", metadata: ["db.schema_version": "\(report.version)"])
        return report
    }

    /// Whether every known migration is applied (for readiness checks); does not change anything.
    public func isCurrent(pool: ConnectionPool, logger: Logger) async throws -> Bool {
        let expected = self.migrations.count
        return try await pool.withConnection(logger: logger) { connection in
            let row = try connection.fetchOne(
                "SELECT count(*) FROM signaal.schema_migrations WHERE version = ANY(\(self.migrations.map { String($0.version) }))"
            )
            return try row.decode(Int.self, at: 0) == expected
        }
    }

    /// Applies `migration` unless it is recorded; returns whether it ran.
    private static func apply(_ migration: Migration, on connection: Connection) throws -> Bool {
        let recorded = try connection.query(
            """
            SELECT checksum = encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex')
            FROM signaal.schema_migrations WHERE version = \(migration.version)
            """
        )
        if let row = recorded.first {
            guard try row.decode(Bool.self, at: 0) else { throw MigrationError.checksumMismatch(migration.fileName) }
            return false
        }
        do {
            try connection.execute(unsafeSQL: migration.sql)
        } catch let error as PostgresError {
            throw MigrationError.failed(migration.fileName, error)
        }
        try connection.execute(
            """
            INSERT INTO signaal.schema_migrations (version, name, checksum)
            VALUES (\(migration.version), \(migration.fileName), encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex'))
            """
        )
        return true
    }

    private static func checkNoUnknownVersions(known: [Migration], on connection: Connection) throws {
        let versions = known.map { String($0.version) }
        let unknown = try connection.query(
            "SELECT version, name FROM signaal.schema_migrations WHERE NOT version = ANY(\(versions)) ORDER BY version"
        )
        if let row = unknown.first {
            throw MigrationError.unknownAppliedVersion(
                version: try row.decode(Int.self, at: 0),
                name: try row.decode(String.self, at: 1)
            )
        }
    }

    private static let lock: Query = "SELECT pg_advisory_xact_lock(hashtext('signaal.schema_migrations'))"

    /// The bookkeeping table must exist before the first migration can be recorded; 001 documents it.
    private static let bootstrap = """
        CREATE SCHEMA IF NOT EXISTS signaal;
        CREATE TABLE IF NOT EXISTS signaal.schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """
}
