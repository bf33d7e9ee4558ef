import Foundation
import SignaalCore
import Testing

@Suite struct SignalSubmissionDecodingTests {
    func decode(_ json: String) throws -> SignalSubmission {
        try JSONDecoder().decode(SignalSubmission.self, from: Data(json.utf8))
    }

    @Test func readsTheSnakeCaseFields() throws {
        let submission = try self.decode(
            #"{"description":"d","postcode":"9000","themes":["wonen"],"target_group":"t","frequency":"f","observed_on":"2026-11-02","policy_level":"lokaal","suggestion":"s","contact_email":"e@x.be"}"#
        )
        #expect(submission.targetGroup == "t")
        #expect(submission.observedOn == "2026-11-02")
        #expect(submission.policyLevel == "lokaal")
        #expect(submission.contactEmail == "e@x.be")
        #expect(submission.decodingProblems.isEmpty)
    }

    @Test func wrongTypesAndUnknownMembersBecomeFieldProblems() throws {
        let submission = try self.decode(#"{"description":42,"themes":"wonen","desciption":"typo","postcode":9000}"#)
        #expect(
            Set(submission.decodingProblems) == [
                FieldProblem(field: "description", code: .invalidType),
                FieldProblem(field: "themes", code: .invalidType),
                FieldProblem(field: "desciption", code: .unknownField),
            ])
        #expect(submission.postcode == "9000")  // spreadsheets send postcodes as numbers
    }

    @Test func nullMeansAbsent() throws {
        let submission = try self.decode(#"{"description":"d","postcode":"9000","suggestion":null,"themes":null}"#)
        #expect(submission.suggestion == nil)
        #expect(submission.themes.isEmpty)
        #expect(submission.decodingProblems.isEmpty)
    }

    @Test func aBodyThatIsNotAnObjectFailsToDecode() {
        #expect(throws: DecodingError.self) { try self.decode(#"["description"]"#) }
    }
}
