/// The view model of `brief.mustache`: stored properties only, as Mustache reads them.
struct BriefPage {
    struct Figure {
        let name: String
        let current: String
        let previous: String
    }

    struct Problem {
        let rank: Int
        let id: String
        let label: String
        let emerging: Bool
        let size: Int
        let trend: String
        let regions: String
        let themes: String
        let policyLevels: String
        let targetGroups: String
        let hasChart: Bool
        let quotes: [String]
        let suggestions: [String]
        let hasSuggestions: Bool
        let chart: String
    }

    struct Line {
        let text: String
    }

    struct Download {
        let label: String
        let url: String
    }

    struct Krachtlijn {
        let code: String
        let reason: String
    }

    let title: String
    let regionName: String
    let periodName: String
    let previousPeriod: String
    let version: Int
    let generatedOn: String
    let scopeSentence: String
    let stylesheetURL: String?
    let inlineStylesheet: String?
    let downloads: [Download]
    let figures: [Figure]
    let problems: [Problem]
    let noProblems: String?
    let otherSignals: String?
    /// The sentences that open the brief.
    let summary: String?
    let smallProblems: [SmallProblem]
    let hasSmallProblems: Bool

    struct SmallProblem {
        let label: String
        let regions: String
    }
    let emerging: [Line]
    let themeChart: String?
    let regionChart: String?
    let policyLevels: [Line]
    let krachtlijnen: [Krachtlijn]
    let methodology: [Line]
    /// The reviewer's introduction and chosen dossiers.
    let introduction: String?
    let dossiers: [Brief.Dossier]
    let hasDownloads: Bool
    let hasEmerging: Bool
    let hasPolicyLevels: Bool
    let hasKrachtlijnen: Bool

    init(_ brief: Brief, stylesheet: BriefHTMLRenderer.Stylesheet, css: String, downloads: [(label: String, url: String)]) {
        let view = BriefView(brief)
        self.title = "Signalenbrief \(brief.regionName) — \(brief.periodName)"
        self.regionName = brief.regionName
        self.periodName = brief.periodName
        self.previousPeriod = brief.previousPeriod
        self.version = brief.version
        self.generatedOn = view.generatedOn
        self.scopeSentence = view.scopeSentence
        switch stylesheet {
        case .linked(let url):
            self.stylesheetURL = url
            self.inlineStylesheet = nil
        case .inline:
            self.stylesheetURL = nil
            self.inlineStylesheet = css
        }
        self.downloads = downloads.map { Download(label: $0.label, url: $0.url) }
        self.figures = view.keyFigures.map { Figure(name: $0.name, current: $0.current, previous: $0.previous) }
        let labels = view.seriesLabels(count: brief.clusters.first?.series.count ?? 0)
        self.problems = brief.clusters.enumerated().map { rank, cluster in
            Problem(
                rank: rank + 1, id: cluster.id, label: cluster.label, emerging: cluster.emerging, size: cluster.size,
                trend: BriefView.trendPhrase(cluster), regions: view.regionNames(cluster.regions),
                themes: view.themeNames(cluster.themes), policyLevels: view.policyLevelNames(cluster.policyLevels),
                targetGroups: (cluster.targetGroups ?? []).joined(separator: "; "), hasChart: cluster.trend != "te weinig signalen",
                quotes: cluster.quotes, suggestions: cluster.suggestions, hasSuggestions: !cluster.suggestions.isEmpty,
                chart: SVGChart.columns(
                    cluster.series.map { $0 == 0 || $0 >= brief.minimumCount ? $0 : nil }, labels: labels,
                    title: "Signalen per maand over \(cluster.label)"))
        }
        self.noProblems = brief.clusters.isEmpty ? view.noClusters : nil
        self.otherSignals = view.otherSentence
        self.summary = brief.summary
        self.smallProblems = (brief.smallProblems ?? []).map { SmallProblem(label: $0.label, regions: view.regionNames($0.regions)) }
        self.hasSmallProblems = !self.smallProblems.isEmpty
        self.emerging = brief.clusters.filter(\.emerging).map { Line(text: $0.label) }
        self.themeChart =
            brief.themes.isEmpty
            ? nil
            : SVGChart.bars(brief.themes.map { ($0.name, $0.count) }, title: "Signalen per thema", minimum: brief.minimumCount)
        self.regionChart =
            brief.regions.count < 2
            ? nil
            : SVGChart.bars(brief.regions.map { ($0.name, $0.count) }, title: "Signalen per regio", minimum: brief.minimumCount)
        self.policyLevels = brief.policyLevels.map { Line(text: "\($0.name): \(view.figure($0.count))") }
        self.krachtlijnen = brief.krachtlijnen.map { Krachtlijn(code: $0.code, reason: $0.reason) }
        self.methodology = view.methodology.map(Line.init)
        self.introduction = brief.introduction
        self.dossiers = brief.dossiers ?? []
        self.hasDownloads = !self.downloads.isEmpty
        self.hasEmerging = !self.emerging.isEmpty
        self.hasPolicyLevels = !self.policyLevels.isEmpty
        self.hasKrachtlijnen = !self.krachtlijnen.isEmpty
    }
}
