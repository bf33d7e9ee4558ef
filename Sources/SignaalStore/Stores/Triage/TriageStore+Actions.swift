public import Foundation
public import Logging
import SignaalCore

extension TriageStore {
    /// A signal an action was applied to, for the metrics of the time to a first action.
    public struct Applied: Sendable, Equatable {
        public let signalID: Int64
        public let platform: String
        public let receivedAt: Date
        /// Whether this was the first action anyone took on the signal.
        public let first: Bool
    }

    /// Applies `action` by staff member `memberID` to each of `ids` that `platform` may see, in one transaction:
    /// the change, a row in `signal_events` each, and a feedback notice for each status change of a signal with a
    /// contact address. Signals `platform` may not see are left alone and missing from the result.
    /// - Throws: ``TriageError`` when the action cannot apply (nothing is then changed).
    public func apply(
        _ action: SignalAction, to ids: [Int64], by memberID: Int64, platform: String?, now: Date, logger: Logger
    ) async throws -> [Applied] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                let found = try transaction.query(
                    """
                    SELECT s.id, r.code, s.received_at, s.first_handled_at IS NULL, s.region_id
                    FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
                    WHERE s.id = ANY(\(ids.map(String.init))::text[]::bigint[]) AND (\(platform)::text IS NULL OR r.code = \(platform))
                    ORDER BY s.id
                    FOR UPDATE OF s
                    """
                )
                let applied = try found.map { row in
                    Applied(
                        signalID: try row.decode(at: 0), platform: try row.decode(at: 1), receivedAt: try row.decode(at: 2),
                        first: try row.decode(at: 3))
                }
                guard !applied.isEmpty else { return [] }
                let targets = applied.map { String($0.signalID) }
                let fromRegions = try found.map { String(try $0.decode(Int.self, at: 4)) }
                let duplicateOf = try Self.change(action, targets: targets, platform: platform, on: transaction)
                try transaction.execute(
                    """
                    WITH event AS (
                        INSERT INTO signaal.signal_events (
                            signal_id, staff_member_id, occurred_at, action, status_id, reason, note, duplicate_of, from_region_id,
                            to_region_id, themes
                        )
                        SELECT s.id, \(memberID), \(now), \(action.eventCode), s.status_id, \(action.reason), \(action.note),
                            \(duplicateOf), CASE WHEN \(action.isForward) THEN target.from_region END,
                            CASE WHEN \(action.isForward) THEN s.region_id END, \(action.themes)::text[]
                        FROM unnest(\(targets)::text[]::bigint[], \(fromRegions)::text[]::smallint[]) AS target (id, from_region)
                        JOIN signaal.signals AS s ON s.id = target.id
                        ORDER BY s.id
                        RETURNING id, signal_id
                    ), handled AS (
                        UPDATE signaal.signals AS s SET first_handled_at = \(now)
                        FROM event WHERE s.id = event.signal_id AND s.first_handled_at IS NULL
                    )
                    INSERT INTO signaal.feedback_notices (signal_id, signal_event_id, created_at)
                    SELECT event.signal_id, event.id, \(now)
                    FROM event JOIN signaal.contact_emails AS ce ON ce.signal_id = event.signal_id
                    WHERE \(action.statusCode != nil)
                    """
                )
                return applied
            }
        }
    }

    /// The change itself; the original a duplicate points to.
    private static func change(_ action: SignalAction, targets: [String], platform: String?, on connection: Connection) throws -> Int64? {
        switch action {
        case .validate, .reject:
            try self.setStatus(action, targets: targets, duplicateOf: nil, on: connection)
            return nil
        case .markDuplicate(let original):
            let found = try connection.query(
                """
                SELECT coalesce(s.duplicate_of, s.id) FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
                WHERE s.id = \(original) AND (\(platform)::text IS NULL OR r.code = \(platform))
                """
            ).first.map { try $0.decode(Int64.self, at: 0) }
            guard let found, !targets.contains(String(found)) else { throw TriageError.unknownOriginal }
            try self.setStatus(action, targets: targets, duplicateOf: found, on: connection)
            return found
        case .setThemes(let codes):
            try connection.execute(
                """
                WITH cleared AS (
                    DELETE FROM signaal.signal_themes
                    WHERE signal_id = ANY(\(targets)::text[]::bigint[]) AND theme_source = 'coordinator'
                )
                INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank, theme_source)
                SELECT target.id, t.id, false, theme.rank, 'coordinator'
                FROM unnest(\(targets)::text[]::bigint[]) AS target (id)
                CROSS JOIN unnest(\(codes)::text[]) WITH ORDINALITY AS theme (code, rank)
                JOIN signaal.themes AS t ON t.code = theme.code
                """
            )
            return nil
        case .redact(let passage):
            let marker = SignalAction.redactionMarker
            let changed = try connection.execute(
                """
                UPDATE signaal.signals SET
                    description = replace(description, \(passage), \(marker)),
                    target_group = replace(target_group, \(passage), \(marker)),
                    frequency = replace(frequency, \(passage), \(marker)),
                    suggestion = replace(suggestion, \(passage), \(marker)),
                    organisation_unit = replace(organisation_unit, \(passage), \(marker))
                WHERE id = ANY(\(targets)::text[]::bigint[])
                    AND concat_ws(' ', description, target_group, frequency, suggestion, organisation_unit) LIKE '%' || \(passage) || '%'
                """
            )
            guard changed > 0 else { throw TriageError.passageNotFound }
            // The classifier's deciding terms are stems of the text: none may keep a trace of the passage.
            try connection.execute(
                """
                UPDATE signaal.signal_classifications
                SET deciding_terms = ARRAY(SELECT term FROM unnest(deciding_terms) AS term WHERE position(term IN lower(\(passage))) = 0)
                WHERE signal_id = ANY(\(targets)::text[]::bigint[])
                """
            )
            return nil
        case .forward(let platformCode):
            let moved = try connection.execute(
                """
                UPDATE signaal.signals AS s
                SET region_id = r.id, duplicate_of = NULL,
                    status_id = (SELECT id FROM signaal.signal_statuses WHERE code = 'received')
                FROM signaal.regions AS r
                WHERE r.code = \(platformCode) AND s.id = ANY(\(targets)::text[]::bigint[]) AND s.region_id <> r.id
                """
            )
            guard moved == targets.count else { throw TriageError.unknownPlatform }
            return nil
        }
    }

    /// A new status; a rejected signal or a duplicate leaves its recurring problem at once (reclustering leaves it
    /// out from then on).
    private static func setStatus(_ action: SignalAction, targets: [String], duplicateOf: Int64?, on connection: Connection) throws {
        try connection.execute(
            """
            UPDATE signaal.signals
            SET status_id = (SELECT id FROM signaal.signal_statuses WHERE code = \(action.statusCode)), duplicate_of = \(duplicateOf)
            WHERE id = ANY(\(targets)::text[]::bigint[])
            """
        )
        guard action != .validate else { return }
        try connection.execute(
            """
            WITH gone AS (
                DELETE FROM signaal.cluster_memberships WHERE signal_id = ANY(\(targets)::text[]::bigint[]) RETURNING cluster_id
            )
            UPDATE signaal.clusters AS c SET size = c.size - left_out.n
            FROM (SELECT cluster_id, count(*)::int AS n FROM gone GROUP BY cluster_id) AS left_out
            WHERE c.id = left_out.cluster_id
            """
        )
    }
}

extension SignalAction {
    var reason: String? {
        if case .reject(let reason, _) = self { return reason.rawValue }
        return nil
    }

    var note: String? {
        if case .reject(_, let note) = self { return note }
        return nil
    }

    var themes: [String]? {
        if case .setThemes(let codes) = self { return codes }
        return nil
    }

    var isForward: Bool {
        if case .forward = self { return true }
        return false
    }
}
