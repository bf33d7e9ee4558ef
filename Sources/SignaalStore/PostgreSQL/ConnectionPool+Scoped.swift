extension ConnectionPool {
    /// Opens a pool for the duration of `body` and closes it afterwards, also when `body` throws.
    public static func withPool<Result: Sendable>(
        database: DatabaseConfiguration,
        configuration: Configuration = .init(),
        _ body: (ConnectionPool) async throws -> Result
    ) async throws -> Result {
        let pool = ConnectionPool(database: database, configuration: configuration)
        let result: Result
        do {
            result = try await body(pool)
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        return result
    }
}
