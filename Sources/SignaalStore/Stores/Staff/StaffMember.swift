public import Foundation

/// A person who works in the workspace, as far as Signaal knows them (never their password).
public struct StaffMember: Sendable, Equatable {
    /// What a staff member may do.
    public enum Role: String, Sendable, CaseIterable {
        /// A regional platform's coordinator: reads and judges the signals of that platform.
        case coordinator
        /// A coordinator of the Vlaams platform: reads every platform's signals, curates recurring problems, makes
        /// Flemish dossiers and publishes the Flemish brief; the platforms judge their own signals.
        case flemish
        /// Flemish policy staff: read every platform's signals, change nothing.
        case policy
        /// Manages accounts; sees no signals.
        case admin

        /// The role's Dutch name.
        public var dutchName: String {
            switch self {
            case .coordinator: "Coördinator"
            case .flemish: "Vlaams coördinator"
            case .policy: "Beleidsmedewerker"
            case .admin: "Beheerder"
            }
        }
    }

    public let id: Int64
    public let email: String
    public let name: String
    public let role: Role
    /// The regional platform's code, for a coordinator.
    public let platform: String?
    public let createdAt: Date
    public let disabledAt: Date?
    /// Whether a password was set through the one-time link.
    public let hasPassword: Bool

    /// The platform whose signals, problems and dossiers the member may read: `.some(code)` for a coordinator's own
    /// platform, `.some(nil)` for every platform (Flemish coordinators, policy staff), `nil` for none (admins).
    public var readablePlatform: String?? {
        switch self.role {
        case .coordinator: self.platform.map { .some($0) } ?? nil
        case .flemish, .policy: .some(nil)
        case .admin: nil
        }
    }

    /// The platform whose problems, dossiers and briefs the member curates: `.some(code)` for a coordinator,
    /// `.some(nil)` (the Flemish ones) for a Flemish coordinator, `nil` for the others, who change nothing.
    public var curatedPlatform: String?? {
        switch self.role {
        case .coordinator: self.platform.map { .some($0) } ?? nil
        case .flemish: .some(nil)
        case .policy, .admin: nil
        }
    }
}
