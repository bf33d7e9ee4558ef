import Logging
package import SignaalCluster
package import SignaalCore
package import SignaalStore
import Synchronization

/// Gives a new signal its themes and, between two reclusterings, its recurring problem — before it is stored, so
/// that both go into the signal's own transaction. The assignment model (vocabulary and cluster centres of the
/// latest run) is kept in memory; the insert reports the latest finished run, and when that is one the model
/// does not know (another daemon's, or the first), `settle` loads it and assigns the signal under it.
package final class ClusterArrival: Sendable {
    let store: ClusterStore
    let analyzer: SignalAnalyzer
    let classifier: ThemeClassifier
    let conceptWeight: Float
    private let assigner = Mutex<ClusterAssigner?>(nil)

    package init(store: ClusterStore, themeModel: ThemeModel, conceptWeight: Float) {
        self.store = store
        self.classifier = ThemeClassifier(model: themeModel)
        self.analyzer = themeModel.analyzer()
        self.conceptWeight = conceptWeight
    }

    /// Classifies a signal and proposes the nearest recurring problem of the model in memory: no database work.
    func prepare(description: String, submittedThemes: [String]) -> SignalArrival {
        let features = self.analyzer.features(description)
        let classification = self.classifier.classify(features, submitted: submittedThemes)
        let assignment = self.assigner.withLock { $0 }.flatMap { assigner in
            assigner.assign(features).map {
                SignalArrival.Assignment(clusterID: $0.clusterID, similarity: $0.similarity, runID: assigner.runID)
            }
        }
        return SignalArrival(classification: classification, assignment: assignment)
    }

    /// Classifies a signal that arrives late (from the spool): no recurring problem, the next recluster gives it one.
    @Sendable package func classify(_ signal: ValidatedSignal) -> ThemeClassification {
        self.classifier.classify(self.analyzer.features(signal.description), submitted: signal.themes.map(\.code))
    }

    /// After storing: when the signal's transaction saw a finished run the model in memory does not know, loads
    /// that run's model and assigns the signal under it. Failures are logged, never thrown: the signal is safe,
    /// and the next recluster clusters it anyway.
    func settle(_ receipt: SignalReceipt, description: String, logger: Logger) async {
        guard let recorded = receipt.arrival, let latest = recorded.latestFinishedRun,
            self.assigner.withLock({ $0?.runID }) != latest
        else { return }
        do {
            guard let loaded = try await self.store.assigner(conceptWeight: self.conceptWeight, logger: logger) else { return }
            self.assigner.withLock { current in
                if current == nil || current!.runID < loaded.runID { current = loaded }
            }
            logger.info("Assignment model loaded", metadata: ["cluster_run.id": "\(loaded.runID)", "clusters": "\(loaded.clusters.count)"])
            guard !recorded.joinedCluster, let (clusterID, similarity) = loaded.assign(self.analyzer.features(description)) else { return }
            try await self.store.recordAssignment(
                signalID: receipt.id, SignalArrival.Assignment(clusterID: clusterID, similarity: similarity, runID: loaded.runID),
                logger: logger)
        } catch {
            logger.warning(
                "Assignment on arrival failed; the next recluster catches up", metadata: ["signal.id": "\(receipt.id)", "error": "\(error)"])
        }
    }
}
