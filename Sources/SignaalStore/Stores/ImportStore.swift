public import Logging
public import SignaalCluster
public import SignaalCore

/// Loads the valid rows of an imported file at COPY speed: the rows go into a temporary table with `COPY … FROM
/// STDIN`, and one `INSERT … SELECT … ON CONFLICT DO NOTHING` moves them into `signals` — a row whose external id
/// the platform used before is skipped, so importing a file twice creates no duplicates. Themes, classifications
/// and contact addresses follow in set-based statements, all in one transaction.
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

    /// Loads the rows; returns how many became new signals (the rest were there already).
    public func load(_ rows: [Row], logger: Logger) async throws -> Int {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute(unsafeSQL: """
                    CREATE TEMPORARY TABLE import_rows (
                        tracking_code text, description text, postcode text, refnis_code text, region text,
                        target_group text, frequency text, observed_on date, policy_level text, suggestion text,
                        platform text, organisation text, external_id text, contact_email text, submitter_themes text[],
                        themes text[], confidences real[], deciding_terms text[], needs_review boolean
                    ) ON COMMIT DROP;
                    CREATE TEMPORARY TABLE import_inserted (id bigint, external_id text) ON COMMIT DROP
                    """)
                var codes = Set<String>()
                let copyRows = rows.map { row -> [String?] in
                    var code = TrackingCode.random().rawValue
                    while !codes.insert(code).inserted { code = TrackingCode.random().rawValue }
                    let signal = row.signal
                    let classification = row.classification
                    return [
                        code, signal.description, signal.postcode.rawValue, signal.municipality?.refnisCode, signal.region.code,
                        signal.targetGroup, signal.frequency, signal.observedOn.description, signal.policyLevel?.code,
                        signal.suggestion, row.origin.platform, row.origin.organisation, row.origin.externalID,
                        signal.contactEmail, signal.themes.map(\.code).postgresText,
                        classification.themes.map(\.code).postgresText,
                        classification.themes.map { String($0.confidence) }.postgresText,
                        classification.decidingTerms.postgresText, classification.needsReview ? "t" : "f",
                    ]
                }
                try transaction.copy("COPY import_rows FROM STDIN", rows: copyRows)
                // A tracking code already in use (rare) gets a new one before the insert.
                while true {
                    let taken = try transaction.query(
                        "SELECT i.tracking_code FROM import_rows AS i JOIN signaal.signals AS s USING (tracking_code)"
                    ).map { try $0.decode(String.self, at: 0) }
                    if taken.isEmpty { break }
                    for code in taken {
                        try transaction.execute(
                            "UPDATE import_rows SET tracking_code = \(TrackingCode.random().rawValue) WHERE tracking_code = \(code)")
                    }
                }
                try transaction.execute(unsafeSQL: """
                    WITH inserted AS (
                        INSERT INTO signaal.signals (
                            tracking_code, description, postcode, municipality_id, region_id, target_group, frequency,
                            observed_on, policy_level_id, suggestion, source_id, status_id, reporting_region_id, organisation,
                            external_id
                        )
                        SELECT i.tracking_code, i.description, i.postcode, m.id, r.id, i.target_group, i.frequency,
                            i.observed_on, pl.id, i.suggestion, (SELECT id FROM signaal.signal_sources WHERE code = 'import'),
                            (SELECT id FROM signaal.signal_statuses WHERE code = 'received'), p.id, i.organisation, i.external_id
                        FROM import_rows AS i
                        JOIN signaal.regions AS r ON r.code = i.region
                        JOIN signaal.regions AS p ON p.code = i.platform
                        LEFT JOIN signaal.municipalities AS m ON m.refnis_code = i.refnis_code
                        LEFT JOIN signaal.policy_levels AS pl ON pl.code = i.policy_level
                        ON CONFLICT (reporting_region_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
                        RETURNING id, external_id
                    )
                    INSERT INTO import_inserted SELECT id, external_id FROM inserted;

                    INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank)
                    SELECT n.id, t.id, true, chosen.rank
                    FROM import_inserted AS n JOIN import_rows AS i ON i.external_id = n.external_id
                    CROSS JOIN LATERAL unnest(i.submitter_themes) WITH ORDINALITY AS chosen (code, rank)
                    JOIN signaal.themes AS t ON t.code = chosen.code;

                    INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank, confidence)
                    SELECT n.id, t.id, false, proposed.rank, proposed.confidence
                    FROM import_inserted AS n JOIN import_rows AS i ON i.external_id = n.external_id
                    CROSS JOIN LATERAL unnest(i.themes, i.confidences) WITH ORDINALITY AS proposed (code, confidence, rank)
                    JOIN signaal.themes AS t ON t.code = proposed.code
                    WHERE cardinality(i.submitter_themes) = 0;

                    INSERT INTO signaal.signal_classifications (signal_id, themes, confidences, deciding_terms, needs_review, model)
                    SELECT n.id, i.themes, i.confidences, i.deciding_terms, i.needs_review, 'theme-model'
                    FROM import_inserted AS n JOIN import_rows AS i ON i.external_id = n.external_id;

                    INSERT INTO signaal.contact_emails (signal_id, email)
                    SELECT n.id, i.contact_email
                    FROM import_inserted AS n JOIN import_rows AS i ON i.external_id = n.external_id
                    WHERE i.contact_email IS NOT NULL
                    """)
                return try transaction.fetchOne("SELECT count(*) FROM import_inserted").decode(Int.self, at: 0)
            }
        }
    }
}
