import Foundation
import Hummingbird
import HummingbirdTesting
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

@Suite struct SignalAPITests {
    static let valid = #"""
        {"description":"Budgetmeters sluiten af in de winter; gezinnen zitten zonder verwarming.","postcode":"3600",
         "themes":["energie-water"],"target_group":"gezinnen","frequency":"wekelijks","observed_on":"2026-11-02",
         "policy_level":"vlaams","suggestion":"Minimale levering","contact_email":"werker@caw.be"}
        """#

    @Test func aValidSignalIsCreatedWithIdAndTrackingCode() async throws {
        try await withTestApplication { client, database in
            try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: Self.valid)) {
                response in
                #expect(response.status == .created)
                let json = try jsonObject(response.body)
                let id = try #require(json["id"] as? Int)
                let code = try #require(json["tracking_code"] as? String)
                #expect(code.wholeMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}/) != nil)
                #expect(json["region"] as? String == "limburg")
                #expect(json["municipality"] as? String == "Genk")
                let rows = try await database.query("SELECT tracking_code FROM signaal.signals WHERE id = \(id)")
                #expect(try rows.first?.decode(String.self, at: 0) == code)
            }
        }
    }

    @Test func optionalFieldsMayBeNullAsTheDocumentSays() async throws {
        try await withTestApplication { client, _ in
            let body = #"""
                {"description": "Jongeren die 18 worden staan op straat zonder doorstroomwoning.", "postcode": "2000",
                 "themes": null, "target_group": null, "frequency": null, "observed_on": null, "policy_level": null,
                 "suggestion": null, "contact_email": null}
                """#
            let status = try await client.execute(
                uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)
            ) {
                $0.status
            }
            #expect(status == .created)
        }
    }

    @Test func malformedJSONIsA400ProblemDocument() async throws {
        try await withTestApplication { client, database in
            for body in [#"{"description": "#, "[1, 2]", "not json"] {
                try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) {
                    response in
                    #expect(response.status == .badRequest)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try jsonObject(response.body)
                    #expect(problem["status"] as? Int == 400)
                    #expect(problem["type"] as? String == "/problems/ongeldige-json")
                    #expect((problem["instance"] as? String)?.isEmpty == false)
                }
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }

    @Test func invalidFieldsAreA422NamingEachField() async throws {
        try await withTestApplication { client, database in
            let body =
                #"{"description":"","postcode":"7000","themes":["wonen","onbekend"],"observed_on":"gisteren","contact_email":"x","extra":1}"#
            try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try jsonObject(response.body)
                let errors = try #require(problem["errors"] as? [[String: String]])
                #expect(errors.map { $0["field"]! } == ["extra", "description", "postcode", "themes", "observed_on", "contact_email"])
                #expect(
                    errors.map { $0["code"]! } == [
                        "unknown_field", "required", "outside_area", "unknown_value", "invalid_format", "invalid_format",
                    ])
                #expect(errors.allSatisfy { !($0["detail"] ?? "").isEmpty })
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }

    @Test func otherMediaTypesAreRefused() async throws {
        try await withTestApplication { client, _ in
            try await client.execute(uri: "/api/v1/signals", method: .post, headers: formHeaders, body: ByteBuffer(string: "description=x"))
            { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func bodiesAreSizeLimited() async throws {
        try await withTestApplication { client, database in
            let body = #"{"description":""# + String(repeating: "a", count: 70_000) + #"","postcode":"9000"}"#
            try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .contentTooLarge)
                let problem = try jsonObject(response.body)
                #expect(problem["type"] as? String == "/problems/te-groot")
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }

    @Test func anSQLInjectionLookingDescriptionIsStoredVerbatim() async throws {
        let hostile = "x'); DROP TABLE signaal.signals; -- \\\" <script>"
        try await withTestApplication { client, database in
            let body = try JSONSerialization.data(withJSONObject: ["description": hostile, "postcode": "1000"])
            try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)) {
                response in
                #expect(response.status == .created)
            }
            let rows = try await database.query("SELECT description FROM analytics.signals")
            #expect(try rows.map { try $0.decode(String.self, at: 0) } == [hostile])
        }
    }

    @Test func unknownAPIPathsAnswerWithAProblemDocument() async throws {
        try await withTestApplication { client, _ in
            try await client.execute(uri: "/api/v1/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/problems/validatie", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("errors"))
            }
        }
    }

    /// Open to all, readiness says its status only; an operator (with the metrics token) also sees the details.
    @Test func healthAndReadiness() async throws {
        var configuration = ServerConfiguration()
        configuration.metricsToken = "operator-token-0123456789"
        try await withTestApplication(configuration: configuration) { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                let keys = try jsonObject(response.body).keys.sorted()
                #expect(keys == ["status"])
            }
            try await client.execute(uri: "/readyz", method: .get, headers: [.authorization: "Bearer operator-token-0123456789"]) {
                response in
                let json = try jsonObject(response.body)
                #expect(json["database"] as? String == "ok")
                #expect(json["migrations"] as? String == "current")
            }
        }
    }
}
