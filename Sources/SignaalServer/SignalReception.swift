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
    }

    /// Stores the submission, or returns every problem with it without storing anything.
    func receive(
        _ submission: SignalSubmission,
        source: SignalSource,
        logger: Logger
    ) async throws -> Result<Accepted, ValidationFailure> {
        switch self.intake.prepare(submission, source: source, today: self.clock.today()) {
        case .failure(let failure):
            logger.debug(
                "Submission refused",
                metadata: ["signal.source": "\(source.rawValue)", "signal.problems": "\(failure.problems.count)"])
            return .failure(failure)
        case .success(let signal):
            let receipt = try await self.store.insert(signal, logger: logger)
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
