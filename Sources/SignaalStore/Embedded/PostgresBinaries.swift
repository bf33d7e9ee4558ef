import Foundation

/// The PostgreSQL server programs the embedded cluster needs: `initdb`, `pg_ctl` (which starts `postgres`).
package struct PostgresBinaries: Sendable {
    let initdb: String
    let pgCtl: String

    /// Looks on `PATH`, then in the usual install folders (``installFolders()``).
    ///
    /// - Throws: ``EmbeddedPostgresError/binariesNotFound`` when no folder has both programs.
    package static func locate(path: String?, installFolders: [String] = Self.installFolders()) throws -> PostgresBinaries {
        let fileManager = FileManager.default
        let candidates = (path ?? "").split(separator: ":").map(String.init) + installFolders
        for directory in candidates {
            let initdb = directory + "/initdb"
            let pgCtl = directory + "/pg_ctl"
            if fileManager.isExecutableFile(atPath: initdb), fileManager.isExecutableFile(atPath: pgCtl) {
                return PostgresBinaries(initdb: initdb, pgCtl: pgCtl)
            }
        }
        throw EmbeddedPostgresError.binariesNotFound
    }

    /// Debian's `/usr/lib/postgresql/<version>/bin` (newest first), then `/usr/local/pgsql/bin`.
    package static func installFolders() -> [String] {
        let debian = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        return versions.map { "\(debian)/\($0)/bin" } + ["/usr/local/pgsql/bin"]
    }
}
