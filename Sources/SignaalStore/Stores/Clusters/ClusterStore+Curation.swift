public import Foundation
public import Logging
public import SignaalCluster

extension ClusterStore {
    /// The coordinators' pins, for a recluster to keep (migration 015).
    public func curation(logger: Logger) async throws -> ClusterCuration {
        try await self.pool.withConnection(logger: logger) { connection in
            var pins: [String: String?] = [:]
            for row in try connection.query("SELECT signal_id::text, cluster_code FROM signaal.cluster_pins") {
                pins[try row.decode(String.self, at: 0)] = .some(try row.decode(String?.self, at: 1))
            }
            return ClusterCuration(pins: pins)
        }
    }

    /// A coordinator's change to a recurring problem. Signals are moved only when `platform` may see them (a
    /// coordinator's own platform; `nil` for every platform).
    public enum Curation: Sendable, Equatable {
        /// A human title that replaces the generated label.
        case rename(title: String)
        /// This problem goes into the other one (code), with all its signals.
        case merge(into: String)
        /// The chosen signals go to another problem (code), or to a new one (`nil`, with a title).
        case split(signalIDs: [Int64], into: String?, title: String?)
        /// Signals that stay in this problem, whatever reclustering finds.
        case pin(signalIDs: [Int64])
        /// Signals that leave this problem and stay out of every problem.
        case remove(signalIDs: [Int64])

        var action: String {
            switch self {
            case .rename: "hernoemd"
            case .merge: "samengevoegd"
            case .split: "gesplitst"
            case .pin: "vastgezet"
            case .remove: "uitgehaald"
            }
        }
    }

