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

    let pageTitle = "Je signaal opvolgen"
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

    init(code: String, signal: SignalStore.TrackedSignal, briefs: [BriefStore.Summary], contactRetentionDays: Int) {
        let day = DateFormatter()
        day.dateFormat = "d/M/yyyy"
        day.timeZone = TimeZone(identifier: "Europe/Brussels")
        self.trackingCode = code
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
}
