/// The channel through which a signal arrived; its raw value is the code in `signaal.signal_sources`.
public enum SignalSource: String, Sendable, CaseIterable, Codable {
    /// The web form for practitioners at `/`.
    case form
    /// The JSON API at `/api/v1/signals`.
    case api
}
