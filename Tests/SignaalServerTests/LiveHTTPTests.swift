import Hummingbird
import HummingbirdTesting
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// The same flows over a real HTTP connection on loopback, through the server's own HTTP stack.
@Suite struct LiveHTTPTests {
    @Test func theFormRoundTripAndTheBodyLimitHoldOverRealHTTP() async throws {
        try await withTestDatabase { database in
            let app = try await buildApplication(
                configuration: ServerConfiguration(port: 0).pinned, pool: database.pool,
                migrator: try Migrator(directory: TestPostgres.sqlDirectory), logger: .test)
            try await app.test(.live) { client in
                let session = try await FormSession.open(client)
                let body = session.body([("description", "Wachtlijst voor een sociale woning is acht jaar."), ("postcode", "2000")])
                try await client.execute(uri: "/", method: .post, headers: session.headers, body: body) { response in
                    #expect(response.status == .created)
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                }
                let large = ByteBuffer(string: #"{"description":""# + String(repeating: "x", count: 100_000) + #"","postcode":"9000"}"#)
                try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: large) { response in
                    #expect(response.status == .contentTooLarge)
                }
            }
            #expect(try await database.count("signaal.signals") == 1)
        }
    }
}
