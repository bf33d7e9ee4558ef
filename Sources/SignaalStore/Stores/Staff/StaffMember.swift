public import Foundation

/// A person who works in the workspace, as far as Signaal knows them (never their password).
public struct StaffMember: Sendable, Equatable {
    /// What a staff member may do.
    public enum Role: String, Sendable, CaseIterable {
        /// A regional platform's coordinator: reads and judges the signals of that platform.
        case coordinator
        /// Flemish policy staff: read every platform's signals, change nothing.
        case policy
        /// Manages accounts; sees no signals.
        case admin

        /// The role's Dutch name.
        public var dutchName: String {
            switch self {
            case .coordinator: "Coördinator"
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
}
