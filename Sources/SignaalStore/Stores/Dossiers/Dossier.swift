public import Foundation
public import SignaalCore

/// A structural signal: what a platform (or the Vlaams platform) takes to policy makers and follows up (migration 015).
public struct Dossier: Sendable, Equatable {
    /// Where a dossier is in its life.
    public enum State: String, CaseIterable, Sendable {
        case open
        case readyForPolicy = "klaar_voor_beleid"
        case presented = "voorgelegd"
        case answered = "antwoord_ontvangen"
        case followedUp = "opgevolgd"

        public var dutchName: String {
            switch self {
            case .open: "Open"
            case .readyForPolicy: "Klaar voor beleid"
            case .presented: "Voorgelegd"
            case .answered: "Antwoord ontvangen"
            case .followedUp: "Opgevolgd"
            }
        }

        /// The states the dossier may go to next: forward one step, back from ready, and reopened once followed up
        /// (signals keep coming).
        public var next: [State] {
            switch self {
            case .open: [.readyForPolicy]
            case .readyForPolicy: [.presented, .open]
            case .presented: [.answered]
            case .answered: [.followedUp]
            case .followedUp: [.open]
            }
        }

        /// Whether the dossier is public (`/dossiers/{id}`): once presented.
        public var isPublic: Bool { [.presented, .answered, .followedUp].contains(self) }
    }

    /// One of the four criteria of a recognised signal, met or not, with its motivation.
    public struct Criterion: Sendable, Equatable {
        /// `duidelijk`, `neutraal`, `herkend`, `gedeeld`.
        public let code: String
        public var met: Bool
        public var motivation: String

        public init(code: String, met: Bool, motivation: String) {
            self.code = code
            self.met = met
            self.motivation = motivation
        }

        public static let codes = ["duidelijk", "neutraal", "herkend", "gedeeld"]
    }

    /// What a coordinator writes: everything but the life and the evidence.
    public struct Content: Sendable, Equatable {
        public var title: String
        public var problemStatement = ""
        public var affected = ""
        public var cause = ""
        public var description = ""
        public var ask = ""
        public var criteria = Criterion.codes.map { Criterion(code: $0, met: false, motivation: "") }
        public var recognisingOrganisations = ""
        public var ownerID: Int64?
        public var policyLevels: [String] = []
        public var addressee = ""
        public var krachtlijnen: [String] = []

        public init(title: String) {
            self.title = title
        }
    }

    public let id: Int64
    /// The regional platform's code; `nil` for a Flemish dossier.
    public let platform: String?
    public let platformName: String?
    public var content: Content
    public let ownerName: String?
    public let problemCode: String?
    public let parentID: Int64?
    public let state: State
    public let presentedAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
}

/// A step in a dossier's life, as recorded.
public struct DossierEvent: Sendable, Equatable {
    public let id: Int64
    public let dossierID: Int64
    public let occurredAt: Date
    public let state: Dossier.State
    public let details: Details
    /// Who recorded it (for staff only).
    public let staffName: String

    /// What a step records besides its state: to whom, when and how a dossier was presented, the response, what
    /// changed.
    public struct Details: Sendable, Equatable {
        public var addressee: String?
        public var happenedOn: CalendarDate?
        public var channel: String?
        public var response: String?
        public var responseLink: String?
        public var outcome: String?

        public init() {}
    }
}

/// The evidence of a dossier in figures: its signals, and the distinct organisations, regions and months they come from.
public struct DossierEvidence: Sendable, Equatable {
    public let signals: Int
    public let organisations: Int
    public let regions: Int
    public let months: Int
}

/// A dossier as a list shows it.
public struct DossierSummary: Sendable, Equatable {
    public let id: Int64
    public let title: String
    public let platformName: String?
    public let state: Dossier.State
    public let signals: Int
    public let ownerName: String?
    public let updatedAt: Date
    /// The Flemish dossier that gathers it.
    public let parentID: Int64?
}
