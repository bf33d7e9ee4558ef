import Foundation
public import Logging
import Synchronization

/// A private PostgreSQL cluster run with the system's `initdb` and `pg_ctl`, for `serve` without a configured
/// database and for the tests.
///
/// The cluster lives in one folder (`data/`, the socket folder `run/`, `server.log`) and listens on a unix socket
/// only, so it never clashes with another server's port. PostgreSQL refuses to run as root: as root, every command
/// runs as the `postgres` system user, which is created when missing. The server is started in its own session so
/// that a Ctrl-C meant for Signaal does not stop the database under it; ``stop(logger:)`` stops it.
public final class EmbeddedPostgres: Sendable {
    /// Where and how the cluster runs.
    public struct Configuration: Sendable {
        /// The cluster's folder, created when missing. `serve` uses `<data-dir>/postgres`.
        public var directory: String
        /// The database created for Signaal. Default: `signaal`.
        public var databaseName: String
        /// Trade durability for speed (no fsync) and allow 400 sessions: for throwaway test clusters only. Default: false.
        public var isThrowaway: Bool

        public init(directory: String, databaseName: String = "signaal", isThrowaway: Bool = false) {
            self.directory = directory
            self.databaseName = databaseName
            self.isThrowaway = isThrowaway
        }
    }

    public let configuration: Configuration
    private let binaries: PostgresBinaries
    private let serverUser: ServerUser?
    private let runner: CommandRunner
    /// The folder of the unix socket (short, since a socket path may not exceed 107 bytes).
    public let socketDirectory: String
    /// The port number in the socket's name; the server opens no TCP port.
    public let port = 5432
    /// Whether ``start(logger:)`` started the server, rather than finding it running.
    private let started = Mutex(false)

    /// Whether this launcher started the server (and so may stop it): a process that found the cluster running —
    /// a command beside `serve` — uses it and leaves it running.
    public var startedByThisLauncher: Bool { self.started.withLock { $0 } }

    /// Prepares a launcher; nothing runs until ``start(logger:)``.
    ///
    /// - Parameter searchPath: The `PATH` to look for `initdb` and `pg_ctl` in before the usual install folders.
    /// - Throws: ``EmbeddedPostgresError/binariesNotFound`` when PostgreSQL's server programs are not installed.
    public init(configuration: Configuration, searchPath: String?) throws {
        let directory = URL(fileURLWithPath: configuration.directory).standardizedFileURL.path
        var configuration = configuration
        configuration.directory = directory
        self.configuration = configuration
        self.binaries = try PostgresBinaries.locate(path: searchPath)
        self.serverUser = geteuid() == 0 ? ServerUser(name: "postgres") : nil
        self.runner = CommandRunner(outputFile: directory + "/launcher.log")
        let socketDirectory = directory + "/run"
        self.socketDirectory =
            socketDirectory.utf8.count + "/.s.PGSQL.5432".utf8.count < 100
            ? socketDirectory : "/tmp/signaal-\(Self.shortHash(directory))"
    }

    /// How to reach the database over the socket: as its superuser, or as `user` (the socket trusts every role that
    /// may log in).
    public func databaseConfiguration(database: String? = nil, user: String = "postgres") -> DatabaseConfiguration {
        DatabaseConfiguration(
            connectionString:
                "host='\(self.socketDirectory)' port=\(self.port) user=\(user) dbname='\(database ?? self.configuration.databaseName)'"
        )
    }

