public import Foundation
public import Logging
public import SignaalCore
public import SignaalIntake
public import SignaalStore

/// Receiving signals, whatever the channel: prepare each through the one intake pipeline, store it with its themes
/// and recurring problem — or spool it when the database is unreachable — settle its recurring problem, and log its
/// tracking code (never its text).
public struct SignalReception: Sendable {
    public let intake: SignalIntake
    let store: SignalStore
    public let clock: CalendarClock
    /// Where signals wait while PostgreSQL is unreachable; without one such a submission fails with 503.
    let spool: Spool?
    /// The recurring problems a new signal may join.
    let clusters: ClusterArrival

    public init(intake: SignalIntake, store: SignalStore, clock: CalendarClock, spool: Spool?, clusters: ClusterArrival) {
        self.intake = intake
        self.store = store
        self.clock = clock
        self.spool = spool
        self.clusters = clusters
    }

    /// A signal the practitioner may consider delivered.
    public struct Accepted: Sendable {
        public enum State: Sendable, Equatable {
            /// Stored now, with this receipt.
            case stored(SignalReceipt)
            /// The same submission came before under the same idempotency key: this is its first receipt.
            case repeated(id: Int64)
            /// Safe on disk; stored in the database as soon as it is reachable again.
            case spooled
        }

        public let prepared: PreparedSignal
        public let trackingCode: TrackingCode
        public let receivedAt: Date
        public let state: State

        /// The signal as stored.
        public var signal: ValidatedSignal { self.prepared.signal }
    }

    /// Stores the submission, or returns every problem with it without storing anything.
    ///
    /// With an idempotency key, a repeat of an earlier submission answers with its receipt and stores nothing.
    /// - Throws: ``IdempotencyKeyReused`` when the key came before with a different submission.
    public func receive(
        _ submission: SignalSubmission,
        source: SignalSource,
        idempotencyKey: IdempotencyKey? = nil,
        logger: Logger
    ) async throws -> Result<Accepted, ValidationFailure> {
        let prepared: PreparedSignal
        switch self.intake.prepare(submission, source: source, today: self.clock.today(), clusters: self.clusters.current) {
        case .failure(let failure):
            logger.debug(
                "Submission refused",
                metadata: ["signal.source": "\(source.rawValue)", "signal.problems": "\(failure.problems.count)"])
            return .failure(failure)
        case .success(let signal):
            prepared = signal
        }
        let trackingCode = TrackingCode.random()
        let accepted: Accepted
        do {
            accepted = try await self.store(prepared, trackingCode: trackingCode, idempotencyKey: idempotencyKey, logger: logger)
        } catch let error as PostgresError where error.isUnavailable {
            guard let spool = self.spool else { throw error }
            let entry = SpooledSignal(
                trackingCode: trackingCode, receivedAt: self.clock.now(), idempotencyKey: idempotencyKey, signal: prepared.signal)
            try await spool.append(entry)
            logger.warning(
                "Database unreachable: signal spooled",
                metadata: ["spool.depth": "\(spool.depth)", "db.error": "\(error)"])
            SignaalMetrics.accepted(source, replacements: prepared.signal.replacements)
            return .success(Accepted(prepared: prepared, trackingCode: trackingCode, receivedAt: entry.receivedAt, state: .spooled))
        }
        // The tracking code is a secret: the log names the signal by its id.
        switch accepted.state {
        case .repeated(let id):
            logger.info(
                "Repeated submission answered with its first receipt",
                metadata: ["signal.id": "\(id)", "signal.source": "\(source.rawValue)"])
        case .stored(let receipt):
            logger.info("Signal accepted", metadata: ["signal.id": "\(receipt.id)", "signal.source": "\(source.rawValue)"])
            SignaalMetrics.accepted(source, replacements: prepared.signal.replacements)
            await self.clusters.settle(receipt, prepared, logger: logger)
        case .spooled:
            break
        }
        return .success(accepted)
    }

    /// What became of one signal of a batch.
    public enum BatchItem: Sendable {
        case created(SignalReceipt)
        /// The platform sent this external id before: the signal stored then.
        case duplicate(id: Int64, trackingCode: TrackingCode)
        case invalid(ValidationFailure)
    }

    /// Receives a platform's batch: each submission prepared like a single one, the valid ones stored in one
    /// transaction (a repeated external id answers with the signal stored before), the invalid ones reported.
    /// - Returns: one item per submission, in order.
    public func receiveBatch(
        _ submissions: [(submission: SignalSubmission, origin: SignalOrigin)], logger: Logger
    ) async throws -> [BatchItem] {
        let today = self.clock.today()
        let model = self.clusters.current
        let outcomes = submissions.map { self.intake.prepare($0.submission, source: .batch, today: today, clusters: model) }
        let valid = zip(outcomes, submissions).compactMap { outcome, item in (try? outcome.get()).map { ($0, item.origin) } }
        var stored = try await self.store.insertBatch(valid, logger: logger).makeIterator()
        var items: [BatchItem] = []
        for outcome in outcomes {
            switch outcome {
            case .failure(let failure):
                items.append(.invalid(failure))
            case .success(let prepared):
                switch stored.next()! {
                case .created(let receipt):
                    SignaalMetrics.accepted(.batch, replacements: prepared.signal.replacements)
                    await self.clusters.settle(receipt, prepared, logger: logger)
                    items.append(.created(receipt))
                case .duplicate(let id, let trackingCode):
                    items.append(.duplicate(id: id, trackingCode: trackingCode))
                }
            }
        }
        return items
    }

    private func store(
        _ prepared: PreparedSignal, trackingCode: TrackingCode, idempotencyKey: IdempotencyKey?, logger: Logger
    ) async throws -> Accepted {
        guard let idempotencyKey else {
            let receipt = try await self.store.insert(prepared, trackingCode: trackingCode, logger: logger)
            return Accepted(prepared: prepared, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, state: .stored(receipt))
        }
        switch try await self.store.insert(prepared, trackingCode: trackingCode, idempotencyKey: idempotencyKey, logger: logger) {
        case .created(let receipt):
            return Accepted(prepared: prepared, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, state: .stored(receipt))
        case .replayed(let receipt):
            return Accepted(
                prepared: prepared, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, state: .repeated(id: receipt.id))
        case .keyReused:
            throw IdempotencyKeyReused()
        }
    }
}

/// An idempotency key came again with a different submission; nothing was stored.
public struct IdempotencyKeyReused: Error {
    public init() {}
}
