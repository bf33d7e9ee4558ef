public import Logging
public import SignaalIntake

/// Loads the valid rows of an imported file at COPY speed, straight into `signals`, `signal_classifications` and,
/// when rows carry them, `signal_themes` and `contact_emails`, while the file is still being prepared (see
/// ``ImportLoad``). A row whose external id the platform used before is skipped, so importing a file twice creates no
/// duplicates.
public struct ImportStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// One valid row as intake prepared it, with where it comes from (a class: passed from stage to stage, never
    /// copied).
    public final class Row: Sendable {
        public let prepared: PreparedSignal
        public let origin: SignalOrigin

        public init(prepared: PreparedSignal, origin: SignalOrigin) {
            self.prepared = prepared
            self.origin = origin
        }
    }

    /// The external ids among `ids` that `platform` used before.
    public func existingExternalIDs(_ ids: [String], source: ImportSource, logger: Logger) async throws -> Set<String> {
        try await self.pool.withConnection(logger: logger) { connection in
            try Self.existingExternalIDs(ids, source: source, on: connection)
        }
    }

    static func existingExternalIDs(_ ids: [String], source: ImportSource, on connection: Connection) throws -> Set<String> {
        Set(
            try connection.query(
                """
                SELECT s.external_id FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id
                WHERE r.code = \(source.platform) AND s.api_key_id IS NOT DISTINCT FROM \(source.apiKeyID)
                    AND s.external_id = ANY(\(ids))
                """
            ).map { try $0.decode(String.self, at: 0) })
    }

    /// Starts loading rows for `platform`: add them to the load as they are prepared, then finish it.
    public func startLoad(source: ImportSource, logger: Logger) -> ImportLoad {
        ImportLoad(store: self, source: source, logger: logger)
    }

    /// Loads what `feed` hands over, while it is still being prepared; returns how many rows became new signals.
    ///
    /// In a transaction of its own, under the platform's turn: its imports take turns (an advisory lock; `hasTurn`
    /// hears when this one has it). Each batch goes through `COPY` into the tables (see ``ImportStore``) while the
    /// next is prepared; rows that come unreserved lose the rows the platform loaded before and get ids and tracking
    /// codes here. With `commit`, a helper (``help(_:platform:commit:logger:)``) may take batches of the same feed: this
    /// transaction commits only after the helper's did.
    /// - Throws: ``PostgresError``; a unique violation means another transaction stored the same external id or
    ///   tracking code meanwhile: nothing was loaded, and loading again is safe. `ImportCommit.PartnerFailed` when
    ///   the helper failed.
    func load(
        _ feed: ImportFeed, source: ImportSource, commit: ImportCommit?, logger: Logger, hasTurn: @escaping @Sendable () -> Void
    ) async throws -> Int {
        try await self.pool.withConnection(logger: logger) { connection in
            do {
                return try connection.withTransaction { transaction in
                    try transaction.execute("SELECT pg_advisory_xact_lock(\(Self.importLock), hashtext(\(source.platform)))")
                    hasTurn()
                    let loaded = try Self.copy(feed, source: source, on: transaction)
                    guard commit?.loaderMayCommit() ?? true else { throw ImportCommit.PartnerFailed() }
                    return loaded
                }
            } catch {
                commit?.loaderFailed()
                feed.cancel()
                throw error
            }
        }
    }

    /// Loads batches of `feed` alongside the loader that holds the platform's turn, in a transaction of its own that
    /// commits just before the loader's (see ``ImportCommit``): the database loads on two cores. When no connection
    /// becomes free in time, the loader loads alone.
    func help(_ feed: ImportFeed, source: ImportSource, commit: ImportCommit, logger: Logger) async throws -> Int {
        do {
            return try await self.pool.withConnection(logger: logger) { connection in
                let loaded = try connection.withTransaction { transaction in
                    let loaded = try Self.copy(feed, source: source, on: transaction)
                    guard commit.helperMayCommit() else { throw ImportCommit.PartnerFailed() }
                    return loaded
                }
                commit.helperFinished(committed: true)
                return loaded
            }
        } catch let error as PostgresError where error.code == .timeout {
            commit.helperFinished(committed: true)  // it took nothing
            return 0
        } catch {
            commit.helperFinished(committed: false)
            feed.cancel()
            throw error
        }
    }

    /// Copies the batches of `feed` as they come, in the caller's transaction; how many rows it copied.
    private static func copy(_ feed: ImportFeed, source: ImportSource, on connection: Connection) throws -> Int {
        var reference: ImportReference?  // for rows that come unreserved
        var loaded = 0
        while let delivery = try feed.next() {
            let batch: ImportBatch
            switch delivery {
            case .reserved(let reserved): batch = reserved
            case .unreserved(let rows):
                let known = try reference ?? ImportReference(platform: source.platform, on: connection)
                reference = known
                batch = try ImportBatch.reserve(rows, source: source, excluding: [], reference: known, on: connection)
            }
            try Self.copy(batch, on: connection)
            loaded += batch.count
        }
        return loaded
    }

    /// Copies a batch into the four tables, in the caller's transaction.
    private static func copy(_ batch: ImportBatch, on connection: Connection) throws {
        guard batch.count > 0 else { return }
        try connection.copy(ImportBatch.statements.signals, batch.signals)
        try connection.copy(ImportBatch.statements.themes, batch.themes)
        try connection.copy(SignalClassificationTable.copyStatement, batch.classifications)
        if !batch.contactEmails.bytes.isEmpty { try connection.copy(ImportBatch.statements.contactEmails, batch.contactEmails) }
    }

    /// The advisory lock (with the platform's hash) under which a platform's imports take turns.
    static let importLock: Int32 = 0x494D_5054
}
