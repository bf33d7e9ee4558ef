import Foundation
import Logging
import SignaalCore
import SignaalText
import SignaalStore

/// What every channel does with a submission: prepare it through the pure intake pipeline, store it — or spool it
/// when the database is unreachable — and log its tracking code (never its text).
struct SignalReception: Sendable {
    let intake: SignalIntake
    let store: SignalStore
    let clock: CalendarClock
    /// Where signals wait while PostgreSQL is unreachable; without one such a submission fails with 503.
    let spool: Spool?
    /// Gives stored signals their themes and recurring problem.
    let arrival: ClusterArrival

    /// A signal the practitioner may consider delivered.
    struct Accepted: Sendable {
        enum State: Sendable, Equatable {
            /// Stored now, with this receipt.
            case stored(SignalReceipt)
            /// The same submission came before under the same idempotency key: this is its first receipt.
            case repeated(id: Int64)
            /// Safe on disk; stored in the database as soon as it is reachable again.
            case spooled
        }

        let signal: ValidatedSignal
        let trackingCode: TrackingCode
        let receivedAt: Date
        let state: State
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
        let signal: ValidatedSignal
        switch self.intake.prepare(submission, source: source, today: self.clock.today()) {
        case .failure(let failure):
            logger.debug(
                "Submission refused",
                metadata: ["signal.source": "\(source.rawValue)", "signal.problems": "\(failure.problems.count)"])
            return .failure(failure)
        case .success(let prepared):
            signal = prepared
        }
        let trackingCode = TrackingCode.random()
        let arrival = self.arrival.prepare(description: signal.description, submittedThemes: signal.themes.map(\.code))
        let accepted: Accepted
        do {
            accepted = try await self.store(
                signal, trackingCode: trackingCode, idempotencyKey: idempotencyKey, arrival: arrival, logger: logger)
        } catch let error as PostgresError where error.isUnavailable {
            guard let spool = self.spool else { throw error }
            let entry = SpooledSignal(trackingCode: trackingCode, receivedAt: Date(), idempotencyKey: idempotencyKey, signal: signal)
            try await spool.append(entry)
            logger.warning(
                "Database unreachable: signal spooled",
                metadata: ["signal.tracking_code": "\(trackingCode)", "spool.depth": "\(spool.depth)", "db.error": "\(error)"])
            return .success(Accepted(signal: signal, trackingCode: trackingCode, receivedAt: entry.receivedAt, state: .spooled))
        }
        let metadata: Logger.Metadata = ["signal.tracking_code": "\(accepted.trackingCode)", "signal.source": "\(source.rawValue)"]
        switch accepted.state {
        case .repeated:
            logger.info("Repeated submission answered with its first receipt", metadata: metadata)
        case .stored(let receipt):
            logger.info("Signal accepted", metadata: metadata)
            SignaalMetrics.accepted(source, replacements: signal.replacements)
            await self.arrival.settle(receipt, description: signal.description, logger: logger)
        case .spooled:
            logger.info("Signal accepted", metadata: metadata)
            SignaalMetrics.accepted(source, replacements: signal.replacements)
        }
        return .success(accepted)
    }

    private func store(
        _ signal: ValidatedSignal,
        trackingCode: TrackingCode,
        idempotencyKey: IdempotencyKey?,
        arrival: SignalArrival,
        logger: Logger
    ) async throws -> Accepted {
        guard let idempotencyKey else {
            let receipt = try await self.store.insert(signal, trackingCode: trackingCode, arrival: arrival, logger: logger)
            return Accepted(signal: signal, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, state: .stored(receipt))
        }
        switch try await self.store.insert(
            signal, trackingCode: trackingCode, idempotencyKey: idempotencyKey, arrival: arrival, logger: logger)
        {
        case .created(let receipt):
            return Accepted(signal: signal, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, state: .stored(receipt))
        case .replayed(let receipt):
            return Accepted(signal: signal, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, state: .repeated(id: receipt.id))
        case .keyReused:
            throw IdempotencyKeyReused()
        }
    }
}

/// An idempotency key came again with a different submission; nothing was stored.
struct IdempotencyKeyReused: Error {}
