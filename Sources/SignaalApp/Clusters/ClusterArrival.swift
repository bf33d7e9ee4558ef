import Logging
public import SignaalCluster
public import SignaalIntake
public import SignaalStore
import Synchronization

/// The recurring problems a new signal may join between two reclusterings: keeps the assignment model of the
/// latest run (vocabulary and cluster centres) in memory for intake to propose from, and settles a stored signal
/// whose transaction saw a finished run the model does not know (another daemon's, or the first): it loads that
/// run's model and assigns the signal under it.
public final class ClusterArrival: Sendable {
    let store: ClusterStore
    let intake: SignalIntake
    let conceptWeight: Float
    private let model = Mutex<ClusterAssigner?>(nil)

    public init(store: ClusterStore, intake: SignalIntake, conceptWeight: Float) {
        self.store = store
        self.intake = intake
        self.conceptWeight = conceptWeight
    }

    /// The assignment model in memory, if one was loaded.
    public var current: ClusterAssigner? { self.model.withLock { $0 } }

    /// After storing: when the signal's transaction saw a finished run the model in memory does not know, loads
    /// that run's model and assigns the signal under it. Failures are logged, never thrown: the signal is safe,
    /// and the next recluster clusters it anyway.
    func settle(_ receipt: SignalReceipt, _ prepared: PreparedSignal, logger: Logger) async {
        guard let recorded = receipt.arrival, let latest = recorded.latestFinishedRun, self.current?.runID != latest else { return }
        do {
            guard let loaded = try await self.store.assigner(conceptWeight: self.conceptWeight, logger: logger) else { return }
            self.model.withLock { current in
                if current == nil || current!.runID < loaded.runID { current = loaded }
            }
            logger.info("Assignment model loaded", metadata: ["cluster_run.id": "\(loaded.runID)", "clusters": "\(loaded.clusters.count)"])
            guard !recorded.joinedCluster,
                let proposal = self.intake.prepare(accepted: prepared.signal, clusters: loaded).proposedCluster
            else { return }
            try await self.store.recordAssignment(signalID: receipt.id, proposal, logger: logger)
        } catch {
            logger.warning(
                "Assignment on arrival failed; the next recluster catches up",
                metadata: ["signal.id": "\(receipt.id)", "error": "\(error)"])
        }
    }
}
