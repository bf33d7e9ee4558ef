import SignaalApp
import SignaalStore

/// The view model of `/import`: the upload form for coordinators, and after an upload its report.
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
    /// The form's token (hidden field `form_token`), for uploads from a browser.
    let formToken: String

    init(formToken: String, report: SignalImport.Report? = nil, error: String? = nil) {
        self.formToken = formToken
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
