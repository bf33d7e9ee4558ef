public import Foundation
public import Logging
public import SignaalBriefs
public import SignaalCore

extension BriefStore {
    /// A draft brief: composed by the scheduler or a command, visible to staff only until a person publishes it.
    public struct Draft: Sendable {
        public let id: Int64
        public let scope: String
        public let period: String
        public let generatedAt: Date
        public let brief: Brief
        public let signalIDs: [Int64]
        public let introduction: String
        /// The chosen problems in order; `nil`: all, as composed.
        public let problemCodes: [String]?
        public let dossierIDs: [Int64]
        public let publishedBriefID: Int64?
    }

    /// Stores a draft of the brief of `scope` and `period`; with `onlyFirst` (the scheduler), nothing happens when a
    /// draft or a published version exists already. Returns the draft's id, or `nil`.
    public func saveDraft(
        scope: BriefScope, period: Period, onlyFirst: Bool, logger: Logger,
        compose: @escaping @Sendable (Int) throws -> (brief: Brief, includedSignalIDs: [Int64])
    ) async throws -> Int64? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(hashtext(\("brief:\(scope.code):\(period)")))")
                let row = try transaction.fetchOne(
                    """
                    SELECT (SELECT coalesce(max(version), 0) FROM signaal.briefs WHERE scope = \(scope.code) AND period = \(period.description)),
                        EXISTS (SELECT 1 FROM signaal.brief_drafts WHERE scope = \(scope.code) AND period = \(period.description))
                    """
                )
                let (latest, drafted) = (try row.decode(Int.self, at: 0), try row.decode(Bool.self, at: 1))
                if onlyFirst, latest > 0 || drafted { return nil }
                let (brief, included) = try compose(latest + 1)
                let model = String(decoding: try JSONEncoder().encode(brief), as: UTF8.self)
                return try transaction.fetchOne(
                    """
                    INSERT INTO signaal.brief_drafts (scope, period, trigger, generated_at, model, signal_ids)
                    VALUES (\(scope.code), \(period.description), \(onlyFirst ? "scheduled" : "requested"), now(), \(model)::jsonb,
                        \(included.map(String.init))::text[]::bigint[])
                    RETURNING id
                    """
                ).decode(Int64.self, at: 0)
            }
        }
    }

    static let draftColumns: Query = """
        d.id, d.scope, d.period, d.generated_at, d.model::text, d.signal_ids::text[], d.introduction, d.problem_codes,
        d.dossier_ids::text[], d.published_brief_id
        """

    /// Drafts not yet published, of the scopes given (`nil`: every scope), newest first.
    public func drafts(scopes: [String]?, logger: Logger) async throws -> [Draft] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT \(fragment: Self.draftColumns) FROM signaal.brief_drafts AS d
                WHERE d.published_brief_id IS NULL AND (\(scopes == nil) OR d.scope = ANY(\(scopes ?? [])::text[]))
                ORDER BY d.generated_at DESC, d.id DESC
                """
            ).map(Self.draft)
        }
    }

    public func draft(_ id: Int64, logger: Logger) async throws -> Draft? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query("SELECT \(fragment: Self.draftColumns) FROM signaal.brief_drafts AS d WHERE d.id = \(id)").first.map(
                Self.draft)
        }
    }

    /// Saves the reviewer's choices on an unpublished draft; `false` when it is published or unknown.
    public func updateDraft(
        _ id: Int64, introduction: String, problemCodes: [String]?, dossierIDs: [Int64], by memberID: Int64, now: Date, logger: Logger
    ) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.execute(
                """
                UPDATE signaal.brief_drafts SET introduction = \(introduction), problem_codes = \(problemCodes)::text[],
                    dossier_ids = \(dossierIDs.map(String.init))::text[]::bigint[], updated_by = \(memberID), updated_at = \(now)
                WHERE id = \(id) AND published_brief_id IS NULL
                """
            ) == 1
        }
    }

    /// Publishes a draft as the next version of its brief, made final by `finalize`, once; its brief id, or `nil`
    /// when it was published already or is unknown. `memberID` is the person who published it (`nil`: a command).
    public func publishDraft(
        _ id: Int64, by memberID: Int64?, logger: Logger, finalize: @escaping @Sendable (Draft, Int) throws -> Brief
    ) async throws -> Int64? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                guard
                    let draft = try transaction.query(
                        "SELECT \(fragment: Self.draftColumns) FROM signaal.brief_drafts AS d WHERE d.id = \(id) FOR UPDATE"
                    ).first.map(Self.draft), draft.publishedBriefID == nil
                else { return nil }
                try transaction.execute("SELECT pg_advisory_xact_lock(hashtext(\("brief:\(draft.scope):\(draft.period)")))")
                let latest = try transaction.fetchOne(
                    "SELECT coalesce(max(version), 0) FROM signaal.briefs WHERE scope = \(draft.scope) AND period = \(draft.period)"
                ).decode(Int.self, at: 0)
                var brief = try finalize(draft, latest + 1)
                brief.version = latest + 1
                let briefID = try Self.insert(
                    brief, including: draft.signalIDs, scope: draft.scope, period: draft.period, version: latest + 1, trigger: "requested",
                    publishedBy: memberID, byCommand: memberID == nil, draftID: id, on: transaction)
                try transaction.execute("UPDATE signaal.brief_drafts SET published_brief_id = \(briefID) WHERE id = \(id)")
                return briefID
            }
        }
    }

    /// The published briefs whose reviewer chose the dossier, newest first.
    public func briefs(carrying dossierID: Int64, logger: Logger) async throws -> [Summary] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT b.id, b.scope, b.period, b.version, b.generated_at, b.signal_count, b.model ->> 'region_name',
                    b.model ->> 'period_name'
                FROM signaal.briefs AS b JOIN signaal.brief_drafts AS d ON d.id = b.draft_id
                WHERE \(dossierID)::bigint = ANY(d.dossier_ids) ORDER BY b.generated_at DESC, b.id DESC
                """
            ).map(Self.summary)
        }
    }

    private static func draft(_ row: Row) throws -> Draft {
        Draft(
            id: try row.decode(at: 0), scope: try row.decode(at: 1), period: try row.decode(at: 2), generatedAt: try row.decode(at: 3),
            brief: try JSONDecoder().decode(Brief.self, from: Data(try row.decode(String.self, at: 4).utf8)),
            signalIDs: try row.decode([String].self, at: 5).compactMap { Int64($0) }, introduction: try row.decode(at: 6),
            problemCodes: try row.decode(at: 7), dossierIDs: try row.decode([String].self, at: 8).compactMap { Int64($0) },
            publishedBriefID: try row.decode(at: 9))
    }
}
