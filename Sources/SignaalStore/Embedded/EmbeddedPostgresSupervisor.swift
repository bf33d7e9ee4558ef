public import Logging
public import ServiceLifecycle

/// Keeps `serve`'s embedded PostgreSQL running: looks every second whether the server answers on its socket, and
/// when it does not (killed, crashed) starts it again, retrying each second until it runs.
///
/// It asks the socket rather than the process id: a killed postmaster can linger as a zombie when Signaal is the
/// first process of a container, and its pid would then look alive.
public struct EmbeddedPostgresSupervisor: Service {
    let cluster: EmbeddedPostgres
    let logger: Logger
    /// The pause between looks. Default: 1 s.
    let interval: Duration

    public init(cluster: EmbeddedPostgres, logger: Logger, interval: Duration = .seconds(1)) {
        self.cluster = cluster
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        let database = self.cluster.databaseConfiguration(database: "postgres")
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            } catch {
                return
            }
            guard !Task.isShuttingDownGracefully, !database.serverAnswers() else { continue }
            self.logger.warning(
                "The embedded PostgreSQL stopped: starting it again",
                metadata: ["db.embedded.directory": "\(self.cluster.configuration.directory)"])
            do {
                try await self.cluster.start(logger: self.logger)
            } catch {
                self.logger.error("Could not start the embedded PostgreSQL again; retrying", metadata: ["error": "\(error)"])
            }
        }
    }
}
