import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalServer
import SignaalStore
import SignaalTesting
import Synchronization
import Testing

/// Personal data typed into any free-text field never reaches a table, a log line or a page.
@Suite struct PersonalDataTests {
    static let personalData = ["90.02.01-997.04", "BE68 5390 0754 7034", "0471 23 45 67", "anke.verbeke@voorbeeld.be", "Anke Verbeke"]

    @Test func apiSubmissionsAreScrubbedBeforeTheyAreStoredOrLogged() async throws {
        let recorder = LogRecorder()
        let logger = Logger(label: "test") { _ in recorder }
        try await withTestDatabase { database in
            let app = try await buildApplication(
                configuration: ServerConfiguration().pinned, pool: database.pool,
                migrator: try Migrator(directory: TestPostgres.sqlDirectory), logger: logger)
            let body = try JSONSerialization.data(withJSONObject: [
                "description": "Mevrouw Anke Verbeke (RRN 90.02.01-997.04) kreeg geen huurpremie; bel 0471 23 45 67.",
                "postcode": "9000",
                "suggestion": "Stort het voorschot op BE68 5390 0754 7034 of mail anke.verbeke@voorbeeld.be",
                "target_group": "huurders zoals Anke Verbeke",
            ])
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)) {
                    response in
                    #expect(response.status == .created)
                    let json = try jsonObject(response.body)
                    let replaced = json["replaced_personal_data"] as? [[String: String]] ?? []
                    #expect(Set(replaced.compactMap { $0["type"] }) == ["NRN", "PHONE", "NAME", "IBAN", "EMAIL"])
                }
            }
            let stored = try await database.query(
                "SELECT description, suggestion, target_group FROM signaal.signals"
            ).map { try [$0.decode(String.self, at: 0), $0.decode(String.self, at: 1), $0.decode(String.self, at: 2)] }
            let text = stored.flatMap { $0 }.joined(separator: " ")
            #expect(text.contains("[NAAM]") && text.contains("[RIJKSREGISTERNUMMER]") && text.contains("[IBAN]"))
            for value in Self.personalData {
                #expect(!text.contains(value), "\(value) in the table")
                #expect(!recorder.lines.withLock { $0.joined(separator: "\n") }.contains(value), "\(value) in the log")
            }
        }
    }

    @Test func theReceiptShowsWhatWasReplacedAndTheFormComesBackScrubbed() async throws {
        try await withTestApplication { client, _ in
            let session = try await FormSession.open(client)
            let accepted = session.body([
                ("description", "Mevrouw Anke Verbeke kreeg een afsluiting; haar gsm is 0471 23 45 67."), ("postcode", "3600"),
            ])
            try await client.execute(uri: "/", method: .post, headers: session.headers, body: accepted) { response in
                #expect(response.status == .created)
                let page = page(response)
                #expect(page.contains("[NAAM]") && page.contains("[TELEFOON]"))
                #expect(page.contains("naam door [NAAM]"))
                #expect(!page.contains("Anke Verbeke") && !page.contains("0471 23 45 67"))
            }
            let second = try await FormSession.open(client)
            let refused = second.body([("description", "Bel Anke Verbeke op 0471 23 45 67"), ("postcode", "4000")])
            try await client.execute(uri: "/", method: .post, headers: second.headers, body: refused) { response in
                #expect(response.status == .unprocessableContent)
                let page = page(response)
                #expect(page.contains("Bel [NAAM] op [TELEFOON]"))
                #expect(!page.contains("0471 23 45 67"))
            }
        }
    }
}
