import Foundation
import SignaalCore
import SignaalStore

/// The view model of `/werkruimte/signalen/{id}`: the scrubbed texts, what the scrubber replaced, the themes and
/// why, the recurring problem and similar signals, the origin, the history, and the actions.
struct SignalPage {
    struct Field {
        let name: String
        let value: String
    }

    struct ProposedTheme {
        let name: String
        let confidence: String
    }

    struct Event {
        let when: String
        let what: String
        let who: String
    }

    let pageTitle: String
    let chrome: WorkspaceChrome
    let id: Int64
    let statusName: String
    let description: String
    let details: [Field]
    let origin: [Field]
    let replaced: String
    let currentThemes: String
    let themeSource: String
    let proposedThemes: [ProposedTheme]
    let decidingTerms: String
    let needsReview: Bool
    let problem: String?
    let similar: [Field]
    let history: [Event]
    let noHistory: Bool
    let canChange: Bool
    let themeOptions: [ChoiceOption]
    let reasons: [ChoiceOption]
    let platforms: [ChoiceOption]
    /// After an action: what was done; or why an action did not work, beside its form.
    let notice: String?
    let duplicateOfText: String
    let passageText: String
    let noteText: String

    let hasProposedThemes: Bool
    let hasSimilar: Bool
    // Each action form's error, beside its fields (Mustache reads stored properties only).
    let rejectError: String?
    let duplicateError: String?
    let themesError: String?
    let redactError: String?
    let forwardError: String?

    init(
        signal: TriageSignal, history: [SignalEvent], similar: [SimilarSignal], chrome: WorkspaceChrome, reference: ReferenceData,
        notice: String? = nil, errors: [String: String] = [:], kept: [String: String] = [:]
    ) {
        let themeName = { (code: String) in reference.themes.first { $0.code == code }?.name ?? code }
        self.pageTitle = "Signaal \(signal.id)"
        self.chrome = chrome
        self.id = signal.id
        self.statusName = signal.statusName + (signal.duplicateOf.map { " van signaal \($0)" } ?? "")
        self.description = signal.description
        self.details =
            [
                Field(name: "Ontvangen", value: WorkspaceDates.dayAndTime(signal.receivedAt)),
                Field(name: "Vastgesteld op", value: signal.observedOn.description),
                Field(name: "Plaats", value: signal.postcode + (signal.municipality.map { " \($0)" } ?? "")),
                Field(name: "Regionaal platform", value: signal.platformName),
            ]
            + [
                ("Doelgroep", signal.targetGroup), ("Frequentie", signal.frequency), ("Beleidsniveau", signal.policyLevel),
                ("Voorstel", signal.suggestion),
            ].compactMap { name, value in value.map { Field(name: name, value: $0) } }
        self.origin = [
            Field(name: "Kanaal", value: signal.sourceName),
            signal.organisation.map { Field(name: "Organisatie", value: $0) },
            signal.keyOrganisation.map { Field(name: "API-sleutel van", value: $0) },
            signal.reportingPlatformName.map { Field(name: "Doorgegeven door platform", value: $0) },
        ].compactMap { $0 }
        let texts = [signal.description, signal.targetGroup, signal.frequency, signal.suggestion].compactMap { $0 }.joined(separator: "\n")
        let replaced = PersonalDataKind.allCases.compactMap { kind -> String? in
            let count = texts.components(separatedBy: kind.placeholder).count - 1
            return count > 0 ? "\(kind.dutchName) (\(count)×)" : nil
        }
        let redactions = texts.components(separatedBy: SignalAction.redactionMarker).count - 1
        self.replaced =
            (replaced + (redactions > 0 ? ["afgeschermd door een coördinator (\(redactions)×)"] : [])).joined(separator: ", ")
        let current =
            !signal.coordinatorThemes.isEmpty
            ? signal.coordinatorThemes : !signal.submitterThemes.isEmpty ? signal.submitterThemes : signal.proposedThemes
        self.currentThemes = current.map(themeName).joined(separator: ", ")
        self.themeSource =
            !signal.coordinatorThemes.isEmpty
            ? "gekozen door een coördinator" : !signal.submitterThemes.isEmpty ? "gekozen door de signaalgever" : "voorgesteld door Signaal"
        self.proposedThemes = zip(signal.proposedThemes, signal.confidences).map { code, confidence in
            ProposedTheme(name: themeName(code), confidence: "\(Int((confidence * 100).rounded())) %")
        }
        self.decidingTerms = signal.decidingTerms.joined(separator: ", ")
        self.needsReview = signal.needsReview && signal.submitterThemes.isEmpty && signal.coordinatorThemes.isEmpty
        self.problem = signal.problemCode.map { "\($0) · \(signal.problemLabel ?? "")" }
        self.similar = similar.map { other in
            Field(name: "Signaal \(other.id) (\(other.statusName)\(other.sameProblem ? ", zelfde probleem" : ""))", value: other.excerpt)
        }
        self.history = history.map { event in
            Event(
                when: WorkspaceDates.dayAndTime(event.occurredAt), what: Self.sentence(event, themeName: themeName), who: event.staffName)
        }
        self.noHistory = history.isEmpty
        self.canChange = chrome.canChangeSignals
        self.themeOptions = reference.themes.map { ChoiceOption(value: $0.code, label: $0.name, selected: current.contains($0.code)) }
        self.reasons = RejectionReason.allCases.map {
            ChoiceOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == kept["reden"])
        }
        self.platforms = reference.regions.filter { $0.code != signal.platform }.map {
            ChoiceOption(value: $0.code, label: $0.name, selected: $0.code == kept["platform"])
        }
        self.notice = notice
        self.hasProposedThemes = !self.proposedThemes.isEmpty
        self.hasSimilar = !self.similar.isEmpty
        self.rejectError = errors["afwijzen"]
        self.duplicateError = errors["dubbel"]
        self.themesError = errors["themas"]
        self.redactError = errors["afschermen"]
        self.forwardError = errors["doorsturen"]
        self.duplicateOfText = kept["origineel"] ?? ""
        self.passageText = kept["passage"] ?? ""
        self.noteText = kept["toelichting"] ?? ""
    }

    /// An event as staff read it.
    static func sentence(_ event: SignalEvent, themeName: (String) -> String) -> String {
        switch event.action {
        case "gevalideerd": "Gevalideerd."
        case "afgewezen": "Afgewezen: \(event.reason?.label ?? "")." + (event.note.map { " Toelichting: \($0)" } ?? "")
        case "dubbel": "Dubbel van signaal \(event.duplicateOf.map(String.init) ?? "?")."
        case "themas_aangepast": "Thema's aangepast: \(event.themes.map(themeName).joined(separator: ", "))."
        case "tekst_afgeschermd": "Een passage afgeschermd."
        case "doorgestuurd": "Doorgestuurd van \(event.fromPlatformName ?? "?") naar \(event.toPlatformName ?? "?")."
        default: event.action
        }
    }
}
