public import Foundation
public import Logging
public import SignaalCore

extension SignalStore {
    /// What the person who submitted a signal may see of it through its tracking code: never its text's author,
    /// only the signal's way through Signaal.
    public struct TrackedSignal: Sendable, Equatable {
        public let id: Int64
        public let statusName: String
        public let statusDescription: String
        public let observedOn: CalendarDate
        public let receivedAt: Date
        public let regionName: String
        /// Theme names, primary first.
        public let themes: [String]
        public let clusterCode: String?
        public let clusterLabel: String?
        /// Signals in the same recurring problem besides this one.
        public let othersInCluster: Int
        public let clusterRegionCount: Int
        public let clusterEmerging: Bool
        /// When the contact e-mail address was left, if one is kept.
        public let contactSince: Date?
    }

    /// The signal with this tracking code, or `nil`.
    public func tracked(_ code: TrackingCode, logger: Logger) async throws -> TrackedSignal? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id, st.name, st.description, s.observed_on, s.received_at, r.name,
                    ARRAY(
                        SELECT t.name FROM signaal.signal_theme_assignments AS x
                            JOIN signaal.themes AS t ON t.id = x.theme_id
                        WHERE x.signal_id = s.id ORDER BY x.is_submitter_choice DESC, x.rank NULLS LAST, t.name
                    ),
                    c.code, coalesce(c.title, c.label), coalesce(c.size, 1) - 1, coalesce(cardinality(c.regions), 0), coalesce(c.emerging, false),
                    (SELECT e.created_at FROM signaal.contact_emails AS e WHERE e.signal_id = s.id)
                FROM signaal.signals AS s
                JOIN signaal.signal_statuses AS st ON st.id = s.status_id
                JOIN signaal.regions AS r ON r.id = s.region_id
                LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL
                WHERE s.tracking_code = \(code.rawValue)
                """
            ).first.map { row in
                TrackedSignal(
                    id: try row.decode(Int64.self, at: 0), statusName: try row.decode(String.self, at: 1),
                    statusDescription: try row.decode(String.self, at: 2), observedOn: try row.decode(CalendarDate.self, at: 3),
                    receivedAt: try row.decode(Date.self, at: 4), regionName: try row.decode(String.self, at: 5),
                    themes: try row.decode([String].self, at: 6), clusterCode: try row.decode(String?.self, at: 7),
                    clusterLabel: try row.decode(String?.self, at: 8), othersInCluster: try row.decode(Int.self, at: 9),
                    clusterRegionCount: try row.decode(Int.self, at: 10), clusterEmerging: try row.decode(Bool.self, at: 11),
                    contactSince: try row.decode(Date?.self, at: 12))
            }
        }
    }
}
