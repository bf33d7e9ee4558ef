public import Logging
public import ServiceLifecycle
public import SignaalIntake

/// Looks at the active theme model every `pollInterval` and puts a newly activated one into the daemon's slot: a
/// model that `signaal themes train --from-database` activates is in use within a minute, without a restart, in
/// every daemon on the database.
public struct ThemeModelReloadService: Service {
    let models: ActiveThemeModel
    let slot: ThemeModelSlot
    let logger: Logger
    let pollInterval: Duration

    public init(models: ActiveThemeModel, slot: ThemeModelSlot, logger: Logger, pollInterval: Duration = .seconds(30)) {
        self.models = models
        self.slot = slot
        self.logger = logger
        self.pollInterval = pollInterval
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.pollInterval) }
            do {
                try await self.models.refresh(self.slot, logger: self.logger)
            } catch {
                self.logger.warning("Could not look for a new theme model; trying again later", metadata: ["error": "\(error)"])
            }
        }
    }
}
