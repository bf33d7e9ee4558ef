import Foundation
import SignaalCore
import SignaalStore

/// The view model of `/werkruimte/signalen`: the filters, a page of signals with a checkbox each for the actions
/// on a selection, and the links to the other pages.
struct QueuePage {
    struct Row {
        let id: Int64
        let receivedOn: String
        let observedOn: String
        let platformName: String
        let statusName: String
        let excerpt: String
        let themes: String
        let needsReview: Bool
        let problem: String?
    }

    let pageTitle = "Signalen"
    let chrome: WorkspaceChrome
    let statuses: [ChoiceOption]
    let themes: [ChoiceOption]
    let reasons: [ChoiceOption]
    let needsReview: Bool
    let problem: String
    let from: String
    let to: String
    let search: String
    let rows: [Row]
    let isEmpty: Bool
    let summary: String
    let previousPage: String?
    let nextPage: String?
    /// A message after an action on a selection, or a problem with the filters.
    let notice: String?
    let error: String?

    static let statusNames: [(code: String, name: String)] = [
        ("received", "Ontvangen"), ("gevalideerd", "Gevalideerd"), ("afgewezen", "Afgewezen"), ("dubbel", "Dubbel"),
    ]

    init(
        filter: TriageFilter, page: TriagePage, query: [(String, String)], chrome: WorkspaceChrome, reference: ReferenceData,
        notice: String?, error: String?
    ) {
        self.chrome = chrome
        self.statuses = Self.statusNames.map { ChoiceOption(value: $0.code, label: $0.name, selected: $0.code == filter.status) }
        self.themes = reference.themes.map { ChoiceOption(value: $0.code, label: $0.name, selected: $0.code == filter.theme) }
        self.reasons = RejectionReason.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.label, selected: false) }
        self.needsReview = filter.needsReview
        self.problem = filter.problem ?? ""
        self.from = filter.from?.description ?? ""
        self.to = filter.to?.description ?? ""
        self.search = filter.search ?? ""
        self.rows = page.signals.map { signal in
            Row(
                id: signal.id, receivedOn: WorkspaceDates.dayAndTime(signal.receivedAt), observedOn: signal.observedOn.description,
                platformName: signal.platformName, statusName: signal.statusName, excerpt: signal.excerpt,
                themes: signal.themes.joined(separator: ", "), needsReview: signal.needsReview,
                problem: signal.problemCode.map { code in "\(code) · \(signal.problemLabel ?? "")" })
        }
        self.isEmpty = page.signals.isEmpty
        let first = (filter.page - 1) * TriageFilter.pageSize + 1
        self.summary =
            page.total == 0
            ? "Geen signalen gevonden."
            : "Signalen \(first) tot \(first + page.signals.count - 1) van \(page.total), nieuwste eerst."
        func link(_ number: Int) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let pairs = query.filter { $0.0 != "pagina" } + [("pagina", String(number))]
            return "/werkruimte/signalen?"
                + pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        }
        self.previousPage = filter.page > 1 ? link(filter.page - 1) : nil
        self.nextPage = filter.page * TriageFilter.pageSize < page.total ? link(filter.page + 1) : nil
        self.notice = notice
        self.error = error
    }
}
