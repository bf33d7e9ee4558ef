import SignaalCluster
import SignaalCore

/// What loading an import needs from the database before the first row: the ids behind the codes rows carry; then,
/// batch by batch, ids and free tracking codes.
struct ImportReference {
    private let platformID: String
    /// The sequence the signals' ids come from.
    private let sequence: String
    private let idsByKind: [String: [String: String]]
    private let sourceID: String
    private let statusID: String

    init(platform: String, on connection: Connection) throws {
        var idsByKind: [String: [String: String]] = [:]
        for row in try connection.query(
            """
            SELECT 'region', code, id::text FROM signaal.regions
            UNION ALL SELECT 'municipality', refnis_code, id::text FROM signaal.municipalities
            UNION ALL SELECT 'policy_level', code, id::text FROM signaal.policy_levels
            UNION ALL SELECT 'theme', code, id::text FROM signaal.themes
            UNION ALL SELECT 'source', code, id::text FROM signaal.signal_sources
            UNION ALL SELECT 'status', code, id::text FROM signaal.signal_statuses
            """
        ) {
            idsByKind[try row.decode(String.self, at: 0), default: [:]][try row.decode(String.self, at: 1)] = try row.decode(String.self, at: 2)
        }
        guard let platformID = idsByKind["region"]?[platform], let sourceID = idsByKind["source"]?["import"],
            let statusID = idsByKind["status"]?["received"]
        else {
            throw PostgresError(code: .unexpectedResult, message: "unknown platform \(platform), or reference data missing")
        }
        (self.idsByKind, self.platformID, self.sourceID, self.statusID) = (idsByKind, platformID, sourceID, statusID)
        self.sequence = try connection.fetchOne("SELECT pg_get_serial_sequence('signaal.signals', 'id')").decode(String.self, at: 0)
    }

    /// Ids from the signals' sequence and free tracking codes for `count` new signals.
    func reserve(_ count: Int, on connection: Connection) throws -> [(id: Int64, trackingCode: String)] {
        guard count > 0 else { return [] }
        let ids = try connection.query(
            "SELECT nextval(\(self.sequence)::regclass) FROM generate_series(1, \(count))"
        ).map { try $0.decode(Int64.self, at: 0) }
        return Array(zip(ids, try Self.freeTrackingCodes(count, on: connection)))
    }

    /// `count` distinct random tracking codes that no signal has.
    private static func freeTrackingCodes(_ count: Int, on connection: Connection) throws -> [String] {
        var codes: [String] = []
        var distinct = Set<String>()
        while codes.count < count {
            var fresh: [String] = []
            while codes.count + fresh.count < count {
                let code = TrackingCode.random().rawValue
                if distinct.insert(code).inserted { fresh.append(code) }
            }
            let taken = Set(try connection.query(
                "SELECT tracking_code FROM signaal.signals WHERE tracking_code = ANY(\(fresh))"
            ).map { try $0.decode(String.self, at: 0) })
            codes += fresh.filter { !taken.contains($0) }
        }
        return codes
    }

    /// A row's columns for `COPY signaal.signals` (see `ImportStore.load`).
    func signalColumns(_ row: ImportStore.Row, id: Int64, trackingCode: String) -> [String?] {
        let signal = row.signal
        return [
            String(id), trackingCode, signal.description, signal.postcode.rawValue,
            signal.municipality.flatMap { self.idsByKind["municipality"]?[$0.refnisCode] }, self.idsByKind["region"]?[signal.region.code],
            signal.targetGroup, signal.frequency, signal.observedOn.description,
            signal.policyLevel.flatMap { self.idsByKind["policy_level"]?[$0.code] }, signal.suggestion, self.sourceID, self.statusID,
            self.platformID, row.origin.organisation, row.origin.externalID,
        ]
    }

    /// A row's `signal_themes` rows: the submitter's choice if any, else the classifier's themes with confidence.
    func themeRows(_ row: ImportStore.Row, id: Int64) -> [[String?]] {
        let submitted = row.signal.themes.map(\.code)
        let themes: [(code: String, confidence: String?)] = submitted.isEmpty
            ? row.classification.themes.map { ($0.code, String($0.confidence)) } : submitted.map { ($0, nil) }
        return themes.enumerated().compactMap { rank, theme in
            self.idsByKind["theme"]?[theme.code].map { [String(id), $0, submitted.isEmpty ? "f" : "t", String(rank + 1), theme.confidence] }
        }
    }
}
