import Logging
import SignaalCore
import SignaalStore

/// What every channel does with a submission: prepare it through the pure intake pipeline, store it, and log its
/// tracking code (never its text).
struct SignalReception: Sendable {
    let intake: SignalIntake
    let store: SignalStore
    let clock: CalendarClock

    /// A stored signal and its receipt.
    struct Accepted: Sendable {
        let signal: ValidatedSignal
        let receipt: SignalReceipt
        /// The same submission came before under the same idempotency key: this is the first receipt.
        var isRepeat = false
    }

    /// Stores the submission, or returns every problem with it without storing anything.
    ///
    /// With an idempotency key, a repeat of an earlier submission answers with its receipt and stores nothing.
    /// - Throws: ``IdempotencyKeyReused`` when the key came before with a different submission.
    func receive(
        _ submission: SignalSubmission,
        source: SignalSource,
        idempotencyKey: IdempotencyKey? = nil,
        logger: Logger
    ) async throws -> Result<Accepted, ValidationFailure> {
        switch self.intake.prepare(submission, source: source, today: self.clock.today()) {
        case .failure(let failure):
            logger.debug(
                "Submission refused",
                metadata: ["signal.source": "\(source.rawValue)", "signal.problems": "\(failure.problems.count)"])
            return .failure(failure)
        case .success(let signal):
            let receipt: SignalReceipt
            if let idempotencyKey {
                switch try await self.store.insert(signal, idempotencyKey: idempotencyKey, logger: logger) {
                case .created(let created):
                    receipt = created
                case .replayed(let earlier):
                    logger.info("Repeated submission answered with its first receipt",
                                metadata: ["signal.tracking_code": "\(earlier.trackingCode)", "signal.source": "\(source.rawValue)"])
                    return .success(Accepted(signal: signal, receipt: earlier, isRepeat: true))
                case .keyReused:
                    throw IdempotencyKeyReused()
                }
            } else {
                receipt = try await self.store.insert(signal, logger: logger)
            }
            logger.info(
                "Signal accepted",
                metadata: [
                    "signal.tracking_code": "\(receipt.trackingCode)", "signal.id": "\(receipt.id)",
                    "signal.source": "\(source.rawValue)",
                ])
            return .success(Accepted(signal: signal, receipt: receipt))
        }
    }
}

/// An idempotency key came again with a different submission; nothing was stored.
struct IdempotencyKeyReused: Error {}
