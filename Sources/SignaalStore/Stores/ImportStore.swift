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
            Set(try connection.query(
                """
                SELECT s.external_id FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id
                WHERE r.code = \(platform) AND s.external_id = ANY(\(ids))
                """
            ).map { try $0.decode(String.self, at: 0) })
        }
    }

    /// Loads the rows `feed` hands over, while they are still being prepared; returns how many became new signals
    /// (a row whose external id the platform used before is skipped).
    ///
    /// One transaction: the platform's imports take turns (an advisory lock), the signals' ids are reserved from
    /// their sequence and their tracking codes checked up front, so that the rows stream into `signals` through
    /// `COPY` as the feed delivers them; themes, classifications and contact addresses follow through `COPY` too.
    /// - Parameter capacity: How many rows the feed may deliver at most (ids are reserved for that many).
    /// - Throws: ``PostgresError``; a unique violation means another transaction stored the same external id or
    ///   tracking code meanwhile: nothing was loaded, and loading again is safe.
    public func load(_ feed: ImportFeed, platform: String, capacity: Int, logger: Logger) async throws -> Int {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(\(Self.importLock), hashtext(\(platform)))")
                let reference = try ImportReference(platform: platform, capacity: capacity, on: transaction)
                var loaded: [(id: Int64, row: Row)] = []
                var batch: [Row] = []
                var position = 0
                let signals = AnyIterator<[String?]> {
                    while position == batch.count {
                        guard let next = feed.next() else { return nil }
                        batch = next.filter { !reference.existingExternalIDs.contains($0.origin.externalID ?? "") }
                        position = 0
                    }
                    defer { position += 1 }
                    let row = batch[position]
                    let id = reference.ids[loaded.count]
                    let code = reference.trackingCodes[loaded.count]
                    loaded.append((id, row))
                    return reference.signalColumns(row, id: id, trackingCode: code)
                }
                try transaction.copy(
                    """
                    COPY signaal.signals (
                        id, tracking_code, description, postcode, municipality_id, region_id, target_group, frequency,
                        observed_on, policy_level_id, suggestion, source_id, status_id, reporting_region_id, organisation,
                        external_id
                    ) FROM STDIN
                    """, rows: IteratorSequence(signals))
                try transaction.copy(
                    "COPY signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank, confidence) FROM STDIN",
                    rows: loaded.lazy.flatMap { reference.themeRows($0.row, id: $0.id) })
                try transaction.copy(
                    """
                    COPY signaal.signal_classifications (signal_id, themes, confidences, deciding_terms, needs_review, model)
                    FROM STDIN
                    """, rows: loaded.lazy.map { Self.classificationColumns($0.row.classification, id: $0.id) })
                let emails = loaded.compactMap { item in item.row.signal.contactEmail.map { [String(item.id), $0] } }
                if !emails.isEmpty { try transaction.copy("COPY signaal.contact_emails (signal_id, email) FROM STDIN", rows: emails) }
                return loaded.count
            }
        }
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
