public import SignaalCluster
public import SignaalCore

/// What intake makes of a submission: the signal cleaned, scrubbed, checked and located, its themes as the
/// classifier sees them, and — between two reclusterings — the recurring problem it seems to belong to.
public struct PreparedSignal: Sendable {
    public let signal: ValidatedSignal
    public let classification: ThemeClassification
    /// The recurring problem proposed by the assignment model in use; `nil` without a model or when none is near.
    public let proposedCluster: ClusterProposal?

    public init(signal: ValidatedSignal, classification: ThemeClassification, proposedCluster: ClusterProposal?) {
        self.signal = signal
        self.classification = classification
        self.proposedCluster = proposedCluster
    }

    /// A recurring problem of run `runID` proposed for the signal; it joins only while that run is the latest
    /// finished one.
    public struct ClusterProposal: Sendable, Equatable {
        public let clusterID: Int64
        public let similarity: Float
        public let runID: Int64

        public init(clusterID: Int64, similarity: Float, runID: Int64) {
            self.clusterID = clusterID
            self.similarity = similarity
            self.runID = runID
        }
    }
}
