/// The page behind a problem type URI (`/problems/<slug>`): what the problem means and what to do.
struct ProblemPage {
    let pageTitle: String
    let title: String
    let status: Int
    let explanation: String

    init(_ kind: ProblemKind) {
        self.pageTitle = kind.title
        self.title = kind.title
        self.status = kind.statusCode
        self.explanation = kind.explanation
    }
}
