public import Foundation
public import Logging
public import SignaalCluster

extension ThemeModelStore {
    /// A signal of the database whose themes a person decided: a coordinator's correction, else the submitter's own
    /// choice.
    public struct DatabaseExample: Sendable, Equatable {
        public let signal: LabelledSignal
        /// When a person last decided its themes: a coordinator's change, else the signal's arrival.
        public let labelledAt: Date
        /// True when a coordinator set the themes.
        public let byCoordinator: Bool
    }

    /// Every signal with themes a person decided, except rejected ones and duplicates; its problem is the recurring
    /// problem it belongs to now, so that the coordinators' merges and splits decide which signals share a fold.
    public func databaseExamples(logger: Logger) async throws -> [DatabaseExample] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id::text, s.description,
                    ARRAY(
                        SELECT t.code FROM signaal.signal_theme_assignments AS sta JOIN signaal.themes AS t ON t.id = sta.theme_id
                        WHERE sta.signal_id = s.id AND sta.theme_source <> 'classifier' ORDER BY sta.rank NULLS LAST, t.code
                    ),
                    c.code,
                    COALESCE(
                        (SELECT max(e.occurred_at) FROM signaal.signal_events AS e
                         WHERE e.signal_id = s.id AND e.action = 'themas_aangepast'),
                        s.received_at),
                    EXISTS (SELECT 1 FROM signaal.signal_themes AS st WHERE st.signal_id = s.id AND st.theme_source = 'coordinator')
                FROM signaal.signals AS s
                JOIN signaal.signal_statuses AS ss ON ss.id = s.status_id
                LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id
                WHERE ss.code NOT IN ('afgewezen', 'dubbel')
                    AND EXISTS (SELECT 1 FROM signaal.signal_themes AS st WHERE st.signal_id = s.id)
                ORDER BY s.id
                """
            ).map { row in
                DatabaseExample(
                    signal: LabelledSignal(
                        id: "signaal-\(try row.decode(String.self, at: 0))", text: try row.decode(String.self, at: 1),
                        themes: try row.decode([String].self, at: 2), problem: try row.decode(String?.self, at: 3)),
                    labelledAt: try row.decode(Date.self, at: 4), byCoordinator: try row.decode(Bool.self, at: 5))
            }
        }
    }
}
