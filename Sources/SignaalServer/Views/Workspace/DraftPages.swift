import SignaalBriefs
import SignaalStore

/// The view model of `/werkruimte/brieven`: the drafts waiting for review.
struct DraftListPage {
    struct Row {
        let id: Int64
        let title: String
        let generatedOn: String
    }

    let pageTitle = "Brieven om na te lezen"
    let chrome: WorkspaceChrome
    let rows: [Row]
    let isEmpty: Bool

    init(drafts: [BriefStore.Draft], chrome: WorkspaceChrome) {
        self.chrome = chrome
        self.rows = drafts.map {
            Row(id: $0.id, title: "\($0.brief.regionName) — \($0.brief.periodName)", generatedOn: WorkspaceDates.dayAndTime($0.generatedAt))
        }
        self.isEmpty = drafts.isEmpty
    }
}

/// The view model of `/werkruimte/brieven/{id}`: the reviewer's form — introduction, problems and their order, dossiers.
struct DraftPage {
    struct Problem {
        let code: String
        let label: String
        let size: Int
        let chosen: Bool
        let order: Int
        /// The composer doubts the problem hangs together: "te controleren".
        let doubtful: Bool
    }

    let pageTitle: String
    let chrome: WorkspaceChrome
    let id: Int64
    let title: String
    let introduction: String
    let problems: [Problem]
    let hasProblems: Bool
    let dossiers: [ChoiceOption]
    let hasDossiers: Bool
    let canReview: Bool
    let notice: String?

    init(draft: BriefStore.Draft, dossiers: [DossierSummary], canReview: Bool, chrome: WorkspaceChrome, notice: String?) {
        self.pageTitle = "Concept: \(draft.brief.regionName) — \(draft.brief.periodName)"
        self.chrome = chrome
        self.id = draft.id
        self.title = "\(draft.brief.regionName) — \(draft.brief.periodName)"
        self.introduction = draft.introduction
        let chosen = draft.problemCodes ?? draft.brief.clusters.map(\.id)
        self.problems = draft.brief.clusters.enumerated().map { index, cluster in
            Problem(
                code: cluster.id, label: cluster.label, size: cluster.size, chosen: chosen.contains(cluster.id),
                order: (chosen.firstIndex(of: cluster.id) ?? index) + 1, doubtful: cluster.doubtful ?? false)
        }
        self.hasProblems = !draft.brief.clusters.isEmpty
        self.dossiers = dossiers.map {
            ChoiceOption(value: String($0.id), label: "\($0.title) (\($0.state.dutchName))", selected: draft.dossierIDs.contains($0.id))
        }
        self.hasDossiers = !dossiers.isEmpty
        self.canReview = canReview
        self.notice = notice
    }
}
