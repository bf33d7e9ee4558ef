import SignaalApp
import SignaalStore

/// The view model of the upload page, `/import` for key holders and `/werkruimte/import` for coordinators: the
/// upload form, and after an upload its report.
struct ImportPage {
    struct Problem {
        let line: Int
        let column: String
        let message: String
    }

    let pageTitle = "Signalen importeren"
    let hasReport: Bool
    let summary: String?
    let problems: [Problem]
    let hasProblems: Bool
    let error: String?
    /// The form's token (hidden field `form_token` on `/import`, the session's `csrf` in the workspace).
    let formToken: String
    let tokenName: String
    let formAction: String
    /// The workspace's menu; `nil` on the key-based page.
    let chrome: WorkspaceChrome?
    let viaKey: Bool

    init(formToken: String, report: SignalImport.Report? = nil, error: String? = nil, chrome: WorkspaceChrome?) {
        self.formToken = formToken
        self.chrome = chrome
        self.viaKey = chrome == nil
        self.tokenName = chrome == nil ? FormToken.fieldName : WorkspaceForm.tokenField
        self.formAction = chrome == nil ? "/import" : "/werkruimte/import"
        self.hasReport = report != nil
        self.error = error
        self.problems = report?.problems.map { Problem(line: $0.line, column: $0.column, message: $0.message) } ?? []
        self.hasProblems = !self.problems.isEmpty
        self.summary = report.map { report in
            (report.dryRun ? "Proef, niets geladen: " : "")
                + "\(report.rows) rijen gelezen (\(report.encoding), scheidingsteken ‘\(report.separator)’). "
                + "\(report.loaded) \(report.dryRun ? "zouden geladen worden" : "signalen geladen"), "
                + "\(report.duplicates) al eerder geïmporteerd, \(report.invalidRows) met fouten."
                + (report.ignoredColumns.isEmpty ? "" : " Niet gebruikte kolommen: \(report.ignoredColumns.joined(separator: ", ")).")
        }
    }
}
