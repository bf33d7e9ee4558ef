import Foundation
import SignaalCore
import SignaalStore
import SignaalTesting
import Testing

/// The reference data the program carries for a start during a database outage is exactly what the migrations put
/// in the reference tables.
@Suite struct ReferenceSnapshotTests {
    @Test func theCarriedReferenceDataIsWhatTheMigrationsFillIn() async throws {
        try await withTestDatabase { database in
            let fromTables = try await ReferenceStore(pool: database.pool).snapshot(logger: .test)
            let carried = try? ReferenceSnapshot.builtIn()
            if carried != fromTables {
                let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("reference-data.json")
                try fromTables.json().write(to: fresh)
                Issue.record("Sources/SignaalStore/ReferenceData/reference-data.json is stale: replace it with \(fresh.path)")
            }
            #expect(fromTables.postcodes.count > 500)
            let reference = try #require(carried).referenceData
            #expect(reference.locate(Postcode("9000")!)?.region.code == "oost-vlaanderen")
            #expect(reference.locate(Postcode("1040")!)?.municipality == nil)  // Brussel and Etterbeek
            #expect(reference.theme(code: "wonen") != nil)
        }
    }
}
