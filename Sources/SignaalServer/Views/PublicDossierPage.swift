import Foundation
import SignaalStore

/// The view model of `/dossiers/{id}`: a presented dossier, its evidence in figures, its life and the briefs that
/// carried it — never a signal's text.
struct PublicDossierPage {
    struct Step {
        let when: String
        let state: String
        let details: String
    }

    struct BriefLink {
        let url: String
        let title: String
    }

    let pageTitle: String
    let title: String
    let scope: String
    let state: String
    let problemStatement: String?
    let affected: String?
    let cause: String?
    let addressee: String?
    let description: String?
    let ask: String?
    let figures: EvidenceFigures
    let steps: [Step]
    let briefs: [BriefLink]
    let hasBriefs: Bool

    init(dossier: Dossier, evidence: DossierEvidence, events: [DossierEvent], briefs: [BriefStore.Summary], minimum: Int) {
        let content = dossier.content
        let day = DateFormatter()
        day.dateFormat = "d/M/yyyy"
        day.timeZone = TimeZone(identifier: "Europe/Brussels")
        func text(_ value: String) -> String? { value.isEmpty ? nil : value }
        self.pageTitle = content.title
        self.title = content.title
        self.scope = dossier.platformName ?? "het Vlaams Platform Sterk Sociaal Werk"
        self.state = dossier.state.dutchName
        self.problemStatement = text(content.problemStatement)
        self.affected = text(content.affected)
        self.cause = text(content.cause)
        self.addressee = text(content.addressee)
        self.description = text(content.description)
        self.ask = text(content.ask)
        self.figures = EvidenceFigures(evidence, minimum: minimum)
        self.steps = events.map {
            Step(when: day.string(from: $0.occurredAt), state: $0.state.dutchName, details: DossierSentences.details($0))
        }
        self.briefs = briefs.map { BriefLink(url: "/briefs/\($0.id)", title: "\($0.regionName) — \($0.periodName) (versie \($0.version))") }
        self.hasBriefs = !briefs.isEmpty
    }
}
