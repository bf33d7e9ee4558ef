public import SignaalCluster
public import SignaalCore
import SignaalText

/// The one intake pipeline of every channel (form, JSON API, batch, CSV import, spool replay): clean the free text,
/// scrub personal data from it, validate and locate, analyse, classify the themes and propose a recurring problem.
///
/// Every free-text field passes ``scrubbed(_:)`` before anything is stored, logged or shown: the raw text of a
/// submission goes no further than this type.
public struct SignalIntake: Sendable {
    public let reference: ReferenceData
    /// The theme model in use; its analyzer also reads signals for clustering.
    public let themeModels: ThemeModelSlot
    private let scrubber = PersonalDataScrubber()

    /// - Parameter themeModel: The theme classifier's model, for the life of this intake.
    public init(reference: ReferenceData, themeModel: ThemeModel) {
        self.init(reference: reference, themeModels: ThemeModelSlot(model: themeModel))
    }

    /// - Parameter themeModels: The theme model in use, which the daemon replaces when another one is activated.
    public init(reference: ReferenceData, themeModels: ThemeModelSlot) {
        self.reference = reference
        self.themeModels = themeModels
    }

    /// An analysis of many submissions with one model: its snapshot and a memory of its analyzer's (see
    /// ``withBatch(_:)``).
    public struct Batch: Sendable {
        let model: ThemeModelSlot.Snapshot
        let memory: SignalAnalyzer.Memory
    }

    /// Turns a submission into a prepared signal, or lists every problem with it.
    ///
    /// - Parameters:
    ///   - today: The date in Belgium when the signal arrives; `observed_on` defaults to it and may not lie after it.
    ///   - clusters: The assignment model of the latest reclustering, which proposes the signal's recurring
    ///     problem; without one, the next reclustering gives it one.
    public func prepare(
        _ submission: SignalSubmission,
        source: SignalSource,
        today: CalendarDate,
        clusters: ClusterAssigner? = nil
    ) -> Result<PreparedSignal, ValidationFailure> {
        self.validated(submission, source: source, today: today).map { self.prepare(accepted: $0, clusters: clusters) }
    }

    /// Prepares many submissions at once on the calling thread (a CSV import's chunk), analysing them with `memory`
    /// (see ``withBatch(_:)``): the same steps as ``prepare(_:source:today:clusters:)``,
    /// without a recurring problem (the next reclustering gives imported signals one).
    public func prepare(
        _ submissions: [SignalSubmission],
        source: SignalSource,
        today: CalendarDate,
        batch: Batch
    ) -> [Result<PreparedSignal, ValidationFailure>] {
        let validated = submissions.map { self.validated($0, source: source, today: today) }
        var features = batch.model.analyzer.numberedFeatures(
            validated.compactMap { try? $0.get().description }, remembering: batch.memory
        ).makeIterator()
        return validated.map { outcome in
            outcome.map { signal in
                PreparedSignal(
                    signal: signal,
                    classification: batch.model.classifier.classify(features.next()!, submitted: signal.themes.map(\.code)),
                    proposedCluster: nil)
            }
        }
    }

    /// Analyses, classifies and places a signal that passed validation before: one accepted while the database was
    /// down (replayed from the spool), or one whose recurring problem is looked for again under a newer model.
    public func prepare(accepted signal: ValidatedSignal, clusters: ClusterAssigner?) -> PreparedSignal {
        let model = self.themeModels.snapshot
        let features = model.analyzer.features(signal.description)
        let proposal = clusters.flatMap { model in
            model.assign(features).map {
                PreparedSignal.ClusterProposal(clusterID: $0.clusterID, similarity: $0.similarity, runID: model.runID)
            }
        }
        return PreparedSignal(
            signal: signal, classification: model.classifier.classify(features, submitted: signal.themes.map(\.code)),
            proposedCluster: proposal)
    }

    /// Runs `body` with the model in use and a memory of its analyzer's that no other caller uses meanwhile (for
    /// ``prepare(_:source:today:batch:)``).
    public func withBatch<Result>(_ body: (Batch) -> Result) -> Result {
        let model = self.themeModels.snapshot
        return model.analyzer.withSharedMemory { body(Batch(model: model, memory: $0)) }
    }

    /// The submission cleaned, scrubbed, validated and located, with what was replaced.
    private func validated(
        _ submission: SignalSubmission, source: SignalSource, today: CalendarDate
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

    /// One free text outside a submission (an import's team name), cleaned and scrubbed.
    public func scrubbed(text: String) -> String {
        self.scrubber.scrub(self.cleanedFreeText(text)).text
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
