import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import Prometheus
import SignaalApp
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// The moment every test lives in, 2026-11-25 10:00 UTC: no test depends on the day it runs.
let testNow = Date(timeIntervalSince1970: 1_795_600_800)

/// The application's clock in tests: pinned to ``testNow`` in Europe/Brussels.
let testClock = CalendarClock.fixed(testNow, timeZone: TimeZone(identifier: "Europe/Brussels")!)

/// The registry swift-metrics is bootstrapped with, once for the test process, as the executable does once.
let testMetricsRegistry: PrometheusCollectorRegistry = {
    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory.signaal(registry: registry))
    return registry
}()

extension ServerConfiguration {
    /// This configuration as tests run it: the clock pinned to ``testNow``, metrics in the test process's registry.
    var pinned: ServerConfiguration {
        var configuration = self
        configuration.now = { testNow }
        configuration.metricsRegistry = testMetricsRegistry
        return configuration
    }
}

/// Builds the real application on a test database and runs `body` with a router test client. The application
/// connects as the daemon does, as `signaal_app` (least privilege); `body`'s fixtures use the owner's pool. `.live`
/// runs it over real HTTP (then the configuration's port must be 0).
func withTestApplication<Result: Sendable>(
    configuration: ServerConfiguration = ServerConfiguration(),
    setup: TestingSetup = .router,
    logger: Logger = .test,
    _ body: @Sendable (any TestClientProtocol, TestDatabase) async throws -> Result
) async throws -> Result {
    try await withTestDatabase { database in
        try await ConnectionPool.withPool(database: database.appConfiguration, configuration: .init(maximumConnections: 4)) { pool in
            let app = try await buildApplication(
                configuration: configuration.pinned,
                pool: pool,
                migrator: try Migrator(directory: TestPostgres.sqlDirectory),
                logger: logger
            )
            return try await app.test(setup) { client in try await body(client, database) }
        }
    }
}

extension String {
    /// The string as an `application/x-www-form-urlencoded` value.
    var formEncoded: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return self.addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}

/// A form body from name/value pairs, names repeated for checkbox groups.
func formBody(_ pairs: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: pairs.map { "\($0.0)=\($0.1.formEncoded)" }.joined(separator: "&"))
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// The JSON object of a response body.
func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] ?? [:]
}

/// A browser's visit to the form: the page's token and the cookie that must come back with it.
struct FormSession {
    let token: String
    let cookie: String

    /// Opens the form like a browser and keeps its token and cookie.
    static func open(_ client: some TestClientProtocol) async throws -> FormSession {
        try await client.execute(uri: "/", method: .get) { response in
            let page = String(buffer: response.body)
            let token = try #require(page.firstMatch(of: /name="form_token" value="([0-9a-f]{64})"/)).1
            let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first)
            return FormSession(token: String(token), cookie: String(cookie))
        }
    }

    var headers: HTTPFields { [.contentType: "application/x-www-form-urlencoded", .cookie: self.cookie] }

    /// A form body with this session's token.
    func body(_ pairs: [(String, String)]) -> ByteBuffer {
        formBody(pairs + [("form_token", self.token)])
    }
}
