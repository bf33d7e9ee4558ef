import Foundation
public import Logging
import SignaalCluster
public import SignaalCore
public import SignaalIntake

/// Stores and reads signals in `signaal.signals` and the tables that hang off it.
public struct SignalStore: Sendable {
    /// The pool it stores through.
    public let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Stores a prepared signal with its themes, its contact e-mail, its classification and, when intake proposed
    /// one, its recurring problem: one statement, one transaction — or, when it joins a cluster, a transaction that
    /// first takes the membership lock shared, so that a reclustering being written waits for it or comes after it.
    ///
    /// - Parameter trackingCode: The code to give the signal, chosen before storing so that a signal spooled after
    ///   a lost commit keeps it; a new one is drawn in the (rare) case it belongs to another signal already.
    public func insert(_ prepared: PreparedSignal, trackingCode: TrackingCode, logger: Logger) async throws -> SignalReceipt {
        try await self.pool.withConnection(logger: logger) { connection in
            guard prepared.proposedCluster != nil else {
                return try Self.insert(prepared, preferring: trackingCode, on: connection)
            }
            return try connection.withTransaction(startingWith: ClusterStore.sharedMembershipLock) { transaction in
                try Self.insert(prepared, preferring: trackingCode, on: transaction)
            }
        }
    }

    /// Inserts on `connection` (in the caller's transaction, if any), drawing a new tracking code while the
    /// preferred one belongs to another signal. A signal from the spool comes with the time it was accepted; one
    /// without a classification is classified by the next recluster.
    static func insert(
        _ prepared: PreparedSignal,
        preferring trackingCode: TrackingCode,
        receivedAt: Date? = nil,
        origin: SignalOrigin? = nil,
        on connection: Connection
    ) throws -> SignalReceipt {
        for attempt in 1...5 {
            let code = attempt == 1 ? trackingCode : TrackingCode.random()
            if let receipt = try Self.insert(
                prepared.signal, classification: prepared.classification, proposal: prepared.proposedCluster,
                trackingCode: code, receivedAt: receivedAt, origin: origin, on: connection)
            {
                return receipt
            }
        }
        throw PostgresError(code: .unexpectedResult, message: "five tracking codes in a row were taken")
    }

    /// The statement: nil when the tracking code belongs to another signal (nothing was stored).
    private static func insert(
        _ signal: ValidatedSignal,
        classification: ThemeClassification?,
        proposal: PreparedSignal.ClusterProposal?,
        trackingCode: TrackingCode,
        receivedAt: Date?,
        origin: SignalOrigin?,
        on connection: Connection
    ) throws -> SignalReceipt? {
        let rows = try connection.query(
            """
            WITH arrived AS (
                INSERT INTO signaal.signals (
                    tracking_code, description, postcode, municipality_id, region_id, target_group, frequency,
                    observed_on, policy_level_id, suggestion, source_id, status_id, received_at,
                    reporting_region_id, organisation, external_id, api_key_id
                )
                VALUES (
                    \(trackingCode.rawValue), \(signal.description), \(signal.postcode.rawValue),
                    (SELECT id FROM signaal.municipalities WHERE refnis_code = \(signal.municipality?.refnisCode)),
                    (SELECT id FROM signaal.regions WHERE code = \(signal.region.code)),
                    \(signal.targetGroup), \(signal.frequency), \(signal.observedOn),
                    (SELECT id FROM signaal.policy_levels WHERE code = \(signal.policyLevel?.code)),
                    \(signal.suggestion),
                    (SELECT id FROM signaal.signal_sources WHERE code = \(signal.source.rawValue)),
                    (SELECT id FROM signaal.signal_statuses WHERE code = 'received'),
                    coalesce(\(receivedAt)::timestamptz, now()),
                    (SELECT id FROM signaal.regions WHERE code = \(origin?.platform)), \(origin?.organisation),
                    \(origin?.externalID), \(origin?.apiKeyID)
                )
                ON CONFLICT (tracking_code) DO NOTHING
                RETURNING id, received_at, region_id, observed_on
            ), themed AS (
                INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank)
                SELECT arrived.id, t.id, true, theme.rank
                FROM arrived
                CROSS JOIN unnest(\(signal.themes.map(\.code))::text[]) WITH ORDINALITY AS theme (code, rank)
                JOIN signaal.themes AS t ON t.code = theme.code
            ), \(fragment: SignalClassificationTable.classified(classification)), emailed AS (
                INSERT INTO signaal.contact_emails (signal_id, email)
                SELECT arrived.id, \(signal.contactEmail)::text FROM arrived WHERE \(signal.contactEmail)::text IS NOT NULL
            ), latest AS (
                SELECT max(id) AS run_id FROM signaal.cluster_runs WHERE status = 'finished'
            ), \(fragment: ClusterGrowth.joined(proposal))
            SELECT arrived.id, arrived.received_at, latest.run_id, EXISTS (SELECT 1 FROM joined)
            FROM arrived, latest
            """,
            preparedAs: "signal_insert"
        )
        guard let row = rows.first else { return nil }
        return SignalReceipt(
            id: try row.decode(Int64.self, at: 0), trackingCode: trackingCode, receivedAt: try row.decode(at: 1),
            arrival: SignalReceipt.Arrival(
                joinedCluster: try row.decode(Bool.self, at: 3), latestFinishedRun: try row.decode(Int64?.self, at: 2)))
    }
}
