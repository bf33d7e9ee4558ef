import Foundation
public import Logging
public import SignaalCluster
import SignaalCore
public import SignaalIntake
public import SignaalStore

/// One full recluster: reads the run's signals and the coordinators' curation, analyses them (themes, recurring
/// problems, emerging ones) on a thread of its own so the server's threads stay free, and writes the outcome with
/// stable cluster identities: a curated problem keeps its code, and each other new cluster continues the old one it
/// shares most members with (``ClusterIdentityMatcher``).
public struct Reclustering: Sendable {
    public let store: ClusterStore
    /// The theme model each run classifies and analyses with (the one in use when the run starts).
    public let themeModels: ThemeModelSlot
    public let parameters: RecurringProblemClusterer.Parameters

    public init(store: ClusterStore, themeModel: ThemeModel, parameters: RecurringProblemClusterer.Parameters = .init()) {
        self.init(store: store, themeModels: ThemeModelSlot(model: themeModel), parameters: parameters)
    }

    public init(store: ClusterStore, themeModels: ThemeModelSlot, parameters: RecurringProblemClusterer.Parameters = .init()) {
        self.store = store
        self.themeModels = themeModels
        self.parameters = parameters
    }

    /// Claims queued runs one after the other and carries them out; returns how many it finished.
    @discardableResult
    public func runQueued(logger: Logger) async throws -> Int {
        var finished = 0
        while let run = try await self.store.claimRun(logger: logger) {
            try await self.carryOut(run, logger: logger)
            finished += 1
        }
        return finished
    }

    /// Carries out a claimed run; a failure is recorded on the run and rethrown.
    public func carryOut(_ run: ClusterStore.ClaimedRun, logger: Logger) async throws {
        let started = ContinuousClock.now
        do {
            let records = try await self.store.records(asOf: run.asOf, logger: logger)
            let curation = try await self.store.curation(logger: logger)
            let model = self.themeModels.snapshot
            let analysis = ProblemAnalysis(parameters: self.parameters, themeModel: model.model, themeModelVersion: model.version)
            let outcome = await withCheckedContinuation { continuation in
                Thread.detachNewThread { continuation.resume(returning: analysis.analyse(records, asOf: run.asOf, curation: curation)) }
            }
            let (problems, curated) = (outcome.problems.map(\.members), outcome.curatedCodes)
            try await self.store.finish(
                run, outcome: outcome, parameters: self.parameters,
                continuing: { old in
                    ClusterIdentityMatcher().match(old: old.map { ($0.code, $0.members) }, new: problems, curated: curated)
                },
                logger: logger)
            SignaalMetrics.job("recluster", succeeded: true, duration: ContinuousClock.now - started)
            logger.info(
                "Recluster finished",
                metadata: [
                    "run.id": "\(run.id)", "run.trigger": "\(run.trigger.rawValue)", "run.as_of": "\(run.asOf)",
                    "run.signals": "\(records.count)", "run.clusters": "\(outcome.problems.count)",
                    "run.emerging": "\(outcome.problems.filter(\.emerging).count)",
                    "run.duration": "\(ContinuousClock.now - started)",
                ])
        } catch {
            logger.error("Recluster failed", metadata: ["run.id": "\(run.id)", "error": "\(error)"])
            SignaalMetrics.job("recluster", succeeded: false, duration: ContinuousClock.now - started)
            try? await self.store.fail(run, reason: "\(error)", logger: logger)
            throw error
        }
    }
}
