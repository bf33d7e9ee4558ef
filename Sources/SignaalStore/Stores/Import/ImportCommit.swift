import Foundation

/// Where the two connections that load one import meet before they commit (see ``ImportLoad``): neither commits
/// unless both loaded everything they took, and the helper commits before the loader that holds the platform's turn,
/// so that the platform's next import, which waits for that turn, sees all of this one. Only when the loader's own
/// `COMMIT` fails after the helper's succeeded (the connection lost at that very moment) does the helper's share stay:
/// importing the file again loads the rest and skips what is there.
///
/// Both sides call in from their connection's thread and wait there. `@unchecked Sendable`: every stored property is
/// read and written under `condition`.
final class ImportCommit: @unchecked Sendable {
    /// A side stops because the other failed: the other side's error is the one to report.
    struct PartnerFailed: Error {}

    private let condition = NSCondition()
    private var hasHelper = false
    /// nil until the loader that holds the turn has loaded all it took (true) or failed (false).
    private var loaderLoaded: Bool?
    /// nil until the helper has committed (true) or failed (false).
    private var helperCommitted: Bool?

    /// Says that a helper loads part of the rows: the loader waits for its commit.
    func helperStarts() {
        self.condition.withLock { self.hasHelper = true }
    }

    /// The loader has loaded all it took: waits for the helper's commit, if a helper started. True: commit.
    func loaderMayCommit() -> Bool {
        self.condition.withLock {
            self.loaderLoaded = true
            self.condition.broadcast()
            guard self.hasHelper else { return true }
            while self.helperCommitted == nil { self.condition.wait() }
            return self.helperCommitted!
        }
    }

    /// The loader failed: the helper rolls back.
    func loaderFailed() {
        self.condition.withLock {
            if self.loaderLoaded == nil { self.loaderLoaded = false }
            self.condition.broadcast()
        }
    }

    /// The helper has loaded all it took: waits for the loader to have done the same. True: commit.
    func helperMayCommit() -> Bool {
        self.condition.withLock {
            while self.loaderLoaded == nil { self.condition.wait() }
            return self.loaderLoaded!
        }
    }

    /// The helper committed, or rolled back.
    func helperFinished(committed: Bool) {
        self.condition.withLock {
            self.helperCommitted = committed
            self.condition.broadcast()
        }
    }
}
