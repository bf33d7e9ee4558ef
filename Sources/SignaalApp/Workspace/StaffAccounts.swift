import Foundation
public import Logging
public import SignaalStore

/// Creating, listing and disabling staff accounts, and the one-time link where a new member sets a password.
public struct StaffAccounts: Sendable {
    let store: StaffStore
    let hasher: PasswordHasher
    let clock: CalendarClock

    public init(store: StaffStore, hasher: PasswordHasher = PasswordHasher(), clock: CalendarClock) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
    }

    /// The path of a password link (under the daemon's public URL).
    public static func linkPath(_ secret: String) -> String { "/werkruimte/wachtwoord/\(secret)" }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 12

    /// A new account and the path of its password link, to be shown once.
    /// - Throws: ``StaffError``.
    public func create(
        email: String, name: String, role: StaffMember.Role, platform: String?, logger: Logger
    ) async throws -> (member: StaffMember, linkPath: String) {
        let (member, secret) = try await self.store.create(
            email: email.trimmingCharacters(in: .whitespaces), name: name.trimmingCharacters(in: .whitespaces), role: role,
            platform: platform, now: self.clock.now(), logger: logger)
        return (member, Self.linkPath(secret))
    }

    /// A fresh password link for an active account, or `nil` when there is none with that id.
    public func newLink(for id: Int64, logger: Logger) async throws -> String? {
        try await self.store.newLink(for: id, now: self.clock.now(), logger: logger).map(Self.linkPath)
    }

    public func list(logger: Logger) async throws -> [StaffMember] {
        try await self.store.list(logger: logger)
    }

    /// Disables an account; its sessions end at once. `false` when there is no such active account.
    public func disable(id: Int64, logger: Logger) async throws -> Bool {
        try await self.store.disable(id: id, now: self.clock.now(), logger: logger)
    }

    /// The member a password link that still works belongs to.
    public func member(forLink secret: String, logger: Logger) async throws -> StaffMember? {
        try await self.store.member(forLink: secret, now: self.clock.now(), logger: logger)
    }

    /// Sets the password through the link; `false` when the link no longer works.
    public func setPassword(_ password: String, link secret: String, logger: Logger) async throws -> Bool {
        let hash = try await self.hasher.hash(password)
        return try await self.store.setPassword(hash: hash, link: secret, now: self.clock.now(), logger: logger)
    }
}
