public import Foundation
public import SignaalCore

/// A signal as the triage queue lists it.
public struct QueuedSignal: Sendable, Equatable {
    public let id: Int64
    public let receivedAt: Date
    public let observedOn: CalendarDate
    public let platformName: String
    public let statusCode: String
    public let statusName: String
    /// The description's beginning.
    public let excerpt: String
    /// Theme names, primary first.
    public let themes: [String]
    public let needsReview: Bool
    public let problemCode: String?
    public let problemLabel: String?
}

/// One page of the triage queue and how many signals match in all.
public struct TriagePage: Sendable, Equatable {
    public let signals: [QueuedSignal]
    public let total: Int

    public init(signals: [QueuedSignal], total: Int) {
        self.signals = signals
        self.total = total
    }
}

/// Everything a coordinator sees of one signal. All text is scrubbed (intake did that before it was stored).
public struct TriageSignal: Sendable, Equatable {
    public let id: Int64
    public let receivedAt: Date
    public let observedOn: CalendarDate
    public let platform: String
    public let platformName: String
    public let statusCode: String
    public let statusName: String
    public let description: String
    public let targetGroup: String?
    public let frequency: String?
    public let suggestion: String?
    public let postcode: String
    public let municipality: String?
    public let policyLevel: String?
    /// `form`, `api`, `batch` or `import`, and its Dutch name.
    public let sourceCode: String
    public let sourceName: String
    /// The organisation an import or API client named, the API key's organisation, the platform that sent it.
    public let organisation: String?
    public let keyOrganisation: String?
    public let reportingPlatformName: String?
    /// The classifier's view: theme codes with their confidence, the terms that decided, and whether it was unsure.
    public let proposedThemes: [String]
    public let confidences: [Double]
    public let decidingTerms: [String]
    public let needsReview: Bool
    /// Theme codes chosen by the submitter and by a coordinator, primary first.
    public let submitterThemes: [String]
    public let coordinatorThemes: [String]
    public let problemCode: String?
    public let problemLabel: String?
    public let duplicateOf: Int64?
}

/// A row of a signal's history.
public struct SignalEvent: Sendable, Equatable {
    public let occurredAt: Date
    /// The action's code (`gevalideerd`, `afgewezen`, `dubbel`, `themas_aangepast`, `tekst_afgeschermd`, `doorgestuurd`).
    public let action: String
    public let statusName: String
    public let reason: RejectionReason?
    public let note: String?
    public let duplicateOf: Int64?
    public let fromPlatformName: String?
    public let toPlatformName: String?
    public let themes: [String]
    /// Who did it (for staff; the tracking page never shows it).
    public let staffName: String
}

/// Another signal that resembles one (shares its words, Dutch full-text ranking), same recurring problem first.
public struct SimilarSignal: Sendable, Equatable {
    public let id: Int64
    public let excerpt: String
    public let statusName: String
    public let sameProblem: Bool
}
