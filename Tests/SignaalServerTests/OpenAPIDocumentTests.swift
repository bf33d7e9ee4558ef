import Foundation
import Hummingbird
import HummingbirdTesting
import SignaalCore
import SignaalStore
import SignaalTesting
import Testing
import Yams

/// Keeps `/openapi.yaml` true: its schema is compared with the decoder's fields, the validation limits, the
/// vocabularies in the database and the answers the API really gives.
@Suite struct OpenAPIDocumentTests {
    func document(_ client: some TestClientProtocol) async throws -> [String: Any] {
        try await client.execute(uri: "/openapi.yaml", method: .get) { response in
            #expect(response.status == .ok)
            let yaml = try Yams.load(yaml: String(buffer: response.body)) as? [String: Any]
            return try #require(yaml)
        }
    }

    func schema(_ document: [String: Any], _ name: String) throws -> [String: Any] {
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        return try #require(schemas[name] as? [String: Any])
    }

    @Test func theSubmissionSchemaMatchesTheDecoderAndTheValidationRules() async throws {
        try await withTestApplication { client, database in
            let document = try await self.document(client)
            #expect(document["openapi"] as? String == "3.1.0")
            let submission = try self.schema(document, "SignalSubmission")
            let properties = try #require(submission["properties"] as? [String: [String: Any]])
            #expect(Set(properties.keys) == Set(SignalSubmission.Field.allCases.map(\.stringValue)))
            #expect(Set(submission["required"] as? [String] ?? []) == ["description", "postcode"])
            typealias Limits = SignalSubmission.Limits
            #expect(properties["description"]?["maxLength"] as? Int == Limits.descriptionMaximum)
            #expect(properties["description"]?["minLength"] as? Int == Limits.descriptionMinimum)
            #expect(properties["target_group"]?["maxLength"] as? Int == Limits.targetGroupMaximum)
            #expect(properties["frequency"]?["maxLength"] as? Int == Limits.frequencyMaximum)
            #expect(properties["suggestion"]?["maxLength"] as? Int == Limits.suggestionMaximum)
            #expect(properties["contact_email"]?["maxLength"] as? Int == Limits.contactEmailMaximum)
            #expect(properties["themes"]?["maxItems"] as? Int == Limits.themesMaximum)

            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let themeItems = try #require(properties["themes"]?["items"] as? [String: Any])
            #expect(themeItems["enum"] as? [String] == reference.themes.map(\.code))
            // null is listed too: an optional field may be absent or null.
            let levels = (properties["policy_level"]?["enum"] as? [Any])?.compactMap { $0 as? String }
            #expect(levels == reference.policyLevels.map(\.code))
            let receipt = try self.schema(document, "SignalReceipt")
            let receiptProperties = try #require(receipt["properties"] as? [String: [String: Any]])
            #expect(receiptProperties["region"]?["enum"] as? [String] == reference.regions.map(\.code))
        }
    }

    @Test func theAPIAnswersWithWhatTheDocumentPromises() async throws {
        try await withTestApplication { client, _ in
            let document = try await self.document(client)
            let paths = try #require(document["paths"] as? [String: Any])
            let post = try #require((paths["/api/v1/signals"] as? [String: Any])?["post"] as? [String: Any])
            let responses = try #require(post["responses"] as? [String: Any])
            #expect(Set(responses.keys) == ["201", "202", "400", "409", "413", "415", "422", "429", "503"])

            let receiptFields = Set(try self.schema(document, "SignalReceipt")["required"] as? [String] ?? [])
            let ambiguousPostcode = #"{"description":"Wachtlijst voor een sociale woning.","postcode":"1040"}"#
            for body in [SignalAPITests.valid, ambiguousPostcode] {
                try await client.execute(
                    uri: "/api/v1/signals", method: .post, headers: jsonHeaders,
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .created)
                    let keys = Set(try jsonObject(response.body).keys)
                    #expect(keys == receiptFields)
                }
            }
            let problem = try self.schema(document, "Problem")
            let errorItems = try #require(
                ((problem["properties"] as? [String: Any])?["errors"] as? [String: Any])?["items"] as? [String: Any])
            let codes = try #require((errorItems["properties"] as? [String: Any])?["code"] as? [String: Any])
            #expect(Set(codes["enum"] as? [String] ?? []) == Set(Self.allProblemCodes))
        }
    }

    static let allProblemCodes: [String] = [
        FieldProblem.Code.required, .tooLong, .tooShort, .invalidFormat, .unknownValue, .outsideArea, .inFuture, .tooOld,
        .tooMany, .unknownField, .invalidType,
    ].map(\.rawValue)
}
