import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignaalStore
import SignaalTesting
import Testing

/// What the API answers beyond its happy path: methods a path does not take, two key headers, the themes a signal
/// got, timestamps with their offset.
@Suite struct HTTPContractTests {
    @Test(arguments: [
        ("/api/v1/signals", "PUT", "POST"),
        ("/api/v1/signals/batch", "GET", "POST"),
        ("/", "DELETE", "GET, POST"),
        ("/briefs", "POST", "GET"),
    ])
    func aMethodThePathDoesNotTakeIsA405NamingTheOthers(_ path: String, _ methodName: String, _ allow: String) async throws {
        let method = try #require(HTTPRequest.Method(methodName))
        try await withTestApplication { client, _ in
            let (status, allowed, type, body) = try await client.execute(
                uri: path, method: method, headers: jsonHeaders, body: ByteBuffer(string: "{}")
            ) { ($0.status, $0.headers[.allow], $0.headers[.contentType], $0.body) }
            #expect(status == .methodNotAllowed)
            #expect(allowed == allow)
            if path.hasPrefix("/api/") {
                #expect(type == "application/problem+json")
                #expect(try jsonObject(body)["status"] as? Int == 405)
            }
            // An unknown path stays a 404.
            #expect(try await client.execute(uri: path + "/onbekend/pad", method: method) { $0.status } == .notFound)
        }
    }

    @Test func twoKeyHeadersMustNameTheSameKey() async throws {
        try await withTestApplication { client, database in
            let keys = APIKeyStore(pool: database.pool)
            let first = try await keys.create(platform: "limburg", organisation: "CAW Limburg", logger: .test).key
            let second = try await keys.create(platform: "limburg", organisation: "OCMW Genk", logger: .test).key
            func status(_ bearer: String, _ header: String) async throws -> HTTPResponse.Status {
                var headers: HTTPFields = [:]
                headers[.authorization] = "Bearer \(bearer)"
                headers[HTTPField.Name("X-API-Key")!] = header
                return try await client.execute(uri: "/api/v1/signals.json", method: .get, headers: headers) { $0.status }
            }
            #expect(try await status(first, first) == .ok)
            #expect(try await status(first, second) == .unauthorized)
            #expect(try await status(first, "sgn_onbekend") == .unauthorized)
        }
    }

    @Test func theReceiptListsTheThemesTheSignalGotAndWhoGaveThem() async throws {
        try await withTestApplication { client, _ in
            func themes(_ body: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) {
                    #expect($0.status == .created)
                    return try jsonObject($0.body)["themes"] as? [[String: Any]] ?? []
                }
            }
            let proposed = try await themes(
                #"{"description":"Budgetmeters sluiten af in de winter; gezinnen zitten zonder stroom en verwarming.","postcode":"9000"}"#)
            #expect(!proposed.isEmpty, "classified, though the submitter chose nothing")
            #expect(proposed.allSatisfy { $0["source"] as? String == "classifier" })
            #expect(proposed.first?["code"] as? String == "energie-water")
            let confidence = try #require(proposed.first?["confidence"] as? Double)
            #expect(confidence > 0 && confidence <= 1)
            let chosen = try await themes(
                #"{"description":"Jongeren van 18 staan op straat na de jeugdhulp.","postcode":"2000","themes":["wonen"]}"#)
            #expect(chosen.count == 1 && chosen[0]["code"] as? String == "wonen" && chosen[0]["source"] as? String == "submitter")
            #expect(chosen[0]["confidence"] as? Double == 1)
        }
    }

    @Test func timestampsCarryTheirOffset() async throws {
        try await withTestApplication { client, database in
            let receivedAt = try await client.execute(
                uri: "/api/v1/signals", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: #"{"description":"Budgetmeters sluiten af in de winter.","postcode":"9000"}"#)
            ) { try jsonObject($0.body)["received_at"] as? String }
            let rfc3339 = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/
            #expect(receivedAt?.wholeMatch(of: rfc3339) != nil, "\(receivedAt ?? "-")")

            let key = try await APIKeyStore(pool: database.pool).create(platform: "oost-vlaanderen", organisation: "CAW", logger: .test).key
            var headers: HTTPFields = [:]
            headers[.authorization] = "Bearer \(key)"
            let csv = try await client.execute(uri: "/api/v1/signals.csv", method: .get, headers: headers) { String(buffer: $0.body) }
            let row = try #require(csv.split(separator: "\r\n").dropFirst().first)
            let field = String(row.split(separator: ";")[1])
            #expect(field.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00/) != nil, "Brussels time with its offset: \(field)")
            let exported = try await client.execute(uri: "/api/v1/signals.json", method: .get, headers: headers) {
                try JSONSerialization.jsonObject(with: Data(String(buffer: $0.body).utf8)) as? [[String: Any]]
            }
            #expect(exported?.first?["received_at"] as? String == field)
        }
    }
}
