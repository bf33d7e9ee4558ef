public import Logging
public import SignaalCore

/// Reads the reference tables (themes, policy levels, regional platforms, municipalities and postcodes).
public struct ReferenceStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Loads everything intake checks submissions against; read once at start-up.
    public func load(logger: Logger) async throws -> ReferenceData {
        try await self.snapshot(logger: logger).referenceData
    }

    /// Loads everything intake checks submissions against, or — when the database is unreachable — the copy the
    /// program carries, so that a daemon started during an outage still accepts signals into its spool.
    public func loadOrBuiltIn(logger: Logger) async throws -> ReferenceData {
        do {
            return try await self.load(logger: logger)
        } catch let error as PostgresError where error.isUnavailable {
            logger.warning(
                "The database is unreachable: using the reference data built into the program", metadata: ["db.error": "\(error)"])
            return try ReferenceSnapshot.builtIn().referenceData
        }
    }

    /// The reference tables as rows.
    public func snapshot(logger: Logger) async throws -> ReferenceSnapshot {
        try await self.pool.withConnection(logger: logger) { connection in
            let themes = try connection.query("SELECT code, name FROM signaal.themes ORDER BY id").map {
                Theme(code: try $0.decode(at: 0), name: try $0.decode(at: 1))
            }
            let levels = try connection.query("SELECT code, name FROM signaal.policy_levels ORDER BY id").map {
                PolicyLevel(code: try $0.decode(at: 0), name: try $0.decode(at: 1))
            }
            let regions = try connection.query("SELECT code, name FROM signaal.regions ORDER BY id").map {
                Region(code: try $0.decode(at: 0), name: try $0.decode(at: 1))
            }
            let postcodes = try connection.query(
                """
                SELECT p.postcode, m.refnis_code, m.name, r.code
                FROM signaal.postcodes AS p
                JOIN signaal.municipalities AS m ON m.id = p.municipality_id
                JOIN signaal.regions AS r ON r.id = m.region_id
                ORDER BY p.postcode, m.refnis_code
                """
            ).map { row in
                ReferenceSnapshot.PostcodeRow(
                    postcode: try row.decode(at: 0),
                    municipality: Municipality(
                        refnisCode: try row.decode(at: 1), name: try row.decode(at: 2), regionCode: try row.decode(at: 3)))
            }
            return ReferenceSnapshot(themes: themes, policyLevels: levels, regions: regions, postcodes: postcodes)
        }
    }
}
