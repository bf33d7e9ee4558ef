public import SignaalCluster

/// What a new signal brings into its own transaction besides itself: its themes as classified on arrival and,
/// between two reclusterings, the recurring problem it joins. Stored with the signal, so that a signal is never
/// visible without its classification and costs one round trip to the database.
public struct SignalArrival: Sendable {
    public let classification: ThemeClassification
    /// The nearest cluster under the assignment model of a run; joined only while that run is the latest finished.
    public let assignment: Assignment?

    /// A recurring problem proposed for the signal by the assignment model of `runID`.
    public struct Assignment: Sendable, Equatable {
        public let clusterID: Int64
        public let similarity: Float
        public let runID: Int64

        public init(clusterID: Int64, similarity: Float, runID: Int64) {
            self.clusterID = clusterID
            self.similarity = similarity
            self.runID = runID
        }
    }

    public init(classification: ThemeClassification, assignment: Assignment?) {
        self.classification = classification
        self.assignment = assignment
    }

    /// What the transaction found: whether the signal joined the proposed cluster, and the latest finished run,
    /// which tells the caller whether its assignment model is still current.
    public struct Recorded: Sendable, Equatable {
        public let joinedCluster: Bool
        public let latestFinishedRun: Int64?
    }
}
