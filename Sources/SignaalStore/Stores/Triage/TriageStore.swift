public import Logging
import SignaalCore

/// Reads and changes signals for the workspace (migration 014). Every function takes the platform its caller may
/// see — a coordinator's own, or `nil` for every platform — and applies it in the statement itself: a signal of
/// another platform is not found, whatever the route.
public struct TriageStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// One page of signals matching `filter`, newest first.
    public func queue(_ filter: TriageFilter, platform: String?, logger: Logger) async throws -> TriagePage {
        try await self.pool.withConnection(logger: logger) { connection in
            let rows = try connection.query(
                """
                SELECT s.id, s.received_at, s.observed_on, r.name, st.code, st.name, left(s.description, 280),
                    ARRAY(
                        SELECT t.name FROM signaal.signal_theme_assignments AS a JOIN signaal.themes AS t ON t.id = a.theme_id
                        WHERE a.signal_id = s.id ORDER BY a.rank NULLS LAST, t.name
                    ),
                    coalesce(sc.needs_review, false) AND NOT EXISTS (SELECT 1 FROM signaal.signal_themes AS h WHERE h.signal_id = s.id),
                    c.code, coalesce(c.title, c.label), count(*) OVER ()
                FROM signaal.signals AS s
                JOIN signaal.regions AS r ON r.id = s.region_id
                JOIN signaal.signal_statuses AS st ON st.id = s.status_id
                LEFT JOIN signaal.signal_classifications AS sc ON sc.signal_id = s.id
                LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL
                WHERE (\(platform)::text IS NULL OR r.code = \(platform))
                    AND (\(filter.status)::text IS NULL OR st.code = \(filter.status))
                    AND (\(filter.theme)::text IS NULL OR EXISTS (
                        SELECT 1 FROM signaal.signal_theme_assignments AS a JOIN signaal.themes AS t ON t.id = a.theme_id
                        WHERE a.signal_id = s.id AND t.code = \(filter.theme)))
                    AND (NOT \(filter.needsReview) OR (sc.needs_review
                        AND NOT EXISTS (SELECT 1 FROM signaal.signal_themes AS h WHERE h.signal_id = s.id)))
                    AND (\(filter.problem)::text IS NULL OR c.code = \(filter.problem))
                    AND (\(filter.from)::date IS NULL OR s.observed_on >= \(filter.from))
                    AND (\(filter.to)::date IS NULL OR s.observed_on <= \(filter.to))
                    AND (\(filter.search)::text IS NULL
                        OR to_tsvector('dutch'::regconfig, s.description) @@ websearch_to_tsquery('dutch'::regconfig, \(filter.search)))
                ORDER BY s.received_at DESC, s.id DESC
                LIMIT \(TriageFilter.pageSize) OFFSET \((max(filter.page, 1) - 1) * TriageFilter.pageSize)
                """
            )
            let signals = try rows.map { row in
                QueuedSignal(
                    id: try row.decode(Int64.self, at: 0), receivedAt: try row.decode(at: 1), observedOn: try row.decode(at: 2),
                    platformName: try row.decode(at: 3), statusCode: try row.decode(at: 4), statusName: try row.decode(at: 5),
                    excerpt: try row.decode(at: 6), themes: try row.decode(at: 7), needsReview: try row.decode(at: 8),
                    problemCode: try row.decode(at: 9), problemLabel: try row.decode(at: 10))
            }
            return TriagePage(signals: signals, total: try rows.first?.decode(Int.self, at: 11) ?? 0)
        }
    }

    /// The signal, if `platform` may see it.
    public func signal(_ id: Int64, platform: String?, logger: Logger) async throws -> TriageSignal? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id, s.received_at, s.observed_on, r.code, r.name, st.code, st.name, s.description, s.target_group,
                    s.frequency, s.suggestion, s.postcode, m.name, pl.name, so.code, so.name, s.organisation, k.organisation,
                    rr.name, coalesce(sc.themes, '{}'), coalesce(sc.confidences::float8[]::text[], '{}'),
                    coalesce(sc.deciding_terms, '{}'), coalesce(sc.needs_review, false),
                    ARRAY(
                        SELECT t.code FROM signaal.signal_themes AS h JOIN signaal.themes AS t ON t.id = h.theme_id
                        WHERE h.signal_id = s.id AND h.theme_source = 'submitter' ORDER BY h.rank NULLS LAST, t.code
                    ),
                    ARRAY(
                        SELECT t.code FROM signaal.signal_themes AS h JOIN signaal.themes AS t ON t.id = h.theme_id
                        WHERE h.signal_id = s.id AND h.theme_source = 'coordinator' ORDER BY h.rank NULLS LAST, t.code
                    ),
                    c.code, coalesce(c.title, c.label), s.duplicate_of
                FROM signaal.signals AS s
                JOIN signaal.regions AS r ON r.id = s.region_id
                JOIN signaal.signal_statuses AS st ON st.id = s.status_id
                JOIN signaal.signal_sources AS so ON so.id = s.source_id
                LEFT JOIN signaal.municipalities AS m ON m.id = s.municipality_id
                LEFT JOIN signaal.policy_levels AS pl ON pl.id = s.policy_level_id
                LEFT JOIN signaal.api_keys AS k ON k.id = s.api_key_id
                LEFT JOIN signaal.regions AS rr ON rr.id = s.reporting_region_id
                LEFT JOIN signaal.signal_classifications AS sc ON sc.signal_id = s.id
                LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL
                WHERE s.id = \(id) AND (\(platform)::text IS NULL OR r.code = \(platform))
                """
            ).first.map { row in
                TriageSignal(
                    id: try row.decode(at: 0), receivedAt: try row.decode(at: 1), observedOn: try row.decode(at: 2),
                    platform: try row.decode(at: 3), platformName: try row.decode(at: 4), statusCode: try row.decode(at: 5),
                    statusName: try row.decode(at: 6), description: try row.decode(at: 7), targetGroup: try row.decode(at: 8),
                    frequency: try row.decode(at: 9), suggestion: try row.decode(at: 10), postcode: try row.decode(at: 11),
                    municipality: try row.decode(at: 12), policyLevel: try row.decode(at: 13), sourceCode: try row.decode(at: 14),
                    sourceName: try row.decode(at: 15), organisation: try row.decode(at: 16), keyOrganisation: try row.decode(at: 17),
                    reportingPlatformName: try row.decode(at: 18), proposedThemes: try row.decode(at: 19),
                    confidences: try row.decode([String].self, at: 20).compactMap(Double.init), decidingTerms: try row.decode(at: 21),
                    needsReview: try row.decode(at: 22), submitterThemes: try row.decode(at: 23), coordinatorThemes: try row.decode(at: 24),
                    problemCode: try row.decode(at: 25), problemLabel: try row.decode(at: 26), duplicateOf: try row.decode(at: 27))
            }
        }
    }

    /// The signal's history, oldest first (no visibility rule: callers found the signal first).
    public func history(of id: Int64, logger: Logger) async throws -> [SignalEvent] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT e.occurred_at, e.action, st.name, e.reason, e.note, e.duplicate_of, fr.name, tr.name,
                    coalesce(e.themes, '{}'), sm.name
                FROM signaal.signal_events AS e
                JOIN signaal.signal_statuses AS st ON st.id = e.status_id
                JOIN signaal.staff_members AS sm ON sm.id = e.staff_member_id
                LEFT JOIN signaal.regions AS fr ON fr.id = e.from_region_id
                LEFT JOIN signaal.regions AS tr ON tr.id = e.to_region_id
                WHERE e.signal_id = \(id)
                ORDER BY e.id
                """
            ).map { row in
                SignalEvent(
                    occurredAt: try row.decode(at: 0), action: try row.decode(at: 1), statusName: try row.decode(at: 2),
                    reason: try row.decode(String?.self, at: 3).flatMap(RejectionReason.init(rawValue:)), note: try row.decode(at: 4),
                    duplicateOf: try row.decode(at: 5), fromPlatformName: try row.decode(at: 6), toPlatformName: try row.decode(at: 7),
                    themes: try row.decode(at: 8), staffName: try row.decode(at: 9))
            }
        }
    }

    /// Up to five signals `platform` may see that share the most words with the signal, those of its recurring
    /// problem first.
    public func similar(to id: Int64, platform: String?, logger: Logger) async throws -> [SimilarSignal] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                WITH me AS (
                    SELECT s.id, to_tsvector('dutch'::regconfig, s.description) AS words, cm.cluster_id
                    FROM signaal.signals AS s LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                    WHERE s.id = \(id)
                ), wanted AS (
                    SELECT me.id, me.cluster_id,
                        (SELECT to_tsquery('simple'::regconfig, string_agg(quote_literal(w.lexeme), ' | ')) FROM unnest(me.words) AS w) AS query
                    FROM me
                )
                SELECT o.id, left(o.description, 200), st.name, coalesce(ocm.cluster_id = wanted.cluster_id, false) AS same
                FROM wanted
                JOIN signaal.signals AS o ON o.id <> wanted.id
                    AND to_tsvector('dutch'::regconfig, o.description) @@ wanted.query
                JOIN signaal.regions AS r ON r.id = o.region_id
                JOIN signaal.signal_statuses AS st ON st.id = o.status_id
                LEFT JOIN signaal.cluster_memberships AS ocm ON ocm.signal_id = o.id
                WHERE \(platform)::text IS NULL OR r.code = \(platform)
                ORDER BY same DESC, ts_rank(to_tsvector('dutch'::regconfig, o.description), wanted.query) DESC, o.id DESC
                LIMIT 5
                """
            ).map { row in
                SimilarSignal(
                    id: try row.decode(at: 0), excerpt: try row.decode(at: 1), statusName: try row.decode(at: 2),
                    sameProblem: try row.decode(at: 3))
            }
        }
    }

    /// How many signals wait in each platform's queue per status (for `/metrics`).
    public func queueDepth(logger: Logger) async throws -> [(platform: String, status: String, count: Int)] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT r.code, st.code, count(s.id)
                FROM signaal.regions AS r CROSS JOIN signaal.signal_statuses AS st
                LEFT JOIN signaal.signals AS s ON s.region_id = r.id AND s.status_id = st.id
                GROUP BY r.code, st.code ORDER BY r.code, st.code
                """
            ).map { row in (try row.decode(String.self, at: 0), try row.decode(String.self, at: 1), try row.decode(Int.self, at: 2)) }
        }
    }
}
