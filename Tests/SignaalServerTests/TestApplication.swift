import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalServer
import SignaalStore
import SignaalTesting

/// Builds the real application on a test database and runs `body` with a router test client.
func withTestApplication<Result: Sendable>(
    configuration: ServerConfiguration = ServerConfiguration(),
    _ body: @Sendable (any TestClientProtocol, TestDatabase) async throws -> Result
) async throws -> Result {
    try await withTestDatabase { database in
        let app = try await buildApplication(
            configuration: configuration,
            pool: database.pool,
            migrator: try Migrator(directory: TestPostgres.sqlDirectory),
            logger: .test
        )
        return try await app.test(.router) { client in try await body(client, database) }
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
