public import SignaalCore

/// The pure intake pipeline shared by every channel: clean the free text, scrub personal data from it, then
/// validate and locate.
///
/// Every free-text field passes ``scrubbed(_:)`` before anything is stored, logged or shown: the raw text of a
/// submission goes no further than this type.
public struct SignalIntake: Sendable {
    public let reference: ReferenceData
    private let scrubber = PersonalDataScrubber()

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
        let (scrubbed, replacements) = self.scrubbed(submission)
        return scrubbed.validated(against: self.reference, source: source, today: today).map { signal in
            var signal = signal
            signal.replacements = replacements
            return signal
        }
    }

    /// The submission with every free-text field cleaned and scrubbed (the contact e-mail is a contact field,
    /// kept apart, and stays), and what was replaced where.
    public func scrubbed(_ submission: SignalSubmission) -> (SignalSubmission, [PersonalDataReplacement]) {
        var result = submission
        var replacements: [PersonalDataReplacement] = []
        func scrub(_ value: String?, _ field: SignalSubmission.Field) -> String? {
            guard let value else { return nil }
            let scrubbed = self.scrubber.scrub(self.cleanedFreeText(value))
            replacements += scrubbed.kinds.map { PersonalDataReplacement(field: field.stringValue, kind: $0) }
            return scrubbed.text
        }
        result.description = scrub(submission.description, .description)
        result.targetGroup = scrub(submission.targetGroup, .targetGroup)
        result.frequency = scrub(submission.frequency, .frequency)
        result.suggestion = scrub(submission.suggestion, .suggestion)
        return (result, replacements)
    }

    /// Normalises one free-text field: line breaks become `\n`, control characters go, and surrounding white space is
    /// trimmed.
    public func cleanedFreeText(_ text: String) -> String {
        // Most text is printable ASCII with line feeds and tabs: nothing to clean.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == 0x0A || $0 == 0x09 }) { return text.trimmingWhitespace() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\r": bytes.append(0x0A)
            case "\n" where previousWasCarriageReturn: continue
            case "\n", "\t": bytes.append(UInt8(scalar.value))
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                if !scalar.isASCII {
                    let category = scalar.properties.generalCategory
                    if category == .control || category == .format && scalar != "\u{200D}" { continue }
                }
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }
}
