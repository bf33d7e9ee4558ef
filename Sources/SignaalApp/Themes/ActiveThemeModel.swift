public import Logging
public import SignaalCluster
public import SignaalIntake
public import SignaalStore

/// Which theme model a process classifies with: the active version in `signaal.theme_models`. The shipped model is
/// registered there first, so it has a version too and is the active one until a trained model is activated.
public struct ActiveThemeModel: Sendable {
    public let store: ThemeModelStore
    public let shipped: ThemeModel

    public init(store: ThemeModelStore, shipped: ThemeModel) {
        self.store = store
        self.shipped = shipped
    }

    /// Registers the shipped model and returns the active one, ready to use.
    public func load(logger: Logger) async throws -> ThemeModelSlot.Snapshot {
        let shippedVersion = try await self.store.registerShipped(
            self.shipped, json: ThemeClassifier.standardModelJSON(), logger: logger)
        guard let active = try await self.store.activeVersion(logger: logger), active.version != shippedVersion,
            let model = try await self.store.model(version: active.version, logger: logger)
        else {
            return ThemeModelSlot.Snapshot(model: self.shipped, version: shippedVersion)
        }
        return ThemeModelSlot.Snapshot(model: model, version: active.version)
    }

    /// The active model of the database behind `pool`, in a slot of its own: what the commands classify with.
    public static func slot(on pool: ConnectionPool, logger: Logger) async throws -> ThemeModelSlot {
        let snapshot = try await ActiveThemeModel(store: ThemeModelStore(pool: pool), shipped: try ThemeClassifier.standardModel())
            .load(logger: logger)
        return ThemeModelSlot(model: snapshot.model, version: snapshot.version)
    }

    /// Puts the active model into `slot` when it is another version than the slot's; returns the new version, or
    /// `nil` when nothing changed.
    @discardableResult
    public func refresh(_ slot: ThemeModelSlot, logger: Logger) async throws -> Int64? {
        guard let active = try await self.store.activeVersion(logger: logger), active.version != slot.snapshot.version,
            let model = try await self.store.model(version: active.version, logger: logger)
        else { return nil }
        slot.replace(with: ThemeModelSlot.Snapshot(model: model, version: active.version))
        logger.info("Theme model activated", metadata: ["theme_model.version": "\(active.version)"])
        return active.version
    }
}
