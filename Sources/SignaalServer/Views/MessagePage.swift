/// The view model of an HTML error page (not found, temporarily unavailable, unexpected error).
struct MessagePage {
    let pageTitle: String
    let heading: String
    let message: String
    /// The request id, so that a person can quote it; as in the logs.
    let requestID: String?
    /// Where the page's one link leads: the form for practitioners, the workspace for staff.
    var homeURL = "/"
    var homeName = "Naar het formulier"
}
