/// The channel through which a signal arrived; its raw value is the code in `signaal.signal_sources`.
public enum SignalSource: String, Sendable, CaseIterable, Codable {
    /// The web form for practitioners at `/`.
    case form
    /// The JSON API at `/api/v1/signals`.
    case api
    /// The batch API of regional platforms and partners, `/api/v1/signals/batch`.
    case batch
    /// A CSV file imported for a regional platform (`signaal import` or the upload page).
    case csvImport = "import"
}
