public import Foundation
public import Logging
public import SignaalStore

/// Signing in and out, and the sessions in between. Failed sign-ins are counted per account and per client in
/// PostgreSQL: after ``maximumFailures`` within ``throttleWindow`` either one is refused until the window has
/// passed, with the same answer whether the address exists or not.
public struct StaffSignIn: Sendable {
    let sessions: StaffSessionStore
    let staff: StaffStore
    let hasher: PasswordHasher
    let clock: CalendarClock
    public let lifetime: StaffSessionStore.Lifetime

    public static let maximumFailures = 5
    public static let throttleWindow: TimeInterval = 15 * 60

    public init(
        sessions: StaffSessionStore, staff: StaffStore, hasher: PasswordHasher = PasswordHasher(), clock: CalendarClock,
        lifetime: StaffSessionStore.Lifetime = .init()
    ) {
        self.sessions = sessions
        self.staff = staff
        self.hasher = hasher
        self.clock = clock
        self.lifetime = lifetime
    }

    public enum Outcome: Sendable, Equatable {
        /// Signed in: the session id for the cookie.
        case signedIn(session: String, member: StaffMember)
        /// Wrong address or password (the same for both).
        case refused
        /// Too many failures for this account or client: try again later.
        case throttled
    }

    /// Checks the credentials. `client` is the client's address block (``ClientBlock``), `nil` when unknown.
    public func signIn(email: String, password: String, client: String?, logger: Logger) async throws -> Outcome {
        let account = "account:" + email.trimmingCharacters(in: .whitespaces).lowercased()
        let subjects = [account] + (client.map { ["client:" + $0] } ?? [])
        let now = self.clock.now()
        if try await self.sessions.failures(of: subjects, since: now.addingTimeInterval(-Self.throttleWindow), logger: logger)
            >= Self.maximumFailures
        {
            return .throttled
        }
        let credentials = try await self.staff.credentials(email: email.trimmingCharacters(in: .whitespaces), logger: logger)
        let matches = try await self.hasher.verify(password, against: credentials?.passwordHash ?? PasswordHasher.unmatchable)
        guard let member = credentials?.member, matches else {
            try await self.sessions.recordFailure(of: subjects, now: now, logger: logger)
            return .refused
        }
        try await self.sessions.clearFailures(of: account, logger: logger)
        return .signedIn(session: try await self.sessions.start(for: member.id, now: now, logger: logger), member: member)
    }

    /// The member signed in with this session id, if the session has not expired and the account is active.
    public func member(ofSession id: String, logger: Logger) async throws -> StaffMember? {
        try await self.sessions.member(ofSession: id, now: self.clock.now(), lifetime: self.lifetime, logger: logger)
    }

    public func signOut(_ id: String, logger: Logger) async throws {
        try await self.sessions.end(id, now: self.clock.now(), lifetime: self.lifetime, logger: logger)
    }
}
