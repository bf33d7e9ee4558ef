import Foundation
import SignaalCore
import SignaalStore

/// What every workspace page shows around its content: who is signed in, the menu their role opens, and the
/// sign-out button with the session's form token.
struct WorkspaceChrome {
    let memberName: String
    let roleName: String
    let platformName: String?
    /// The session's form token, for every form on the page (hidden field `csrf`).
    let csrf: String
    let canReadSignals: Bool
    let canChangeSignals: Bool
    let canManageStaff: Bool
    let canCurate: Bool

    init(session: StaffSession, tokens: FormTokens, reference: ReferenceData) {
        let member = session.member
        self.memberName = member.name
        self.roleName = member.role.dutchName
        self.platformName = member.platform.map { code in reference.regions.first { $0.code == code }?.name ?? code }
        self.csrf = tokens.token(for: session)
        self.canReadSignals = WorkspaceRule.readSignals.roles.contains(member.role)
        self.canChangeSignals = WorkspaceRule.changeSignals.roles.contains(member.role)
        self.canManageStaff = WorkspaceRule.manageStaff.roles.contains(member.role)
        self.canCurate = WorkspaceRule.curate.roles.contains(member.role)
    }
}

/// An option of a `<select>` or a checkbox group, with whether it is chosen.
struct ChoiceOption {
    let value: String
    let label: String
    let selected: Bool
}

/// Dates and times as the workspace shows them, in Brussels time.
enum WorkspaceDates {
    static func dayAndTime(_ date: Date) -> String {
        let format = DateFormatter()
        format.dateFormat = "d/M/yyyy HH:mm"
        format.timeZone = TimeZone(identifier: "Europe/Brussels")
        return format.string(from: date)
    }
}
