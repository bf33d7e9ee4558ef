import SignaalStore

/// The view model of `/werkruimte/problemen`: the recurring problems with signals the member may see.
struct ProblemListPage {
    struct Row {
        let code: String
        let name: String
        let size: Int
        let visibleSize: Int
        let emerging: Bool
        let curated: Bool
    }

    let pageTitle = "Terugkerende problemen"
    let chrome: WorkspaceChrome
    let rows: [Row]
    let isEmpty: Bool

    init(problems: [ClusterStore.Problem], chrome: WorkspaceChrome) {
        self.chrome = chrome
        self.rows = problems.map {
            Row(code: $0.code, name: $0.name, size: $0.size, visibleSize: $0.visibleSize, emerging: $0.emerging, curated: $0.title != nil)
        }
        self.isEmpty = problems.isEmpty
    }
}

/// The view model of `/werkruimte/problemen/{code}`: the problem, its members, and the curation forms.
struct ProblemDetailPage {
    struct Member {
        let id: Int64
        let excerpt: String
        let platformName: String
        let pinned: Bool
    }

    let pageTitle: String
    let chrome: WorkspaceChrome
    let code: String
    let name: String
    let label: String
    let size: Int
    let members: [Member]
    let others: [ChoiceOption]
    let canCurate: Bool
    let notice: String?
    let error: String?

    init(
        problem: ClusterStore.Problem, members: [ClusterStore.Member], others: [ClusterStore.Problem], chrome: WorkspaceChrome,
        notice: String?, error: String?
    ) {
        self.pageTitle = "Probleem \(problem.code)"
        self.chrome = chrome
        self.code = problem.code
        self.name = problem.name
        self.label = problem.label
        self.size = problem.size
        self.members = members.map { Member(id: $0.id, excerpt: $0.excerpt, platformName: $0.platformName, pinned: $0.pinned) }
        self.others = others.filter { $0.code != problem.code }.map {
            ChoiceOption(value: $0.code, label: "\($0.code) · \($0.name)", selected: false)
        }
        self.canCurate = chrome.canCurate
        self.notice = notice
        self.error = error
    }
}
