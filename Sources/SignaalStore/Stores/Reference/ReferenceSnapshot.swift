public import Foundation
public import SignaalCore

/// The reference tables as rows: what ``ReferenceStore`` reads, and the copy the program carries for a start while
/// the database is unreachable.
///
/// `sql/` stays the source of truth: `ReferenceSnapshotTests` fails, and writes the snapshot to commit, whenever
/// the carried copy differs from what the migrations put in the tables.
public struct ReferenceSnapshot: Codable, Equatable, Sendable {
    /// One postcode of one municipality.
    public struct PostcodeRow: Codable, Equatable, Sendable {
        public var postcode: String
        public var municipality: Municipality
    }

    public var themes: [Theme]
    public var policyLevels: [PolicyLevel]
    public var regions: [Region]
    /// Ordered by postcode, then REFNIS code.
    public var postcodes: [PostcodeRow]

    /// The vocabularies intake checks submissions against.
    public var referenceData: ReferenceData {
        var municipalities: [Postcode: [Municipality]] = [:]
        for row in self.postcodes {
            guard let postcode = Postcode(row.postcode) else { continue }
            municipalities[postcode, default: []].append(row.municipality)
        }
        return ReferenceData(
            themes: self.themes, policyLevels: self.policyLevels, regions: self.regions, municipalitiesByPostcode: municipalities)
    }

    /// The copy carried in the program (`ReferenceData/reference-data.json`).
    public static func builtIn() throws -> ReferenceSnapshot {
        guard let url = Bundle.module.url(forResource: "reference-data", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "reference-data.json is not in the program"])
        }
        return try JSONDecoder().decode(ReferenceSnapshot.self, from: Data(contentsOf: url))
    }

    /// The snapshot as the carried file holds it: sorted keys, indented, so that a change shows as a readable diff.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
