import SignaalCore
import SignaalStore

/// The view model of `/werkruimte/medewerkers`: the accounts, the form for a new one, and a new account's link.
struct StaffPage {
    struct Member {
        let id: Int64
        let name: String
        let email: String
        let role: String
        let state: String
        let canDisable: Bool
    }

    /// What the form had, kept when it comes back with messages.
    struct Kept {
        var email = ""
        var name = ""
        var role = ""
        var platform = ""
    }

    let pageTitle = "Medewerkers"
    let chrome: WorkspaceChrome
    let members: [Member]
    let createdName: String?
    let createdLink: String?
    let roles: [ChoiceOption]
    let platforms: [ChoiceOption]
    let email: String
    let name: String
    let emailError: String?
    let nameError: String?
    let roleError: String?
    let platformError: String?

    init(
        members: [StaffMember], self id: Int64, chrome: WorkspaceChrome, reference: ReferenceData,
        createdLink: (name: String, url: String)?, errors: [String: String], kept: Kept
    ) {
        self.chrome = chrome
        self.members = members.map { member in
            Member(
                id: member.id, name: member.name, email: member.email,
                role: member.role.dutchName
                    + (member.platform.map { code in ", " + (reference.regions.first { $0.code == code }?.name ?? code) } ?? ""),
                state: member.disabledAt != nil ? "uitgeschakeld" : member.hasPassword ? "actief" : "wacht op wachtwoord",
                canDisable: member.disabledAt == nil && member.id != id)
        }
        self.createdName = createdLink?.name
        self.createdLink = createdLink?.url
        self.roles = StaffMember.Role.allCases.map {
            ChoiceOption(value: $0.rawValue, label: $0.dutchName, selected: $0.rawValue == kept.role)
        }
        self.platforms = reference.regions.map { ChoiceOption(value: $0.code, label: $0.name, selected: $0.code == kept.platform) }
        self.email = kept.email
        self.name = kept.name
        self.emailError = errors["email"]
        self.nameError = errors["naam"]
        self.roleError = errors["rol"]
        self.platformError = errors["platform"]
    }
}