    /// Creates the cluster if needed, starts it (or finds it running) and creates the database.
    ///
    /// - Returns: How to connect to Signaal's database.
    @discardableResult
    public func start(logger: Logger) async throws -> DatabaseConfiguration {
        let fileManager = FileManager.default
        let directory = self.configuration.directory
        let dataDirectory = directory + "/data"
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: self.socketDirectory, withIntermediateDirectories: true)
        if let serverUser {
            try await serverUser.prepare(runner: self.runner, directory: directory)
            try serverUser.takeOwnership(of: [directory, self.socketDirectory])
            guard try await self.run(["/usr/bin/test", "-w", directory]).status == 0 else {
                throw EmbeddedPostgresError.unreachableByServerUser(directory: directory, user: serverUser.name)
            }
        }
        if !fileManager.fileExists(atPath: dataDirectory + "/PG_VERSION") {
            logger.info("Creating the embedded PostgreSQL cluster", metadata: ["db.embedded.directory": "\(directory)"])
            try await self.check([
                self.binaries.initdb, "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", "-N",
            ])
        }
        if try await self.run([self.binaries.pgCtl, "-D", dataDirectory, "status"]).status == 0 {
            logger.warning("The embedded PostgreSQL was already running: using it", metadata: ["db.embedded.directory": "\(directory)"])
        } else {
            var options = "-k '\(self.socketDirectory)' -p \(self.port) -c listen_addresses=''"
            if self.configuration.isThrowaway {
                // Tests run in parallel, each with pools of its own: room for more sessions than the default 100.
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"
            }
            try await self.check([
                "/usr/bin/setsid", "--wait", self.binaries.pgCtl, "-D", dataDirectory, "-l", directory + "/server.log",
                "-w", "-t", "60", "-o", options, "start",
            ])
            self.started.withLock { $0 = true }
        }
        try await self.createDatabase(self.configuration.databaseName, logger: logger)
        logger.info("Embedded PostgreSQL is running", metadata: ["db.embedded.socket": "\(self.socketDirectory)"])
        return self.databaseConfiguration()
    }

    /// Stops the server (fast shutdown: open sessions are ended, committed data is safe).
    public func stop(logger: Logger) async throws {
        try await self.check([self.binaries.pgCtl, "-D", self.configuration.directory + "/data", "-m", "fast", "-w", "stop"])
        logger.info("Embedded PostgreSQL stopped")
    }

    /// Stops the server at once without `async`, for exit handlers and `defer`s of tests. It waits on the calling
    /// thread only: it never waits for a task, so it cannot starve Swift's cooperative threads when several run it.
    public func stopBlocking() {
        let arguments = self.asServerUser([self.binaries.pgCtl, "-D", self.configuration.directory + "/data", "-m", "immediate", "stop"])
        _ = try? self.runner.runBlocking(arguments, in: self.configuration.directory)
    }

    /// Creates `name` unless it exists. Names are restricted to lower-case letters, digits and `_`.
    public func createDatabase(_ name: String, template: String? = nil, logger: Logger) async throws {
        precondition(
            Self.isPlainIdentifier(name) && (template.map(Self.isPlainIdentifier) ?? true),
            "database names are plain identifiers")
        try await ConnectionPool.withPool(
            database: self.databaseConfiguration(database: "postgres"),
            configuration: .init(maximumConnections: 1)
        ) { pool in
            try await pool.withConnection(logger: logger) { connection in
                let exists = try connection.query("SELECT 1 FROM pg_database WHERE datname = \(name)")
                guard exists.isEmpty else { return }
                try connection.execute(unsafeSQL: "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
            }
        }
    }

    /// Drops `name` if it exists, ending its sessions.
    public func dropDatabase(_ name: String, logger: Logger) async throws {
        precondition(Self.isPlainIdentifier(name), "database names are plain identifiers")
        try await ConnectionPool.withPool(
            database: self.databaseConfiguration(database: "postgres"),
            configuration: .init(maximumConnections: 1)
        ) { pool in
            try await pool.withConnection(logger: logger) { connection in
                try connection.execute(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
    }

    private func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await self.runner.run(self.asServerUser(arguments), in: self.configuration.directory)
    }

    private func check(_ arguments: [String]) async throws {
        try await self.runner.check(self.asServerUser(arguments), in: self.configuration.directory)
    }

    private func asServerUser(_ arguments: [String]) -> [String] {
        guard let serverUser else { return arguments }
        return serverUser.wrap(arguments)
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.count < 64 && name.first!.isLetter
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
