import Logging
package import SignaalStore

/// A database of its own for one test, dropped when the test ends.
package struct TestDatabase: Sendable {
    /// The database's name, `t_<random>`.
    package let name: String
    /// How to connect to it as its owner (the cluster's superuser), for migrations and fixtures.
    package let configuration: DatabaseConfiguration
    /// How to connect to it as the daemon does: the role `signaal_app`, which owns nothing and may change no schema.
    package let appConfiguration: DatabaseConfiguration
    /// A pool on it, closed when the test ends.
    package let pool: ConnectionPool

    /// Counts the rows of a table (`signaal.signals`), for assertions.
    package func count(_ table: String) async throws -> Int {
        try await self.pool.withConnection(logger: .test) { connection in
            try connection.fetchOne(Query(unsafeSQL: "SELECT count(*) FROM \(table)")).decode(Int.self, at: 0)
        }
    }

    /// Runs a query on a connection of the test's pool.
    package func query(_ query: Query) async throws -> [Row] {
        try await self.pool.withConnection(logger: .test) { connection in try connection.query(query) }
    }
}

/// Runs `body` with a fresh database copied from the migrated template (SwiftPackageIndex's pattern, without
/// Docker); the database is dropped afterwards, also when `body` throws.
package func withTestDatabase<Result: Sendable>(_ body: (TestDatabase) async throws -> Result) async throws -> Result {
    try await withDatabase(copying: TestPostgres.templateName, body)
}

/// Runs `body` with a new, empty database (no schema at all), for migration tests.
package func withEmptyDatabase<Result: Sendable>(_ body: (TestDatabase) async throws -> Result) async throws -> Result {
    try await withDatabase(copying: "template0", body)
}

private func withDatabase<Result: Sendable>(
    copying template: String,
    _ body: (TestDatabase) async throws -> Result
) async throws -> Result {
    let cluster = try await TestPostgres.shared.cluster()
    let name = "t_\(UInt64.random(in: .min ... .max))"
    try await cluster.createDatabase(name, template: template, logger: .test)
    let configuration = cluster.databaseConfiguration(database: name)
    let result: Result
    do {
        result = try await ConnectionPool.withPool(database: configuration) { pool in
            try await body(
                TestDatabase(
                    name: name, configuration: configuration,
                    appConfiguration: cluster.databaseConfiguration(database: name, user: "signaal_app"), pool: pool))
        }
    } catch {
        try? await cluster.dropDatabase(name, logger: .test)
        throw error
    }
    try await cluster.dropDatabase(name, logger: .test)
    return result
}
