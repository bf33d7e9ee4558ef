import SignaalCore
import SignaalIntake

/// What loading an import needs from the database before the first row: the ids behind the codes rows carry.
struct ImportReference: Sendable {
    private let platformID: String
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
            idsByKind[try row.decode(String.self, at: 0), default: [:]][try row.decode(String.self, at: 1)] = try row.decode(
                String.self, at: 2)
        }
        guard let platformID = idsByKind["region"]?[platform], let sourceID = idsByKind["source"]?["import"],
            let statusID = idsByKind["status"]?["received"]
        else {
            throw PostgresError(code: .unexpectedResult, message: "unknown platform \(platform), or reference data missing")
        }
        (self.idsByKind, self.platformID, self.sourceID, self.statusID) = (idsByKind, platformID, sourceID, statusID)
    }

    /// A row's columns for `COPY signaal.signals` (see `ImportBatch.statements`).
    func signalColumns(_ row: ImportStore.Row, id: Int64, trackingCode: String) -> [String?] {
        let signal = row.prepared.signal
        return [
            String(id), trackingCode, signal.description, signal.postcode.rawValue,
            signal.municipality.flatMap { self.idsByKind["municipality"]?[$0.refnisCode] }, self.idsByKind["region"]?[signal.region.code],
            signal.targetGroup, signal.frequency, signal.observedOn.description,
            signal.policyLevel.flatMap { self.idsByKind["policy_level"]?[$0.code] }, signal.suggestion, self.sourceID, self.statusID,
            self.platformID, row.origin.organisation, row.origin.externalID, row.origin.apiKeyID.map(String.init),
            row.origin.organisationUnit,
        ]
    }

    /// A row's `signal_themes` rows: the themes its submitter chose, if any (the classifier's stay in its
    /// classification).
    func themeRows(_ row: ImportStore.Row, id: Int64) -> [[String?]] {
        row.prepared.signal.themes.enumerated().compactMap { rank, theme in
            self.idsByKind["theme"]?[theme.code].map { [String(id), $0, "t", String(rank + 1)] }
        }
    }
}
