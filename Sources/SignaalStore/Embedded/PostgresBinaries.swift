import Foundation

/// The PostgreSQL server programs the embedded cluster needs: `initdb`, `pg_ctl` (which starts `postgres`).
struct PostgresBinaries: Sendable {
    let initdb: String
    let pgCtl: String

    /// Looks on `PATH`, then in Debian's `/usr/lib/postgresql/<version>/bin` (newest first), then in
    /// `/usr/local/pgsql/bin`.
    static func locate(path: String?) throws -> PostgresBinaries {
        let fileManager = FileManager.default
        var candidates = (path ?? "").split(separator: ":").map(String.init)
        let debian = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: debian)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        candidates += versions.map { "\(debian)/\($0)/bin" }
        candidates.append("/usr/local/pgsql/bin")
        for directory in candidates {
            let initdb = directory + "/initdb"
            let pgCtl = directory + "/pg_ctl"
            if fileManager.isExecutableFile(atPath: initdb), fileManager.isExecutableFile(atPath: pgCtl) {
                return PostgresBinaries(initdb: initdb, pgCtl: pgCtl)
            }
        }
        throw EmbeddedPostgresError.binariesNotFound
    }
}
