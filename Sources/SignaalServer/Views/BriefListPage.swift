import Foundation
import SignaalStore

/// The view model of `/briefs`: published briefs, newest first, with the region and period filter.
struct BriefListPage {
    struct Item {
        let url: String
        let regionName: String
        let periodName: String
        let period: String
        let version: Int
        let generatedOn: String
        let signalCount: String
    }

    struct Option {
        let code: String
        let name: String
        let selected: Bool
    }

    let pageTitle = "Signalenbrieven"
    let items: [Item]
    let regions: [Option]
    let period: String
    let isFiltered: Bool
    let feedURL: String
    let hasItems: Bool

    init(briefs: [BriefStore.Summary], region: String?, period: String?, regions: [String], names: [String: String]) {
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "Europe/Brussels")
        self.items = briefs.map { brief in
            Item(
                url: "/briefs/\(brief.id)", regionName: brief.regionName, periodName: brief.periodName, period: brief.period,
                version: brief.version, generatedOn: day.string(from: brief.generatedAt),
                signalCount: brief.signalCount.map(String.init) ?? "minder dan het minimum")
        }
        self.regions = regions.map { code in
            Option(code: code, name: code == "vlaanderen" ? "Heel Vlaanderen" : names[code] ?? code, selected: code == region)
        }
        self.period = period ?? ""
        self.isFiltered = region != nil || period != nil
        self.hasItems = !self.items.isEmpty
        self.feedURL = region.map { "/briefs/regio/\($0)/feed.atom" } ?? "/briefs/feed.atom"
    }
}
