public import SignaalCore

/// What a coordinator does to a signal from the workspace: each becomes a row of `signaal.signal_events`.
public enum SignalAction: Sendable, Equatable {
    /// Accepted as a signal about a structural problem (status `gevalideerd`).
    case validate
    /// Not taken up (status `afgewezen`), with a reason from the list and an optional, scrubbed note.
    case reject(RejectionReason, note: String?)
    /// The same signal as an earlier one (status `dubbel`): it then counts once, as that one.
    case markDuplicate(of: Int64)
    /// The coordinator's themes, primary first, replacing the classifier's and the submitter's.
    case setThemes([String])
    /// A passage the scrubber missed, replaced by `[AFGESCHERMD]` wherever it occurs in the signal's texts.
    case redact(passage: String)
    /// To another regional platform (wrong region): there it waits in the queue again (status `received`).
    case forward(to: String)

    /// The event's `action` column.
    public var eventCode: String {
        switch self {
        case .validate: "gevalideerd"
        case .reject: "afgewezen"
        case .markDuplicate: "dubbel"
        case .setThemes: "themas_aangepast"
        case .redact: "tekst_afgeschermd"
        case .forward: "doorgestuurd"
        }
    }

    /// The status code the signal gets, or `nil` when the action leaves its status alone.
    public var statusCode: String? {
        switch self {
        case .validate: "gevalideerd"
        case .reject: "afgewezen"
        case .markDuplicate: "dubbel"
        case .forward: "received"
        case .setThemes, .redact: nil
        }
    }

    /// What stands in the stored texts where a redacted passage stood.
    public static let redactionMarker = "[AFGESCHERMD]"
}

/// An action that cannot be applied, in words for the coordinator.
public enum TriageError: Error, Equatable, CustomStringConvertible {
    /// The passage to redact is in none of the signal's texts.
    case passageNotFound
    /// The signal named as the original is not one the coordinator can see, or is the signal itself.
    case unknownOriginal
    /// The platform to forward to is unknown or the signal's own.
    case unknownPlatform

    public var description: String {
        switch self {
        case .passageNotFound: "Deze passage staat niet letterlijk in de tekst van het signaal."
        case .unknownOriginal: "Geef het nummer van een ander signaal van je platform."
        case .unknownPlatform: "Kies een ander regionaal platform."
        }
    }
}
