public import Logging
public import SignaalCluster
public import SignaalCore

/// Loads the valid rows of an imported file at COPY speed, straight into `signals`, `signal_themes`,
/// `signal_classifications` and `contact_emails`, while the file is still being prepared (see ``ImportLoad``). A row
/// whose external id the platform used before is skipped, so importing a file twice creates no duplicates.
public struct ImportStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// One valid row, scrubbed, validated and classified (a class: passed from stage to stage, never copied).
    public final class Row: Sendable {
        public let signal: ValidatedSignal
        public let origin: SignalOrigin
        public let classification: ThemeClassification

        public init(signal: ValidatedSignal, origin: SignalOrigin, classification: ThemeClassification) {
            self.signal = signal
            self.origin = origin
            self.classification = classification
        }
    }

    /// The external ids among `ids` that `platform` used before.
    public func existingExternalIDs(_ ids: [String], platform: String, logger: Logger) async throws -> Set<String> {
        try await self.pool.withConnection(logger: logger) { connection in
            try Self.existingExternalIDs(ids, platform: platform, on: connection)
        }
    }

    static func existingExternalIDs(_ ids: [String], platform: String, on connection: Connection) throws -> Set<String> {
        Set(try connection.query(
            """
            SELECT s.external_id FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id
            WHERE r.code = \(platform) AND s.external_id = ANY(\(ids))
            """
        ).map { try $0.decode(String.self, at: 0) })
    }

    /// Starts loading rows for `platform`: add them to the load as they are prepared, then finish it.
    public func startLoad(platform: String, logger: Logger) -> ImportLoad {
        ImportLoad(store: self, platform: platform, logger: logger)
    }

    /// Loads what `feed` hands over, while it is still being prepared; returns how many rows became new signals.
    ///
    /// One transaction: the platform's imports take turns (an advisory lock; `hasTurn` hears when this one has it).
    /// Each batch goes through `COPY` into signals, themes, classifications and contact addresses while the next is
    /// prepared; rows that come unreserved lose the rows the platform loaded before and get ids and tracking codes
    /// here.
    /// - Throws: ``PostgresError``; a unique violation means another transaction stored the same external id or
    ///   tracking code meanwhile: nothing was loaded, and loading again is safe.
    func load(_ feed: ImportFeed, platform: String, logger: Logger, hasTurn: @escaping @Sendable () -> Void) async throws -> Int {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(\(Self.importLock), hashtext(\(platform)))")
                hasTurn()
                let reference = try ImportReference(platform: platform, on: transaction)  // for rows that come unreserved
                var loaded = 0
                while let delivery = try feed.next() {
                    let batch =
                        switch delivery {
                        case .reserved(let batch): batch
                        case .unreserved(let rows):
                            try ImportBatch.reserve(rows, platform: platform, excluding: [], reference: reference, on: transaction)
                        }
                    try Self.copy(batch, on: transaction)
                    loaded += batch.count
                }
                return loaded
            }
        }
    }

    /// Copies a batch into the four tables, in the caller's transaction.
    private static func copy(_ batch: ImportBatch, on connection: Connection) throws {
        guard batch.count > 0 else { return }
        try connection.copy(ImportBatch.statements.signals, batch.signals)
        try connection.copy(ImportBatch.statements.themes, batch.themes)
        try connection.copy(ImportBatch.statements.classifications, batch.classifications)
        if !batch.contactEmails.bytes.isEmpty { try connection.copy(ImportBatch.statements.contactEmails, batch.contactEmails) }
    }

    /// The advisory lock (with the platform's hash) under which a platform's imports take turns.
    static let importLock: Int32 = 0x494D_5054
}
