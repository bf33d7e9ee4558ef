public import Logging
public import SignaalCore

/// Reads signals for staff exports page by page (by id), so an export of any size streams without holding the
/// table in memory. Only scrubbed fields: never contact e-mails or tracking codes.
public struct ExportStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Which signals an export holds.
    public struct Filter: Sendable, Equatable {
        public var from: CalendarDate?
        public var to: CalendarDate?
        /// A regional platform's code; `nil` for all.
        public var region: String?
        public var theme: String?

        public init(from: CalendarDate? = nil, to: CalendarDate? = nil, region: String? = nil, theme: String? = nil) {
            self.from = from
            self.to = to
            self.region = region
            self.theme = theme
        }
    }

    /// One exported signal; the column order of the CSV export.
    public struct Signal: Sendable, Equatable {
        public let id: Int64
        public let receivedAt: String
        public let observedOn: String
        public let region: String
        public let postcode: String
        public let municipality: String?
        public let themes: [String]
        public let description: String
        public let targetGroup: String?
        public let frequency: String?
        public let policyLevel: String?
        public let suggestion: String?
        public let source: String
        public let status: String
        public let reportingPlatform: String?
        public let organisation: String?
        public let cluster: String?
        public let clusterLabel: String?
    }

    /// Up to `limit` signals with an id above `afterID`, by id.
    public func page(_ filter: Filter, afterID: Int64, limit: Int = 1000, logger: Logger) async throws -> [Signal] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id, to_char(s.received_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD"T"HH24:MI:SS')
                    || '+' || to_char((s.received_at AT TIME ZONE 'Europe/Brussels') - (s.received_at AT TIME ZONE 'UTC'), 'HH24:MI'), s.observed_on::text,
                    r.code, s.postcode, m.name,
                    ARRAY(
                        SELECT t.code FROM signaal.signal_theme_assignments AS st
                            JOIN signaal.themes AS t ON t.id = st.theme_id
                        WHERE st.signal_id = s.id ORDER BY st.is_submitter_choice DESC, st.rank NULLS LAST, t.code
                    ),
                    s.description, s.target_group, s.frequency, pl.code, s.suggestion, so.code, ss.code, p.code, s.organisation,
                    c.code, coalesce(c.title, c.label)
                FROM signaal.signals AS s
                JOIN signaal.regions AS r ON r.id = s.region_id
                JOIN signaal.signal_sources AS so ON so.id = s.source_id
                JOIN signaal.signal_statuses AS ss ON ss.id = s.status_id
                LEFT JOIN signaal.municipalities AS m ON m.id = s.municipality_id
                LEFT JOIN signaal.policy_levels AS pl ON pl.id = s.policy_level_id
                LEFT JOIN signaal.regions AS p ON p.id = s.reporting_region_id
                LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL
                WHERE s.id > \(afterID)
                    AND (\(filter.from)::date IS NULL OR s.observed_on >= \(filter.from))
                    AND (\(filter.to)::date IS NULL OR s.observed_on <= \(filter.to))
                    AND (\(filter.region)::text IS NULL OR r.code = \(filter.region))
                    AND (\(filter.theme)::text IS NULL OR EXISTS (
                        SELECT 1 FROM signaal.signal_theme_assignments AS ft
                            JOIN signaal.themes AS t ON t.id = ft.theme_id
                        WHERE ft.signal_id = s.id AND t.code = \(filter.theme)))
                ORDER BY s.id LIMIT \(limit)
                """
            ).map { row in
                Signal(
                    id: try row.decode(Int64.self, at: 0), receivedAt: try row.decode(String.self, at: 1),
                    observedOn: try row.decode(String.self, at: 2), region: try row.decode(String.self, at: 3),
                    postcode: try row.decode(String.self, at: 4), municipality: try row.decode(String?.self, at: 5),
                    themes: try row.decode([String].self, at: 6), description: try row.decode(String.self, at: 7),
                    targetGroup: try row.decode(String?.self, at: 8), frequency: try row.decode(String?.self, at: 9),
                    policyLevel: try row.decode(String?.self, at: 10), suggestion: try row.decode(String?.self, at: 11),
                    source: try row.decode(String.self, at: 12), status: try row.decode(String.self, at: 13),
                    reportingPlatform: try row.decode(String?.self, at: 14), organisation: try row.decode(String?.self, at: 15),
                    cluster: try row.decode(String?.self, at: 16), clusterLabel: try row.decode(String?.self, at: 17))
            }
        }
    }
}
