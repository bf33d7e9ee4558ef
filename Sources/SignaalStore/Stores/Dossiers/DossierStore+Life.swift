public import Foundation
public import Logging
import SignaalCore

extension DossierStore {
    /// The dossier's life, oldest step first.
    public func events(of dossierID: Int64, logger: Logger) async throws -> [DossierEvent] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT e.id, e.dossier_id, e.occurred_at, e.state, e.addressee, e.happened_on, e.channel, e.response,
                    e.response_link, e.outcome, sm.name
                FROM signaal.dossier_events AS e JOIN signaal.staff_members AS sm ON sm.id = e.staff_member_id
                WHERE e.dossier_id = \(dossierID) ORDER BY e.id
                """
            ).map(Self.event)
        }
    }

    static func event(_ row: Row) throws -> DossierEvent {
        var details = DossierEvent.Details()
        details.addressee = try row.decode(at: 4)
        details.happenedOn = try row.decode(at: 5)
        details.channel = try row.decode(at: 6)
        details.response = try row.decode(at: 7)
        details.responseLink = try row.decode(at: 8)
        details.outcome = try row.decode(at: 9)
        return DossierEvent(
            id: try row.decode(at: 0), dossierID: try row.decode(at: 1), occurredAt: try row.decode(at: 2),
            state: Dossier.State(rawValue: try row.decode(at: 3)) ?? .open, details: details, staffName: try row.decode(at: 10))
    }

    /// Moves a dossier of `platform`'s own to `state` when its life allows it, records the step, and queues a
    /// feedback notice for every signal of its evidence with a contact address. `false` when the dossier is not
    /// `platform`'s or the step is not allowed.
    public func step(
        _ dossierID: Int64, to state: Dossier.State, details: DossierEvent.Details, platform: String?, by memberID: Int64, now: Date,
        logger: Logger
    ) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                guard
                    let current = try transaction.query(
                        """
                        SELECT d.state FROM signaal.dossiers AS d
                        WHERE d.id = \(dossierID) AND d.region_id IS NOT DISTINCT FROM (SELECT id FROM signaal.regions WHERE code = \(platform))
                        FOR UPDATE
                        """
                    ).first.flatMap({ Dossier.State(rawValue: try $0.decode(String.self, at: 0)) }),
                    current.next.contains(state)
                else { return false }
                try transaction.execute(
                    """
                    UPDATE signaal.dossiers SET state = \(state.rawValue), updated_at = \(now),
                        presented_at = CASE WHEN \(state.rawValue) = 'voorgelegd' THEN coalesce(presented_at, \(now)) ELSE presented_at END
                    WHERE id = \(dossierID)
                    """
                )
                try transaction.execute(
                    """
                    WITH event AS (
                        INSERT INTO signaal.dossier_events (
                            dossier_id, staff_member_id, occurred_at, state, addressee, happened_on, channel, response, response_link, outcome
                        )
                        VALUES (\(dossierID), \(memberID), \(now), \(state.rawValue), \(details.addressee), \(details.happenedOn),
                            \(details.channel), \(details.response), \(details.responseLink), \(details.outcome))
                        RETURNING id
                    )
                    INSERT INTO signaal.feedback_notices (signal_id, dossier_event_id, created_at)
                    SELECT ce.signal_id, event.id, \(now)
                    FROM event, signaal.contact_emails AS ce
                    WHERE ce.signal_id IN (\(fragment: Self.evidence(of: dossierID)))
                    """
                )
                return true
            }
        }
    }

    /// A dossier that has been presented, for its public page; `nil` before that.
    public func published(_ id: Int64, logger: Logger) async throws -> Dossier? {
        try await self.pool.withConnection(logger: logger) { connection in
            try Self.dossier(id, platform: nil, on: connection).flatMap { $0.presentedAt == nil ? nil : $0 }
        }
    }

    /// The steps of presented dossiers, newest first: the Atom feed.
    public func publishedEvents(limit: Int = 100, logger: Logger) async throws -> [(event: DossierEvent, title: String)] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT e.id, e.dossier_id, e.occurred_at, e.state, e.addressee, e.happened_on, e.channel, e.response,
                    e.response_link, e.outcome, '', d.title
                FROM signaal.dossier_events AS e JOIN signaal.dossiers AS d ON d.id = e.dossier_id
                WHERE d.presented_at IS NOT NULL AND e.occurred_at >= d.presented_at
                ORDER BY e.occurred_at DESC, e.id DESC LIMIT \(limit)
                """
            ).map { (try Self.event($0), try $0.decode(String.self, at: 11)) }
        }
    }

    /// The dossiers a signal is evidence for (directly or through a Flemish dossier), with their latest response.
    public func dossiers(withEvidence signalID: Int64, logger: Logger) async throws -> [(dossier: Dossier, response: DossierEvent?)] {
        try await self.pool.withConnection(logger: logger) { connection in
            let ids = try connection.query(
                """
                SELECT DISTINCT d.id FROM signaal.dossier_signals AS ds JOIN signaal.dossiers AS d ON d.id = ds.dossier_id
                WHERE ds.signal_id = \(signalID)
                UNION
                SELECT d.parent_id FROM signaal.dossier_signals AS ds JOIN signaal.dossiers AS d ON d.id = ds.dossier_id
                WHERE ds.signal_id = \(signalID) AND d.parent_id IS NOT NULL
                """
            ).map { try $0.decode(Int64.self, at: 0) }
            return try ids.sorted().compactMap { id in
                guard let dossier = try Self.dossier(id, platform: nil, on: connection) else { return nil }
                let response = try connection.query(
                    """
                    SELECT e.id, e.dossier_id, e.occurred_at, e.state, e.addressee, e.happened_on, e.channel, e.response,
                        e.response_link, e.outcome, ''
                    FROM signaal.dossier_events AS e WHERE e.dossier_id = \(id) AND e.response IS NOT NULL
                    ORDER BY e.id DESC LIMIT 1
                    """
                ).first.map(Self.event)
                return (dossier, response)
            }
        }
    }
}
