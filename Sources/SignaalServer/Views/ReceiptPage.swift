import SignaalCore

/// The view model of the page a practitioner sees after submitting: the tracking code and what was recorded.
struct ReceiptPage {
    let trackingCode: String
    let region: String
    let municipality: String?
    let postcode: String
    let themes: [String]
    let observedOn: String
    let hasContactEmail: Bool
    /// The signal waits in the spool until the database is back.
    let isQueued: Bool
    let pageTitle = "Signaal ontvangen"

    init(_ accepted: SignalReception.Accepted) {
        let signal = accepted.signal
        self.trackingCode = accepted.trackingCode.rawValue
        self.isQueued = accepted.state == .spooled
        self.region = signal.region.name
        self.municipality = signal.municipality?.name
        self.postcode = signal.postcode.rawValue
        self.themes = signal.themes.map(\.name)
        self.observedOn = signal.observedOn.description
        self.hasContactEmail = signal.contactEmail != nil
    }
}
