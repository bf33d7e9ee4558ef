import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignaalTesting
import Testing

@Suite struct IdempotencyTests {
    func headers(key: String) -> HTTPFields {
        [.contentType: "application/json", HTTPField.Name("Idempotency-Key")!: key]
    }

    @Test func aRetryWithTheSameKeyAndBodyGetsTheOriginalAnswerAndCreatesNothing() async throws {
        try await withTestApplication { client, database in
            var answers: [NSDictionary] = []
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/api/v1/signals", method: .post, headers: self.headers(key: "b7e0c2f4-retry"),
                    body: ByteBuffer(string: SignalAPITests.valid)
                ) { response in
                    #expect(response.status == .created)
                    answers.append(try jsonObject(response.body) as NSDictionary)  // compared as JSON, nested values too
                }
            }
            #expect(answers[0].isEqual(answers[1]))
            #expect(try await database.count("signaal.signals") == 1)
            #expect(try await database.count("signaal.idempotency_keys") == 1)
        }
    }

    @Test func theSameKeyWithAnotherBodyIsA409() async throws {
        try await withTestApplication { client, database in
            try await client.execute(
                uri: "/api/v1/signals", method: .post, headers: self.headers(key: "k-1"),
                body: ByteBuffer(string: SignalAPITests.valid)
            ) { response in
                #expect(response.status == .created)
            }
            let other = #"{"description":"Een ander signaal over de wachtlijsten.","postcode":"9000"}"#
            try await client.execute(
                uri: "/api/v1/signals", method: .post, headers: self.headers(key: "k-1"),
                body: ByteBuffer(string: other)
            ) { response in
                #expect(response.status == .conflict)
                let problem = try jsonObject(response.body)
                #expect(problem["type"] as? String == "/problems/idempotentie")
            }
            #expect(try await database.count("signaal.signals") == 1)
        }
    }

    @Test func concurrentRetriesStoreOneSignal() async throws {
        try await withTestApplication { client, database in
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/signals", method: .post, headers: self.headers(key: "race"),
                            body: ByteBuffer(string: SignalAPITests.valid)
                        ) { response in
                            try jsonObject(response.body)["tracking_code"] as? String ?? "missing"
                        }
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(codes.count == 1)
            #expect(try await database.count("signaal.signals") == 1)
        }
    }

    @Test(arguments: ["", String(repeating: "x", count: 256), "met spatie", "é"])
    func malformedKeysAreRefused(_ key: String) async throws {
        try await withTestApplication { client, database in
            try await client.execute(
                uri: "/api/v1/signals", method: .post, headers: self.headers(key: key),
                body: ByteBuffer(string: SignalAPITests.valid)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try jsonObject(response.body)
                let errors = problem["errors"] as? [[String: String]]
                #expect(errors?.first?["field"] == "Idempotency-Key")
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }
}