    /// Applies a curation to the active problem `code` at once and records it; returns the code of the problem the
    /// coordinator sees next (the other one after a merge or split), or `nil` when `code` is no active problem
    /// `platform` has signals in, or another code named is not active.
    public func curate(
        _ curation: Curation, code: String, by memberID: Int64, platform: String?, now: Date, logger: Logger
    ) async throws -> String? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction(startingWith: "SELECT pg_advisory_xact_lock(\(Self.membershipLock))") { transaction in
                guard
                    try transaction.fetchOne(
                        """
                        SELECT EXISTS (
                            SELECT 1 FROM signaal.clusters AS c
                            JOIN signaal.cluster_memberships AS cm ON cm.cluster_id = c.id
                            JOIN signaal.signals AS s ON s.id = cm.signal_id JOIN signaal.regions AS r ON r.id = s.region_id
                            WHERE c.code = \(code) AND c.retired_run_id IS NULL AND (\(platform)::text IS NULL OR r.code = \(platform))
                        )
                        """
                    ).decode(Bool.self, at: 0)
                else { return nil }
                var (next, other, moved, title) = (code, String?.none, [Int64](), String?.none)
                switch curation {
                case .rename(let newTitle):
                    try transaction.execute("UPDATE signaal.clusters SET title = \(newTitle), updated_at = \(now) WHERE code = \(code)")
                    // Its members are pinned, so that the titled problem keeps its code whatever the clustering finds.
                    try Self.pin(
                        try Self.members(of: code, platform: nil, on: transaction), to: code, by: memberID, now: now, on: transaction)
                    title = newTitle
                case .merge(let target):
                    guard target != code, try Self.isActive(target, on: transaction) else { return nil }
                    moved = try Self.members(of: code, platform: nil, on: transaction)
                    let kept = try Self.members(of: target, platform: nil, on: transaction)
                    try Self.pin(moved + kept, to: target, by: memberID, now: now, on: transaction)
                    try transaction.execute(
                        """
                        UPDATE signaal.clusters SET merged_into = \(target), updated_at = \(now),
                            retired_run_id = (SELECT max(id) FROM signaal.cluster_runs WHERE status = 'finished')
                        WHERE code = \(code)
                        """
                    )
                    (next, other) = (target, code)
                case .split(let ids, let target, let newTitle):
                    let chosen = try Self.visible(ids, in: code, platform: platform, on: transaction)
                    guard !chosen.isEmpty else { return nil }
                    let destination: String
                    if let target {
                        guard target != code, try Self.isActive(target, on: transaction) else { return nil }
                        destination = target
                    } else {
                        destination = try Self.newProblem(splitFrom: code, title: newTitle, now: now, on: transaction)
                    }
                    // The rest stays together: pinned to this problem, so that the split holds.
                    let rest = try Self.members(of: code, platform: nil, on: transaction).filter { !chosen.contains($0) }
                    try Self.pin(rest, to: code, by: memberID, now: now, on: transaction)
                    try Self.pin(chosen, to: destination, by: memberID, now: now, on: transaction)
                    (next, other, moved, title) = (destination, destination, chosen, newTitle)
                case .pin(let ids):
                    moved = try Self.visible(ids, in: nil, platform: platform, on: transaction)
                    guard !moved.isEmpty else { return nil }
                    try Self.pin(moved, to: code, by: memberID, now: now, on: transaction)
                case .remove(let ids):
                    moved = try Self.visible(ids, in: code, platform: platform, on: transaction)
                    guard !moved.isEmpty else { return nil }
                    try Self.pin(moved, to: nil, by: memberID, now: now, on: transaction)
                }
                try transaction.execute(
                    """
                    INSERT INTO signaal.cluster_curations (staff_member_id, occurred_at, action, cluster_code, other_cluster_code, signal_ids, title)
                    VALUES (\(memberID), \(now), \(curation.action), \(code), \(other), \(moved.map(String.init))::text[]::bigint[], \(title))
                    """
                )
                return next
            }
        }
    }

    private static func isActive(_ code: String, on connection: Connection) throws -> Bool {
        try connection.fetchOne(
            "SELECT EXISTS (SELECT 1 FROM signaal.clusters WHERE code = \(code) AND retired_run_id IS NULL)"
        ).decode(Bool.self, at: 0)
    }

    /// The ids of the problem's members (of `platform`, when given).
    private static func members(of code: String, platform: String?, on connection: Connection) throws -> [Int64] {
        try connection.query(
            """
            SELECT cm.signal_id FROM signaal.cluster_memberships AS cm JOIN signaal.clusters AS c ON c.id = cm.cluster_id
            JOIN signaal.signals AS s ON s.id = cm.signal_id JOIN signaal.regions AS r ON r.id = s.region_id
            WHERE c.code = \(code) AND (\(platform)::text IS NULL OR r.code = \(platform)) ORDER BY cm.signal_id
            """
        ).map { try $0.decode(Int64.self, at: 0) }
    }

    /// Those of `ids` that `platform` may see (and, with `code`, that are members of that problem).
    private static func visible(_ ids: [Int64], in code: String?, platform: String?, on connection: Connection) throws -> [Int64] {
        try connection.query(
            """
            SELECT s.id FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
            JOIN signaal.signal_statuses AS st ON st.id = s.status_id
            WHERE s.id = ANY(\(ids.map(String.init))::text[]::bigint[]) AND st.code NOT IN ('afgewezen', 'dubbel')
                AND (\(platform)::text IS NULL OR r.code = \(platform))
                AND (\(code)::text IS NULL OR EXISTS (
                    SELECT 1 FROM signaal.cluster_memberships AS cm JOIN signaal.clusters AS c ON c.id = cm.cluster_id
                    WHERE cm.signal_id = s.id AND c.code = \(code)))
            ORDER BY s.id
            """
        ).map { try $0.decode(Int64.self, at: 0) }
    }

    /// A new active problem split from `code`: its code.
    private static func newProblem(splitFrom code: String, title: String?, now: Date, on connection: Connection) throws -> String {
        try connection.fetchOne(
            """
            INSERT INTO signaal.clusters (code, label, title, size, themes, regions, created_run_id, updated_run_id, updated_at)
            SELECT 'P' || lpad(nextval('signaal.cluster_code_seq')::text, 4, '0'), left('Afgesplitst van ' || c.code || ': ' || c.label, 200),
                \(title), 0, c.themes, c.regions, c.updated_run_id, c.updated_run_id, \(now)
            FROM signaal.clusters AS c WHERE c.code = \(code)
            RETURNING code
            """
        ).decode(String.self, at: 0)
    }

    /// Pins signals to a problem (or out of every problem, `nil`) and moves their memberships now; sizes follow.
    private static func pin(_ ids: [Int64], to code: String?, by memberID: Int64, now: Date, on connection: Connection) throws {
        guard !ids.isEmpty else { return }
        let list = ids.map(String.init)
        try connection.execute(
            """
            INSERT INTO signaal.cluster_pins (signal_id, cluster_code, staff_member_id, pinned_at)
            SELECT unnest(\(list)::text[]::bigint[]), \(code), \(memberID), \(now)
            ON CONFLICT (signal_id) DO UPDATE
            SET cluster_code = excluded.cluster_code, staff_member_id = excluded.staff_member_id, pinned_at = excluded.pinned_at
            """
        )
        try connection.execute(
            """
            WITH gone AS (
                DELETE FROM signaal.cluster_memberships WHERE signal_id = ANY(\(list)::text[]::bigint[]) RETURNING cluster_id
            ), joined AS (
                INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method, run_id)
                SELECT unnest(\(list)::text[]::bigint[]), c.id, 1, 'curated', NULL
                FROM signaal.clusters AS c WHERE c.code = \(code)
                RETURNING cluster_id
            )
            UPDATE signaal.clusters AS c
            SET size = (SELECT count(*) FROM signaal.cluster_memberships AS cm WHERE cm.cluster_id = c.id)
                + (SELECT count(*) FROM joined WHERE joined.cluster_id = c.id)
                - (SELECT count(*) FROM gone WHERE gone.cluster_id = c.id)
            WHERE c.id IN (SELECT cluster_id FROM gone UNION SELECT cluster_id FROM joined)
            """
        )
    }
}
