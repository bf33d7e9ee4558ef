public import Logging

extension ClusterStore {
    /// An active recurring problem as the workspace lists it.
    public struct Problem: Sendable, Equatable {
        public let code: String
        /// The coordinator's title, else the generated label.
        public let name: String
        public let label: String
        public let title: String?
        public let size: Int
        /// Members the viewer's platform may see.
        public let visibleSize: Int
        public let regions: [String]
        public let emerging: Bool
    }

    /// A member of a problem as the workspace shows it.
    public struct Member: Sendable, Equatable {
        public let id: Int64
        public let excerpt: String
        public let platformName: String
        /// Whether a coordinator pinned it here.
        public let pinned: Bool
    }

    /// The active problems with signals `platform` may see, largest first.
    public func problems(platform: String?, logger: Logger) async throws -> [Problem] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT c.code, coalesce(c.title, c.label), c.label, c.title, c.size, count(s.id), c.regions, c.emerging
                FROM signaal.clusters AS c
                JOIN signaal.cluster_memberships AS cm ON cm.cluster_id = c.id
                JOIN signaal.signals AS s ON s.id = cm.signal_id JOIN signaal.regions AS r ON r.id = s.region_id
                WHERE c.retired_run_id IS NULL AND (\(platform)::text IS NULL OR r.code = \(platform))
                GROUP BY c.id ORDER BY count(s.id) DESC, c.code
                """
            ).map(Self.problem)
        }
    }

    /// The problem and its members `platform` may see, or `nil` when it has none or is not active.
    public func problem(_ code: String, platform: String?, logger: Logger) async throws -> (problem: Problem, members: [Member])? {
        try await self.pool.withConnection(logger: logger) { connection in
            let members = try connection.query(
                """
                SELECT s.id, left(s.description, 200), r.name, coalesce(p.cluster_code = c.code, false)
                FROM signaal.clusters AS c
                JOIN signaal.cluster_memberships AS cm ON cm.cluster_id = c.id
                JOIN signaal.signals AS s ON s.id = cm.signal_id JOIN signaal.regions AS r ON r.id = s.region_id
                LEFT JOIN signaal.cluster_pins AS p ON p.signal_id = s.id
                WHERE c.code = \(code) AND c.retired_run_id IS NULL AND (\(platform)::text IS NULL OR r.code = \(platform))
                ORDER BY cm.similarity DESC, s.id
                """
            ).map { row in
                Member(
                    id: try row.decode(at: 0), excerpt: try row.decode(at: 1), platformName: try row.decode(at: 2),
                    pinned: try row.decode(at: 3))
            }
            guard !members.isEmpty else { return nil }
            let problem = try connection.fetchOne(
                """
                SELECT c.code, coalesce(c.title, c.label), c.label, c.title, c.size, \(members.count)::bigint, c.regions, c.emerging
                FROM signaal.clusters AS c WHERE c.code = \(code)
                """
            )
            return (try Self.problem(problem), members)
        }
    }

    private static func problem(_ row: Row) throws -> Problem {
        Problem(
            code: try row.decode(at: 0), name: try row.decode(at: 1), label: try row.decode(at: 2), title: try row.decode(at: 3),
            size: try row.decode(at: 4), visibleSize: try row.decode(at: 5), regions: try row.decode(at: 6), emerging: try row.decode(at: 7)
        )
    }
}
