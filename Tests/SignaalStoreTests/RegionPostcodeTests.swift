import SignaalCore
import SignaalStore
import SignaalTesting
import Testing

@Suite struct RegionPostcodeTests {
    /// `Region.code(forPostcode:)` (for files without a database) agrees with the municipalities of migration 003,
    /// except for the one postcode the 2025 mergers moved across a range: 2070 (Zwijndrecht, Burcht) now belongs to
    /// Beveren-Kruibeke-Zwijndrecht in Oost-Vlaanderen.
    @Test func thePostcodeRangesAgreeWithTheMunicipalities() async throws {
        try await withTestDatabase { database in
            let rows = try await database.query(
                """
                SELECT p.postcode, r.code FROM signaal.postcodes AS p
                JOIN signaal.municipalities AS m ON m.id = p.municipality_id JOIN signaal.regions AS r ON r.id = m.region_id
                """
            )
            #expect(rows.count > 500)
            var disagreements: [String] = []
            for row in rows {
                let postcode = try #require(Postcode(try row.decode(String.self, at: 0)))
                if Region.code(forPostcode: postcode) != (try row.decode(String.self, at: 1)) { disagreements.append("\(postcode)") }
            }
            #expect(disagreements == ["2070"])
        }
    }
}
