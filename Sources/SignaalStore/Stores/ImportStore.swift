public import Logging
public import SignaalCluster
public import SignaalCore

/// Loads the valid rows of an imported file at COPY speed, straight into `signals`, `signal_themes`,
/// `signal_classifications` and `contact_emails`, while the file is still being prepared. A row whose external id
/// the platform used before is skipped, so importing a file twice creates no duplicates.
public struct ImportStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// One valid row, scrubbed, validated and classified.
    public struct Row: Sendable {
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

    private static func existingExternalIDs(_ ids: [String], platform: String, on connection: Connection) throws -> Set<String> {
        Set(try connection.query(
            """
            SELECT s.external_id FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id
            WHERE r.code = \(platform) AND s.external_id = ANY(\(ids))
            """
        ).map { try $0.decode(String.self, at: 0) })
    }

    /// Loads the rows `feed` hands over, while they are still being prepared; returns how many became new signals
    /// (a row whose external id the platform used before is skipped).
    ///
    /// One transaction: the platform's imports take turns (an advisory lock). Each batch the feed delivers loses the
    /// rows the platform loaded before, gets ids reserved from the signals' sequence and free tracking codes, and
    /// goes through `COPY` into signals, themes, classifications and contact addresses while the next batch is
    /// prepared.
    /// - Throws: ``PostgresError``; a unique violation means another transaction stored the same external id or
    ///   tracking code meanwhile: nothing was loaded, and loading again is safe.
    public func load(_ feed: ImportFeed, platform: String, logger: Logger) async throws -> Int {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(\(Self.importLock), hashtext(\(platform)))")
                let reference = try ImportReference(platform: platform, on: transaction)
                var loaded = 0
                while let delivered = try feed.next() {
                    let existing = try Self.existingExternalIDs(
                        delivered.compactMap(\.origin.externalID), platform: platform, on: transaction)
                    let batch = existing.isEmpty ? delivered : delivered.filter { !existing.contains($0.origin.externalID ?? "") }
                    try Self.copy(batch, reserved: try reference.reserve(batch.count, on: transaction), reference, on: transaction)
                    loaded += batch.count
                }
                return loaded
            }
        }
    }

    /// Copies a batch of rows, with the ids and tracking codes reserved for them, into the four tables, in the
    /// caller's transaction.
    private static func copy(
        _ rows: [Row], reserved: [(id: Int64, trackingCode: String)], _ reference: ImportReference, on connection: Connection
    ) throws {
        guard !rows.isEmpty else { return }
        try connection.copy(
            """
            COPY signaal.signals (
                id, tracking_code, description, postcode, municipality_id, region_id, target_group, frequency,
                observed_on, policy_level_id, suggestion, source_id, status_id, reporting_region_id, organisation,
                external_id
            ) FROM STDIN
            """, rows: rows.indices.lazy.map { reference.signalColumns(rows[$0], id: reserved[$0].id, trackingCode: reserved[$0].trackingCode) })
        try connection.copy(
            "COPY signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank, confidence) FROM STDIN",
            rows: rows.indices.lazy.flatMap { reference.themeRows(rows[$0], id: reserved[$0].id) })
        try connection.copy(
            """
            COPY signaal.signal_classifications (signal_id, themes, confidences, deciding_terms, needs_review, model)
            FROM STDIN
            """, rows: rows.indices.lazy.map { Self.classificationColumns(rows[$0].classification, id: reserved[$0].id) })
        let emails = rows.indices.compactMap { index in rows[index].signal.contactEmail.map { [String(reserved[index].id), $0] } }
        if !emails.isEmpty { try connection.copy("COPY signaal.contact_emails (signal_id, email) FROM STDIN", rows: emails) }
    }

    /// The advisory lock (with the platform's hash) under which a platform's imports take turns.
    static let importLock: Int32 = 0x494D_5054

    private static func classificationColumns(_ classification: ThemeClassification, id: Int64) -> [String?] {
        [
            String(id), classification.themes.map(\.code).postgresText,
            classification.themes.map { String($0.confidence) }.postgresText,
            classification.decidingTerms.postgresText, classification.needsReview ? "t" : "f", "theme-model",
        ]
    }
}
