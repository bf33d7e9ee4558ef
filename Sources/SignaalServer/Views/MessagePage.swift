/// The view model of an HTML error page (not found, temporarily unavailable, unexpected error).
struct MessagePage {
    let pageTitle: String
    let heading: String
    let message: String
    /// The request id, so that a person can quote it; as in the logs.
    let requestID: String?
}
