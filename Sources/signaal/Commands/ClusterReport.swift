import Foundation
import SignaalCluster
import SignaalCore

/// The JSON shapes `signaal cluster` writes: one line per signal and the summary of the recurring problems.
enum ClusterReport {
    /// `{"id", "cluster", "themes", …}` per signal; `cluster` is null when the signal fits no recurring problem.
    static func signalLines(_ outcome: ProblemAnalysis.Outcome) -> [[String: Any]] {
        outcome.signals.map { signal in
            [
                "id": signal.id,
                "cluster": signal.clusterID.map { $0 as Any } ?? NSNull(),
                "themes": signal.classification.themes.map(\.code),
                "theme_confidence": signal.classification.themes.map { ($0.confidence * 1000).rounded() / 1000 },
                "theme_source": signal.classification.themes.first?.source.rawValue ?? "classifier",
                "deciding_terms": signal.classification.decidingTerms,
                "needs_review": signal.classification.needsReview,
            ]
        }
    }

    /// `{"as_of", "clusters": [{"id", "label", "size", "themes", "regions", "emerging", "members", …}]}`.
    static func summary(_ outcome: ProblemAnalysis.Outcome) -> [String: Any] {
        [
            "as_of": outcome.asOf.description,
            "signal_count": outcome.signals.count,
            "unclustered_count": outcome.signals.filter { $0.clusterID == nil }.count,
            "clusters": outcome.problems.map { problem in
                [
                    "id": problem.id,
                    "label": problem.label,
                    "size": problem.size,
                    "themes": problem.themes.map(\.code),
                    "regions": problem.regions,
                    "organisation_count": problem.organisationCount,
                    "emerging": problem.emerging,
                    "recent_signals": problem.emergence.recentSignals,
                    "expected_recent_signals": (problem.emergence.expectedRecentSignals * 100).rounded() / 100,
                    "p_value": problem.emergence.pValue,
                    "first_seen": problem.firstSeen.map { $0.description as Any } ?? NSNull(),
                    "last_seen": problem.lastSeen.map { $0.description as Any } ?? NSNull(),
                    "representatives": Array(problem.representatives),
                    "members": problem.members,
                ] as [String: Any]
            },
        ]
    }
}
