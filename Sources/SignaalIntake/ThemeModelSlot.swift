public import SignaalCluster
import Synchronization

/// The theme model a process classifies with now, replaceable while it runs: the daemon puts a newly activated model
/// in without a restart, and every caller takes one consistent snapshot (classifier and analyzer of the same model)
/// per piece of work.
public final class ThemeModelSlot: Sendable {
    /// One model ready to use: its classifier and the analyzer that numbers features the way it does.
    public struct Snapshot: Sendable {
        public let classifier: ThemeClassifier
        public let analyzer: SignalAnalyzer

        public init(model: ThemeModel, version: Int64?) {
            self.classifier = ThemeClassifier(model: model, version: version)
            self.analyzer = self.classifier.analyzer()
        }

        public var version: Int64? { self.classifier.modelVersion }
        public var model: ThemeModel { self.classifier.model }
    }

    private let current: Mutex<Snapshot>

    public init(model: ThemeModel, version: Int64? = nil) {
        self.current = Mutex(Snapshot(model: model, version: version))
    }

    /// The model to use for one piece of work.
    public var snapshot: Snapshot {
        self.current.withLock { $0 }
    }

    /// Replaces the model (prepared outside the lock: building a classifier takes a moment).
    public func replace(with snapshot: Snapshot) {
        self.current.withLock { $0 = snapshot }
    }
}
