import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignaalServer
import SignaalTesting
import Testing

@Suite struct AbuseProtectionTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withTestApplication { client, _ in
            for uri in ["/", "/api/v1/nope", "/openapi.yaml"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("frame-ancestors 'none'"))
                    #expect(!policy.contains("unsafe-inline"))
                    #expect(policy.contains("default-src 'none'"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                }
            }
        }
    }

    @Test func submissionsOverTheRateLimitGet429WithRetryAfter() async throws {
        try await withTestApplication(configuration: .init(rateLimitPerMinute: 2)) { client, database in
            for expected in [HTTPResponse.Status.created, .created, .tooManyRequests] {
                try await client.execute(
                    uri: "/api/v1/signals", method: .post, headers: jsonHeaders,
                    body: ByteBuffer(string: SignalAPITests.valid)
                ) { response in
                    #expect(response.status == expected)
                    if expected == .tooManyRequests {
                        #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
                        #expect(response.headers[.contentType] == "application/problem+json")
                    }
                }
            }
            try await client.execute(uri: "/", method: .post, headers: formHeaders, body: formBody([("postcode", "9000")])) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)  // reading the form is never limited
            }
            #expect(try await database.count("signaal.signals") == 2)
        }
    }
}
