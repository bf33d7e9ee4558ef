/// Assigns a new signal to a recurring problem on arrival, between two full reclusterings: the nearest cluster
/// centre in the vector space of the last run, if the signal is at least as close to it as the cluster's least
/// typical member was. A signal that fits nothing stays unclustered until the next run.
public struct ClusterAssigner: Sendable {
    /// One cluster of the last run.
    public struct Cluster: Sendable {
        public let id: Int64
        public let centroid: SparseVector
        /// The lowest similarity of a member to the centre in the run that formed the cluster.
        public let admissionSimilarity: Float

        public init(id: Int64, centroid: SparseVector, admissionSimilarity: Float) {
            self.id = id
            self.centroid = centroid
            self.admissionSimilarity = admissionSimilarity
        }
    }

    public let vectorizer: TermVectorizer
    public let clusters: [Cluster]
    public let conceptWeight: Float
    /// The run the model comes from.
    public let runID: Int64

    public init(runID: Int64, vectorizer: TermVectorizer, clusters: [Cluster], conceptWeight: Float) {
        self.runID = runID
        self.vectorizer = vectorizer
        self.clusters = clusters
        self.conceptWeight = conceptWeight
    }

    /// The cluster a signal with these features belongs to and its similarity to the centre, or `nil`.
    public func assign(_ features: [String]) -> (clusterID: Int64, similarity: Float)? {
        let vector = self.vectorizer.vector(features: features, conceptWeight: self.conceptWeight)
        let best = self.clusters.map { ($0, vector.dot($0.centroid)) }.max { $0.1 < $1.1 }
        guard let (cluster, similarity) = best, similarity > 0, similarity >= cluster.admissionSimilarity else { return nil }
        return (cluster.id, similarity)
    }
}
