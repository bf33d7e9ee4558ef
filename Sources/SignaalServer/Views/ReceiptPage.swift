import SignaalApp
import SignaalCore

/// The view model of the page a practitioner sees after submitting: the tracking code and what was recorded.
struct ReceiptPage {
    let trackingCode: String
    /// The absolute address of the signal's page, under the site's public URL.
    let trackingURL: String
    let region: String
    let municipality: String?
    let postcode: String
    let themes: [String]
    let observedOn: String
    let hasContactEmail: Bool
    /// The signal waits in the spool until the database is back.
    let isQueued: Bool
    /// The description as stored, with placeholders where personal data stood.
    let description: String
    /// What the scrubber replaced, as a Dutch sentence, or `nil`.
    let replacementNotice: String?
    let pageTitle = "Signaal ontvangen"

    init(_ accepted: SignalReception.Accepted, publicBase: String) {
        let signal = accepted.signal
        self.trackingCode = accepted.trackingCode.rawValue
        self.trackingURL = "\(publicBase)/volg/\(accepted.trackingCode.rawValue)"
        self.isQueued = accepted.state == .spooled
        self.description = signal.description
        let kinds = PersonalDataKind.allCases.filter { kind in signal.replacements.contains { $0.kind == kind } }
        self.replacementNotice =
            kinds.isEmpty
            ? nil
            : "Om de mensen over wie het gaat te beschermen, vervingen we persoonsgegevens door een label: "
                + kinds.map { "\($0.dutchName) door \($0.placeholder)" }.joined(separator: ", ")
                + ". Laat zulke gegevens voortaan weg: een signaal gaat over het probleem, niet over de persoon."
        self.region = signal.region.name
        self.municipality = signal.municipality?.name
        self.postcode = signal.postcode.rawValue
        self.themes = signal.themes.map(\.name)
        self.observedOn = signal.observedOn.description
        self.hasContactEmail = signal.contactEmail != nil
    }
}
