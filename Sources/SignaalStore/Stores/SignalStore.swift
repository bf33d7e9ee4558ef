public import Foundation
public import Logging
public import SignaalCore

/// Stores and reads signals in `signaal.signals` and the tables that hang off it.
public struct SignalStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Stores a validated signal, its themes and the optional contact e-mail in one transaction.
    ///
    /// - Parameter trackingCode: The code to give the signal, chosen before storing so that a signal spooled after
    ///   a lost commit keeps it; a new one is drawn in the (rare) case it belongs to another signal already.
    public func insert(_ signal: ValidatedSignal, trackingCode: TrackingCode, logger: Logger) async throws -> SignalReceipt {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try Self.insert(signal, preferring: trackingCode, receivedAt: nil, on: transaction)
            }
        }
    }

    /// Inserts inside the caller's transaction, drawing a new tracking code on a collision; a savepoint keeps the
    /// transaction usable after the failed attempt.
    static func insert(
        _ signal: ValidatedSignal,
        preferring trackingCode: TrackingCode,
        receivedAt: Date?,
        origin: SignalOrigin? = nil,
        on connection: Connection
    ) throws -> SignalReceipt {
        for attempt in 1...5 {
            try connection.execute(unsafeSQL: "SAVEPOINT tracking_code")
            do {
                let code = attempt == 1 ? trackingCode : TrackingCode.random()
                let receipt = try Self.insert(signal, trackingCode: code, receivedAt: receivedAt, origin: origin, on: connection)
                try connection.execute(unsafeSQL: "RELEASE SAVEPOINT tracking_code")
                return receipt
            } catch let error as PostgresError
                where error.sqlState == .uniqueViolation && error.constraint == "signals_tracking_code_key" && attempt < 5
            {
                try connection.execute(unsafeSQL: "ROLLBACK TO SAVEPOINT tracking_code")
            }
        }
        preconditionFailure("the loop returns or throws on its last attempt")
    }

    private static func insert(
        _ signal: ValidatedSignal,
        trackingCode: TrackingCode,
        receivedAt: Date?,
        origin: SignalOrigin?,
        on connection: Connection
    ) throws -> SignalReceipt {
        let row = try connection.fetchOne(
            """
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
            RETURNING id, received_at
            """
        )
        let id = try row.decode(Int64.self, at: 0)
        if !signal.themes.isEmpty {
            try connection.execute(
                """
                INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank)
                SELECT \(id), t.id, true, chosen.rank
                FROM unnest(\(signal.themes.map(\.code))::text[]) WITH ORDINALITY AS chosen (code, rank)
                JOIN signaal.themes AS t ON t.code = chosen.code
                """
            )
        }
        if let email = signal.contactEmail {
            try connection.execute("INSERT INTO signaal.contact_emails (signal_id, email) VALUES (\(id), \(email))")
        }
        return SignalReceipt(id: id, trackingCode: trackingCode, receivedAt: try row.decode(at: 1))
    }
}
