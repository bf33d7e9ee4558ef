import Foundation
import SignaalApp
import SignaalCore
import SignaalStore

/// The view model of `/werkruimte/dossiers`: the dossiers, and the form for a new one.
struct DossierListPage {
    struct Row {
        let id: Int64
        let title: String
        let scope: String
        let state: String
        let signals: Int
        let owner: String
    }

    let pageTitle = "Dossiers"
    let chrome: WorkspaceChrome
    let rows: [Row]
    let isEmpty: Bool
    let problems: [ChoiceOption]
    let title: String
    let signalIDs: String
    let error: String?

    init(
        dossiers: [DossierSummary], problems: [ClusterStore.Problem], chrome: WorkspaceChrome,
        kept: (title: String, ids: String, problem: String), error: String?
    ) {
        self.chrome = chrome
        self.rows = dossiers.map {
            Row(
                id: $0.id, title: $0.title, scope: $0.platformName ?? "Vlaanderen", state: $0.state.dutchName, signals: $0.signals,
                owner: $0.ownerName ?? "")
        }
        self.isEmpty = dossiers.isEmpty
        self.problems = problems.map { ChoiceOption(value: $0.code, label: "\($0.code) · \($0.name)", selected: $0.code == kept.problem) }
        self.title = kept.title
        self.signalIDs = kept.ids
        self.error = error
    }
}

/// The view model of `/werkruimte/dossiers/{id}`: what the dossier says (a form for those who may change it), its
/// evidence, and its life.
struct DossierPage {
    struct Field {
        let name: String
        let label: String
        let value: String
        let rows: Int
    }

    struct CriterionField {
        let code: String
        let label: String
        let met: Bool
        let motivation: String
    }

    struct Signal {
        let id: Int64
        let excerpt: String
        let platformName: String
        let observedOn: String
    }

    struct Step {
        let when: String
        let state: String
        let details: String
        let who: String
    }

    let pageTitle: String
    let chrome: WorkspaceChrome
    let id: Int64
    let title: String
    let scope: String
    let state: String
    let isPublic: Bool
    let editable: Bool
    let texts: [Field]
    let criteria: [CriterionField]
    let owners: [ChoiceOption]
    let policyLevels: [ChoiceOption]
    let krachtlijnen: [ChoiceOption]
    let addressee: String
    let isFlemish: Bool
    let children: String
    let childList: [ChoiceOption]
    let figures: EvidenceFigures
    let signals: [Signal]
    let proposed: [Signal]
    let hasProposed: Bool
    let steps: [Step]
    let nextStates: [ChoiceOption]
    let notice: String?
    let error: String?

    static let criterionLabels = ["duidelijk": "Duidelijk", "neutraal": "Neutraal", "herkend": "Herkend", "gedeeld": "Gedeeld"]

    init(
        _ page: Dossiers.Page, staff: [StaffMember], chrome: WorkspaceChrome, reference: ReferenceData, krachtlijnen: [(String, String)],
        minimum: Int, notice: String?, error: String?
    ) {
        let dossier = page.dossier
        let content = dossier.content
        self.pageTitle = "Dossier \(dossier.id)"
        self.chrome = chrome
        self.id = dossier.id
        self.title = content.title
        self.scope = dossier.platformName ?? "Vlaanderen"
        self.state = dossier.state.dutchName
        self.isPublic = dossier.state.isPublic
        self.editable = page.editable
        self.texts = [
            Field(name: "titel", label: "Titel", value: content.title, rows: 1),
            Field(name: "probleem", label: "Het probleem in één zin", value: content.problemStatement, rows: 2),
            Field(name: "getroffen", label: "Wie het treft", value: content.affected, rows: 2),
            Field(name: "oorzaak", label: "De regel of werkwijze die het veroorzaakt", value: content.cause, rows: 3),
            Field(name: "beschrijving", label: "Neutrale beschrijving", value: content.description, rows: 6),
            Field(name: "vraag", label: "De vraag aan beleid (apart van de beschrijving)", value: content.ask, rows: 4),
            Field(name: "organisaties", label: "Organisaties die het herkennen", value: content.recognisingOrganisations, rows: 2),
        ]
        self.criteria = content.criteria.map {
            CriterionField(code: $0.code, label: Self.criterionLabels[$0.code] ?? $0.code, met: $0.met, motivation: $0.motivation)
        }
        self.owners = staff.filter { $0.disabledAt == nil && ($0.role == .coordinator || $0.role == .flemish) }.map {
            ChoiceOption(value: String($0.id), label: $0.name, selected: $0.id == content.ownerID)
        }
        self.policyLevels = reference.policyLevels.map {
            ChoiceOption(value: $0.code, label: $0.name, selected: content.policyLevels.contains($0.code))
        }
        self.krachtlijnen = krachtlijnen.map { ChoiceOption(value: $0.0, label: $0.1, selected: content.krachtlijnen.contains($0.0)) }
        self.addressee = content.addressee
        self.isFlemish = dossier.platform == nil
        self.children = page.children.map { String($0.id) }.joined(separator: " ")
        self.childList = page.children.map {
            ChoiceOption(value: String($0.id), label: "\($0.title) (\($0.platformName ?? ""))", selected: true)
        }
        self.figures = EvidenceFigures(page.evidence, minimum: minimum)
        let signal = { (s: DossierStore.EvidenceSignal) in
            Signal(id: s.id, excerpt: s.excerpt, platformName: s.platformName, observedOn: s.observedOn.description)
        }
        self.signals = page.signals.map(signal)
        self.proposed = page.proposed.map(signal)
        self.hasProposed = !page.proposed.isEmpty
        self.steps = page.events.map { event in
            Step(
                when: WorkspaceDates.dayAndTime(event.occurredAt), state: event.state.dutchName, details: DossierSentences.details(event),
                who: event.staffName)
        }
        self.nextStates = dossier.state.next.map { ChoiceOption(value: $0.rawValue, label: $0.dutchName, selected: false) }
        self.notice = notice
        self.error = error
    }
}

/// A dossier step's details in words, for staff and public alike.
enum DossierSentences {
    static func details(_ event: DossierEvent) -> String {
        let event = event.details
        return [
            event.addressee.map { "Aan: \($0)." }, event.happenedOn.map { "Op \($0)." }, event.channel.map { "Hoe: \($0)." },
            event.response.map { "Antwoord: \($0)" }, event.responseLink.map { "Link: \($0)" }, event.outcome.map { "Opvolging: \($0)" },
        ].compactMap { $0 }.joined(separator: " ")
    }
}
