import Foundation
import Hummingbird
import HummingbirdTesting
import SignaalServer
import SignaalTesting
import Testing

@Suite struct MetricsTests {
    @Test func metricsAreInPrometheusTextFormat() async throws {
        var configuration = ServerConfiguration()
        configuration.metricsToken = "operator-token-0123456789"
        try await withTestApplication(configuration: configuration) { client, _ in
            let body = #"{"description":"Mevrouw Peeters zit zonder stroom, budgetmeter leeg, bel 0470 12 34 56.","postcode":"9000"}"#
            try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) {
                #expect($0.status == .created)
            }
            #expect(try await client.execute(uri: "/metrics", method: .get) { $0.status } == .notFound, "not without the token")
            let (status, type, text) = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer operator-token-0123456789"]
            ) {
                ($0.status, $0.headers[.contentType], String(buffer: $0.body))
            }
            #expect(status == .ok && type?.hasPrefix("text/plain; version=0.0.4") == true)
            for expected in [
                #"signaal_signals_accepted_total{channel="api"}"#, #"signaal_scrubber_replacements_total{type="PHONE"}"#,
                "# TYPE hb_requests counter", #"http_route="/api/v1/signals""#, "http_server_request_duration_bucket",
                "signaal_spool_depth", #"signaal_pool_connections{state="open"}"#,
            ] {
                #expect(text.contains(expected), "\(expected)")
            }
            // The whole number: its first digits may well appear in a duration ("0.0470…").
            #expect(!text.contains("Peeters") && !text.contains("0470 12 34 56"), "no signal text in metrics")
        }
    }
}
