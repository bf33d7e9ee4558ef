import Hummingbird
import HummingbirdAuth
import SignaalStore

/// Who may use a workspace route. Every route names one (``WorkspaceRouter`` has no other way to add a route);
/// the data rules (a coordinator's own platform) apply on top, in the use cases.
enum WorkspaceRule: AuthorizationPolicy, CaseIterable {
    /// Everyone, signed in or not: signing in and setting a password.
    case anyone
    /// Any signed-in staff member.
    case staff
    /// Coordinators and policy staff: reading signals, recurring problems, dossiers and draft briefs.
    case readSignals
    /// Coordinators: changing signals, importing.
    case changeSignals
    /// Coordinators of a platform and of the Vlaams platform: curating problems, dossiers, reviewing briefs.
    case curate
    /// Admins: managing accounts.
    case manageStaff

    /// The roles the rule admits (every role for ``anyone`` and ``staff``).
    var roles: Set<StaffMember.Role> {
        switch self {
        case .anyone, .staff: Set(StaffMember.Role.allCases)
        case .readSignals: [.coordinator, .flemish, .policy]
        case .changeSignals: [.coordinator]
        case .curate: [.coordinator, .flemish]
        case .manageStaff: [.admin]
        }
    }

    func isAuthorized(identity: StaffSession, request: Request) async throws -> Bool {
        self.roles.contains(identity.member.role)
    }
}
