public import Foundation
public import Logging
public import SignaalCore

extension DossierStore {
    /// A signal as a dossier's evidence lists it.
    public struct EvidenceSignal: Sendable, Equatable {
        public let id: Int64
        public let excerpt: String
        public let platformName: String
        public let observedOn: CalendarDate
        public let organisation: String?
    }

    /// The signals behind `dossierID` and those of the Flemish dossier's platform dossiers: the query every
    /// evidence figure starts from.
    static func evidence(of dossierID: Int64) -> Query {
        """
        SELECT DISTINCT ds.signal_id FROM signaal.dossier_signals AS ds
        WHERE ds.dossier_id = \(dossierID) OR ds.dossier_id IN (SELECT id FROM signaal.dossiers WHERE parent_id = \(dossierID))
        """
    }

    /// The evidence in figures: signals, and distinct organisations, regions and months.
    public func evidence(of dossierID: Int64, logger: Logger) async throws -> DossierEvidence {
        try await self.pool.withConnection(logger: logger) { connection in
            let row = try connection.fetchOne(
                """
                SELECT count(*), count(DISTINCT s.organisation), count(DISTINCT s.region_id),
                    count(DISTINCT date_trunc('month', s.observed_on))
                FROM signaal.signals AS s WHERE s.id IN (\(fragment: Self.evidence(of: dossierID)))
                """
            )
            return DossierEvidence(
                signals: try row.decode(at: 0), organisations: try row.decode(at: 1), regions: try row.decode(at: 2),
                months: try row.decode(at: 3))
        }
    }

    /// The dossier's signals that `platform` may see, newest first.
    public func signals(of dossierID: Int64, platform: String?, logger: Logger) async throws -> [EvidenceSignal] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id, left(s.description, 200), r.name, s.observed_on, s.organisation
                FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
                WHERE s.id IN (\(fragment: Self.evidence(of: dossierID))) AND (\(platform)::text IS NULL OR r.code = \(platform))
                ORDER BY s.observed_on DESC, s.id DESC
                """
            ).map(Self.evidenceSignal)
        }
    }

    /// Signals of the dossier's recurring problem that `platform` may see and that are not yet its evidence:
    /// proposed to the coordinator, never added by themselves.
    public func proposed(for dossierID: Int64, platform: String?, logger: Logger) async throws -> [EvidenceSignal] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id, left(s.description, 200), r.name, s.observed_on, s.organisation
                FROM signaal.dossiers AS d
                JOIN signaal.clusters AS c ON c.code = d.cluster_code AND c.retired_run_id IS NULL
                JOIN signaal.cluster_memberships AS cm ON cm.cluster_id = c.id
                JOIN signaal.signals AS s ON s.id = cm.signal_id JOIN signaal.regions AS r ON r.id = s.region_id
                JOIN signaal.signal_statuses AS st ON st.id = s.status_id
                WHERE d.id = \(dossierID) AND st.code NOT IN ('afgewezen', 'dubbel') AND (\(platform)::text IS NULL OR r.code = \(platform))
                    AND NOT EXISTS (SELECT 1 FROM signaal.dossier_signals AS ds WHERE ds.dossier_id = d.id AND ds.signal_id = s.id)
                ORDER BY s.observed_on DESC, s.id DESC
                LIMIT 100
                """
            ).map(Self.evidenceSignal)
        }
    }

    /// Adds chosen signals `platform` may see to a dossier of `platform`'s own; removes those in `removing`.
    public func changeEvidence(
        of dossierID: Int64, adding: [Int64], removing: [Int64], platform: String?, by memberID: Int64, now: Date, logger: Logger
    ) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                let owned = try transaction.fetchOne(
                    """
                    SELECT EXISTS (SELECT 1 FROM signaal.dossiers AS d WHERE d.id = \(dossierID)
                        AND d.region_id IS NOT DISTINCT FROM (SELECT id FROM signaal.regions WHERE code = \(platform)))
                    """
                ).decode(Bool.self, at: 0)
                guard owned else { return false }
                try Self.add(signalsOf: nil, ids: adding, to: dossierID, platform: platform, by: memberID, now: now, on: transaction)
                try transaction.execute(
                    """
                    DELETE FROM signaal.dossier_signals
                    WHERE dossier_id = \(dossierID) AND signal_id = ANY(\(removing.map(String.init))::text[]::bigint[])
                    """
                )
                try transaction.execute("UPDATE signaal.dossiers SET updated_at = \(now) WHERE id = \(dossierID)")
                return true
            }
        }
    }

    private static func evidenceSignal(_ row: Row) throws -> EvidenceSignal {
        EvidenceSignal(
            id: try row.decode(at: 0), excerpt: try row.decode(at: 1), platformName: try row.decode(at: 2),
            observedOn: try row.decode(at: 3), organisation: try row.decode(at: 4))
    }
}
