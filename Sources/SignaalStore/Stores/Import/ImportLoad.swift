import Logging
import Synchronization

/// One import's load under way. The loader copies batches into the tables in its transaction; meanwhile ``add(_:)``
/// readies each batch on a connection of its own — drops the rows the platform loaded before, reserves ids and
/// tracking codes, writes the rows out for `COPY` — so that the loader never waits for those look-ups and only sends.
/// With a pool of three connections or more, a helper on a third connection takes every other batch in a
/// transaction of its own, committed just before the loader's (``ImportCommit``): the database loads on two cores.
/// (With a pool of one connection the loader readies the rows itself.)
public final class ImportLoad: Sendable {
    private let store: ImportStore
    private let source: ImportSource
    private let logger: Logger
    private let feed = ImportFeed()
    private let loader: Task<Int, any Error>
    private let commit: ImportCommit?
    /// Ends once the loader has the platform's turn (with an element) or failed before it had (without).
    private let turn: AsyncStream<Void>
    private let state = Mutex(State())

    private struct State {
        var hasTurn: Bool?
        /// The tracking codes reserved so far: the loader's transaction holds them before others can see them.
        var trackingCodes: Set<String> = []
        /// The ids behind the codes rows carry, read with the first batch.
        var reference: ImportReference?
        /// The helper, once the loader has the turn.
        var helper: Task<Int, any Error>?
    }

    init(store: ImportStore, source: ImportSource, logger: Logger) {
        (self.store, self.source, self.logger) = (store, source, logger)
        let commit = store.pool.configuration.maximumConnections > 2 ? ImportCommit() : nil
        self.commit = commit
        let (turn, continuation) = AsyncStream.makeStream(of: Void.self)
        self.turn = turn
        self.loader = Task { [feed] in
            defer { continuation.finish() }
            return try await store.load(feed, source: source, commit: commit, logger: logger) {
                continuation.yield()
                continuation.finish()
            }
        }
    }

    /// Readies `rows` and hands them to the loader, in order. Once the load has failed it drops them: ``finish()``
    /// reports the failure.
    public func add(_ rows: [ImportStore.Row]) async throws {
        guard !rows.isEmpty, !self.feed.isCancelled else { return }
        guard self.store.pool.configuration.maximumConnections > 1, await self.loaderHasTurn() else {
            self.feed.add(.unreserved(rows))
            return
        }
        if let commit = self.commit {
            self.state.withLock { state in
                guard state.helper == nil else { return }
                commit.helperStarts()
                state.helper = Task { [store, feed, source, logger] in
                    try await store.help(feed, source: source, commit: commit, logger: logger)
                }
            }
        }
        let (excluded, known) = self.state.withLock { ($0.trackingCodes, $0.reference) }
        let (batch, reference) = try await self.store.pool.withConnection(logger: self.logger) { [source] connection in
            let reference = try known ?? ImportReference(platform: source.platform, on: connection)
            return (try ImportBatch.reserve(rows, source: source, excluding: excluded, reference: reference, on: connection), reference)
        }
        self.state.withLock {
            $0.trackingCodes.formUnion(batch.trackingCodes)
            $0.reference = reference
        }
        self.feed.add(.reserved(batch))
    }

    /// Waits for the loader to finish: how many rows became new signals.
    /// - Throws: what the loader or the helper threw first (see `ImportStore.load`); then nothing was committed.
    public func finish() async throws -> Int {
        self.feed.finish()
        let helped = await self.state.withLock { $0.helper }?.result
        let loaded = await self.loader.result
        // When the helper failed first, the loader only stopped for it: the helper's error is the one to report.
        if case .failure(let error) = helped, !(error is ImportCommit.PartnerFailed), !(error is CancellationError) {
            throw error
        }
        return try loaded.get() + (helped?.get() ?? 0)
    }

    /// Stops the load: nothing of it is committed.
    public func cancel() async {
        self.feed.cancel()
        _ = try? await self.state.withLock { $0.helper }?.value
        _ = try? await self.loader.value
    }

    /// Whether the loader holds the platform's turn, waiting until it does (or failed): rows the platform is loading
    /// in another import count as loaded before only once that import is done.
    private func loaderHasTurn() async -> Bool {
        if let known = self.state.withLock({ $0.hasTurn }) { return known }
        var events = self.turn.makeAsyncIterator()
        let hasTurn = await events.next() != nil
        self.state.withLock { $0.hasTurn = hasTurn }
        return hasTurn
    }
}
