import SignaalCore
import SignaalStore

/// The view model of the page a practitioner sees after submitting: the tracking code and what was recorded.
struct ReceiptPage {
    let trackingCode: String
    let region: String
    let municipality: String?
    let postcode: String
    let themes: [String]
    let observedOn: String
    let hasContactEmail: Bool
    let pageTitle = "Signaal ontvangen"

    init(receipt: SignalReceipt, signal: ValidatedSignal) {
        self.trackingCode = receipt.trackingCode.rawValue
        self.region = signal.region.name
        self.municipality = signal.municipality?.name
        self.postcode = signal.postcode.rawValue
        self.themes = signal.themes.map(\.name)
        self.observedOn = signal.observedOn.description
        self.hasContactEmail = signal.contactEmail != nil
    }
}
