import Foundation

/// Where the database is: a libpq connection string passed through unchanged, or libpq's own defaults.
///
/// With no connection string, libpq reads `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSERVICE`,
/// `PGSSLMODE`, service files and `~/.pgpass` itself, so operators configure Signaal as they configure psql.
public struct DatabaseConfiguration: Sendable {
    /// A conninfo string (`host=… dbname=…`) or URI (`postgresql://…`); `nil` leaves everything to libpq.
    public var connectionString: String?
    /// Seconds libpq waits for a connection before giving up, unless the connection string says otherwise.
    /// Default: 5.
    public var connectTimeoutSeconds: Int
    /// The `application_name` the server shows in `pg_stat_activity`, unless the connection string sets one.
    /// Default: `signaal`.
    public var applicationName: String

    public init(connectionString: String?, connectTimeoutSeconds: Int = 5, applicationName: String = "signaal") {
        self.connectionString = connectionString
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.applicationName = applicationName
    }

    /// A human-readable account of the target for the start-up log, without password.
    public var redactedDescription: String {
        guard let connectionString else { return "libpq defaults (PG* environment variables, service files)" }
        return Self.redactingPassword(connectionString)
    }

    /// Calls `body` with the keyword and value arrays for `PQconnectdbParams` (expand_dbname = 1).
    ///
    /// Signaal's defaults come before `dbname`, so that anything the connection string sets overrides them.
    func withConnectionParameters<Result>(
        _ body: ([UnsafePointer<CChar>?], [UnsafePointer<CChar>?]) -> Result
    ) -> Result {
        var pairs: [(String, String?)] = [
            ("connect_timeout", String(self.connectTimeoutSeconds)),
            ("fallback_application_name", self.applicationName),
        ]
        if let connectionString { pairs.append(("dbname", connectionString)) }
        return pairs.map { $0.0 as String? }.withCStringArray { keywords in
            pairs.map(\.1).withCStringArray { values in
                body(keywords + [nil], values + [nil])
            }
        }
    }

    static func redactingPassword(_ text: String) -> String {
        var result = text
        // URI form: postgresql://user:secret@host/db
        if let scheme = result.range(of: "://"), let at = result[scheme.upperBound...].firstIndex(of: "@"),
            let colon = result[scheme.upperBound..<at].firstIndex(of: ":")
        {
            result.replaceSubrange(result.index(after: colon)..<at, with: "***")
        }
        // Keyword form: password=secret or password='se cret'
        if let range = result.range(of: "password=") {
            var end = range.upperBound
            if end < result.endIndex, result[end] == "'" {
                end =
                    result[result.index(after: end)...].firstIndex(of: "'").map { result.index(after: $0) }
                    ?? result.endIndex
            } else {
                end = result[end...].firstIndex(of: " ") ?? result.endIndex
            }
            result.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return result
    }
}
