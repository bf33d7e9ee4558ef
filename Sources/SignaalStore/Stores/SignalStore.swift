import Foundation
public import Logging
public import SignaalCore
import SignaalCluster

/// Stores and reads signals in `signaal.signals` and the tables that hang off it.
public struct SignalStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Stores a validated signal with its themes, its contact e-mail and, when given, its arrival (classification
    /// and recurring problem): one statement, one transaction — or, when it joins a cluster, a transaction that
    /// first takes the membership lock shared, so that a reclustering being written waits for it or comes after it.
    ///
    /// - Parameter trackingCode: The code to give the signal, chosen before storing so that a signal spooled after
    ///   a lost commit keeps it; a new one is drawn in the (rare) case it belongs to another signal already.
    public func insert(
        _ signal: ValidatedSignal, trackingCode: TrackingCode, arrival: SignalArrival? = nil, logger: Logger
    ) async throws -> SignalReceipt {
        try await self.pool.withConnection(logger: logger) { connection in
            guard arrival?.assignment != nil else {
                return try Self.insert(signal, preferring: trackingCode, receivedAt: nil, arrival: arrival, on: connection)
            }
            return try connection.withTransaction(startingWith: ClusterStore.sharedMembershipLock) { transaction in
                try Self.insert(signal, preferring: trackingCode, receivedAt: nil, arrival: arrival, on: transaction)
            }
        }
    }

    /// Inserts on `connection` (in the caller's transaction, if any), drawing a new tracking code while the
    /// preferred one belongs to another signal.
    static func insert(
        _ signal: ValidatedSignal,
        preferring trackingCode: TrackingCode,
        receivedAt: Date?,
        origin: SignalOrigin? = nil,
        arrival: SignalArrival? = nil,
        on connection: Connection
    ) throws -> SignalReceipt {
        for attempt in 1...5 {
            let code = attempt == 1 ? trackingCode : TrackingCode.random()
            if let receipt = try Self.insert(
                signal, trackingCode: code, receivedAt: receivedAt, origin: origin, arrival: arrival, on: connection)
            {
                return receipt
            }
        }
        throw PostgresError(code: .unexpectedResult, message: "five tracking codes in a row were taken")
    }

    /// The statement: nil when the tracking code belongs to another signal (nothing was stored).
    private static func insert(
        _ signal: ValidatedSignal,
        trackingCode: TrackingCode,
        receivedAt: Date?,
        origin: SignalOrigin?,
        arrival: SignalArrival?,
        on connection: Connection
    ) throws -> SignalReceipt? {
        let classification = arrival?.classification
        let assignment = arrival?.assignment
        let rows = try connection.query(
            """
            WITH inserted AS (
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
                SELECT inserted.id, t.id, true, theme.rank
                FROM inserted
                CROSS JOIN unnest(\(signal.themes.map(\.code))::text[]) WITH ORDINALITY AS theme (code, rank)
                JOIN signaal.themes AS t ON t.code = theme.code
            ), classified AS (
                INSERT INTO signaal.signal_classifications (signal_id, themes, confidences, deciding_terms, needs_review, model)
                SELECT inserted.id, \(classification?.themes.map(\.code) ?? []),
                    \(classification?.themes.map { String($0.confidence) } ?? [])::text[]::real[],
                    \(classification?.decidingTerms ?? []), \(classification?.needsReview ?? false), 'theme-model'
                FROM inserted WHERE \(classification != nil)
            ), emailed AS (
                INSERT INTO signaal.contact_emails (signal_id, email)
                SELECT inserted.id, \(signal.contactEmail)::text FROM inserted WHERE \(signal.contactEmail)::text IS NOT NULL
            ), latest AS (
                SELECT max(id) AS run_id FROM signaal.cluster_runs WHERE status = 'finished'
            ), joined AS (
                INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method)
                SELECT inserted.id, c.id, \(assignment.map { Double($0.similarity) }), 'on_arrival'
                FROM inserted, latest, signaal.clusters AS c
                WHERE c.id = \(assignment?.clusterID) AND c.retired_run_id IS NULL AND latest.run_id = \(assignment?.runID)
                RETURNING cluster_id
            ), grown AS (
                UPDATE signaal.clusters AS c SET size = c.size + 1, updated_at = now(),
                    last_seen = greatest(c.last_seen, inserted.observed_on),
                    regions = CASE WHEN r.code = ANY(c.regions) THEN c.regions ELSE c.regions || r.code END
                FROM joined, inserted JOIN signaal.regions AS r ON r.id = inserted.region_id
                WHERE c.id = joined.cluster_id
            )
            SELECT inserted.id, inserted.received_at, latest.run_id, EXISTS (SELECT 1 FROM joined)
            FROM inserted, latest
            """,
            preparedAs: "signal_insert"
        )
        guard let row = rows.first else { return nil }
        return SignalReceipt(
            id: try row.decode(Int64.self, at: 0), trackingCode: trackingCode, receivedAt: try row.decode(at: 1),
            arrival: arrival == nil
                ? nil : SignalArrival.Recorded(joinedCluster: try row.decode(Bool.self, at: 3), latestFinishedRun: try row.decode(Int64?.self, at: 2)))
    }
}
