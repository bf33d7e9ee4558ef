import Foundation
import SignaalCore
import SignaalStore

/// The view model of `/volg/{tracking_code}`: what became of a signal — its status, the recurring problem it joined
/// and how many others reported it, and the briefs that counted it.
struct TrackingPage {
    struct BriefLink {
        let url: String
        let title: String
    }

    struct Step {
        let when: String
        let what: String
    }

    /// A dossier the signal is evidence for: what the public may know of it.
    struct DossierLine {
        let text: String
        let url: String?
        let response: String?
    }

    let pageTitle = "Je signaal opvolgen"
    let dossiers: [DossierLine]
    let hasDossiers: Bool
    /// What coordinators did with the signal, oldest first, in words for the practitioner (never who).
    let history: [Step]
    let hasHistory: Bool
    let trackingCode: String
    let status: String
    let statusDescription: String
    let receivedOn: String
    let observedOn: String
    let regionName: String
    let themes: [String]
    let clusterLabel: String?
    let clusterSentence: String?
    let emerging: Bool
    let briefs: [BriefLink]
    let noBriefs: Bool

    /// When the contact e-mail address will be deleted, if one is kept.
    let contactDeletedOn: String?

    init(
        code: String, signal: SignalStore.TrackedSignal, history: [SignalEvent], dossiers: [(dossier: Dossier, response: DossierEvent?)],
        briefs: [BriefStore.Summary], contactRetentionDays: Int
    ) {
        let day = DateFormatter()
        day.dateFormat = "d/M/yyyy"
        day.timeZone = TimeZone(identifier: "Europe/Brussels")
        self.trackingCode = code
        self.history = history.map { Step(when: day.string(from: $0.occurredAt), what: Self.sentence($0)) }
        self.hasHistory = !history.isEmpty
        self.dossiers = dossiers.map { dossier, response in
            guard dossier.presentedAt != nil else {
                return DossierLine(
                    text: "Je signaal is bewijs in een dossier dat het regionale platform voorbereidt om aan beleid voor te leggen.",
                    url: nil, response: nil)
            }
            return DossierLine(
                text: "\(dossier.content.title) — \(dossier.state.dutchName)", url: "/dossiers/\(dossier.id)",
                response: response?.details.response.map { "Antwoord van beleid: \($0)" })
        }
        self.hasDossiers = !dossiers.isEmpty
        self.status = signal.statusName
        self.statusDescription = signal.statusDescription
        self.receivedOn = day.string(from: signal.receivedAt)
        self.observedOn = signal.observedOn.description
        self.regionName = signal.regionName
        self.themes = signal.themes
        self.clusterLabel = signal.clusterLabel
        self.clusterSentence = signal.clusterLabel.map { _ in
            switch signal.othersInCluster {
            case 0: "Je bent de eerste die dit probleem meldt."
            case 1: "Eén andere praktijkwerker meldde hetzelfde probleem."
            default:
                "\(signal.othersInCluster) andere signalen beschrijven hetzelfde probleem, uit \(signal.clusterRegionCount) "
                    + (signal.clusterRegionCount == 1 ? "regio." : "regio's.")
            }
        }
        self.emerging = signal.clusterEmerging
        self.briefs = briefs.map { BriefLink(url: "/briefs/\($0.id)", title: "\($0.regionName) — \($0.periodName) (versie \($0.version))") }
        self.noBriefs = briefs.isEmpty
        self.contactDeletedOn = signal.contactSince.map { day.string(from: $0.addingTimeInterval(Double(contactRetentionDays) * 86_400)) }
    }

    /// An event as the practitioner reads it.
    static func sentence(_ event: SignalEvent) -> String {
        switch event.action {
        case "gevalideerd":
            "Een coördinator van het regionale platform bekeek je signaal en nam het op als signaal over een structureel probleem."
        case "afgewezen": "Een coördinator bekeek je signaal en nam het niet op. " + (event.reason?.explanation ?? "")
        case "dubbel": "Hetzelfde signaal kwam al eerder binnen; het telt één keer mee, samen met dat eerdere signaal."
        case "doorgestuurd": "Je signaal werd doorgestuurd naar het regionale platform \(event.toPlatformName ?? "van je regio")."
        case "themas_aangepast": "Een coördinator gaf je signaal andere thema's."
        case "tekst_afgeschermd": "Een coördinator schermde een stukje tekst af dat iemand herkenbaar kon maken."
        default: "Een coördinator behandelde je signaal."
        }
    }
}
