/// The pure intake pipeline shared by every channel: clean the free text, then validate and locate.
///
/// ``cleanedFreeText(_:)`` is the one place every free-text field passes through before anything is stored, logged
/// or shown: personal-data scrubbing plugs in there.
public struct SignalIntake: Sendable {
    public let reference: ReferenceData

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    /// Turns a submission into a signal ready to store, or lists every problem with it.
    ///
    /// - Parameter today: The date in Belgium when the signal arrives; `observed_on` defaults to it and may not
    ///   lie after it.
    public func prepare(
        _ submission: SignalSubmission,
        source: SignalSource,
        today: CalendarDate
    ) -> Result<ValidatedSignal, ValidationFailure> {
        var cleaned = submission
        cleaned.description = submission.description.map(self.cleanedFreeText)
        cleaned.targetGroup = submission.targetGroup.map(self.cleanedFreeText)
        cleaned.frequency = submission.frequency.map(self.cleanedFreeText)
        cleaned.suggestion = submission.suggestion.map(self.cleanedFreeText)
        return cleaned.validated(against: self.reference, source: source, today: today)
    }

    /// Normalises one free-text field: line breaks become `\n`, control characters go, and surrounding white space is
    /// trimmed.
    public func cleanedFreeText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n" where previousWasCarriageReturn: continue
            case "\n", "\t": scalars.append(scalar)
            default:
                let category = scalar.properties.generalCategory
                if category == .control || category == .format && scalar != "\u{200D}" { continue }
                scalars.append(scalar)
            }
        }
        return String(scalars).trimmingWhitespace()
    }
}
