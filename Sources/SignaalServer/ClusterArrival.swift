import Logging
import SignaalCluster
import SignaalStore
import Synchronization

/// Gives a stored signal its themes and, between two reclusterings, its recurring problem — on arrival, within
/// milliseconds. The assignment model (vocabulary and cluster centres of the latest run) is cached and reloaded
/// when another run has finished, whichever daemon ran it.
final class ClusterArrival: Sendable {
    let store: ClusterStore
    let analyzer: SignalAnalyzer
    let classifier: ThemeClassifier
    let conceptWeight: Float
    private let assigner = Mutex<ClusterAssigner?>(nil)

    init(store: ClusterStore, themeModel: ThemeModel, conceptWeight: Float) {
        self.store = store
        self.classifier = ThemeClassifier(model: themeModel)
        self.analyzer = themeModel.analyzer()
        self.conceptWeight = conceptWeight
    }

    /// Classifies and assigns a stored signal. Failures are logged, never thrown: the signal is safe, and the next
    /// recluster classifies and clusters it anyway.
    func arrive(signalID: Int64, description: String, submittedThemes: [String], logger: Logger) async {
        do {
            let started = ContinuousClock.now
            let features = self.analyzer.features(description)
            let classification = self.classifier.classify(features, submitted: submittedThemes)
            let assignment = try await self.currentAssigner(logger: logger)?.assign(features)
            try await self.store.recordArrival(
                signalID: signalID, classification: classification, assignment: assignment, logger: logger)
            logger.debug(
                "Signal classified on arrival",
                metadata: [
                    "signal.id": "\(signalID)", "signal.theme": "\(classification.themes.first?.code ?? "-")",
                    "signal.needs_review": "\(classification.needsReview)",
                    "signal.cluster_id": "\(assignment.map { String($0.clusterID) } ?? "-")",
                    "duration": "\(ContinuousClock.now - started)",
                ])
        } catch {
            logger.warning("Classification on arrival failed; the next recluster catches up", metadata: ["signal.id": "\(signalID)", "error": "\(error)"])
        }
    }

    private func currentAssigner(logger: Logger) async throws -> ClusterAssigner? {
        let latest = try await self.store.latestFinishedRunID(logger: logger)
        if let cached = self.assigner.withLock({ $0 }), cached.runID == latest { return cached }
        guard latest != nil else { return nil }
        let loaded = try await self.store.assigner(conceptWeight: self.conceptWeight, logger: logger)
        self.assigner.withLock { $0 = loaded }
        return loaded
    }
}
