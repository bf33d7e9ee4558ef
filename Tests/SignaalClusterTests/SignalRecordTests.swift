import Foundation
import SignaalCluster
import SignaalCore
import Testing

@Suite struct SignalRecordTests {
    func decode(_ json: String) throws -> SignalRecord {
        try JSONDecoder().decode(SignalRecord.self, from: Data(json.utf8))
    }

    @Test func aLineOfTheEvaluationFormatDecodes() throws {
        let record = try self.decode(#"{"id":"D001","text":"Budgetmeter leeg.","postcode":"9000","observed_on":"2026-10-01"}"#)
        #expect(record.id == "D001")
        #expect(record.regionCode == "oost-vlaanderen")
        #expect(record.observedOn == CalendarDate(iso8601: "2026-10-01"))
        #expect(record.submittedThemes.isEmpty)
        let numbered = try self.decode(#"{"id":7,"text":"x","themes":["wonen"]}"#)
        #expect(numbered.id == "7")
        #expect(numbered.submittedThemes == ["wonen"])
        #expect(numbered.postcode == nil)
    }

    @Test func badFieldsAreNamed() {
        #expect(throws: DecodingError.self) { try self.decode(#"{"id":"1","text":"x","postcode":"12"}"#) }
        #expect(throws: DecodingError.self) { try self.decode(#"{"id":"1","text":"x","observed_on":"1 oktober"}"#) }
        #expect(throws: DecodingError.self) { try self.decode(#"{"id":"1"}"#) }
    }

    @Test func postcodesMapToTheirPlatform() {
        #expect(Region.code(forPostcode: Postcode("1000")!) == "brussel")
        #expect(Region.code(forPostcode: Postcode("3000")!) == "vlaams-brabant")
        #expect(Region.code(forPostcode: Postcode("3500")!) == "limburg")
        #expect(Region.code(forPostcode: Postcode("8500")!) == "west-vlaanderen")
        #expect(Region.code(forPostcode: Postcode("4000")!) == nil)
    }
}
