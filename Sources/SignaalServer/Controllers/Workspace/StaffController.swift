import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SignaalApp
import SignaalCore
import SignaalStore

/// `/werkruimte/medewerkers`, for admins: the accounts, a form to create one (its password link is shown once),
/// and disabling an account, whose sessions end at once.
struct StaffController {
    let accounts: StaffAccounts
    let renderer: PageRenderer
    let tokens: FormTokens
    let reference: ReferenceData
    /// The site's public URL, for the password link.
    let publicBase: String

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("medewerkers", .manageStaff) { request, context in
            try await self.page(context: context, status: .ok)
        }
        workspace.post("medewerkers", .manageStaff, use: self.create)
        workspace.post("medewerkers/{id}/uitschakelen", .manageStaff, use: self.disable)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let kept = StaffPage.Kept(
            email: form.value("email") ?? "", name: form.value("naam") ?? "", role: form.value("rol") ?? "",
            platform: form.value("platform") ?? "")
        var errors: [String: String] = [:]
        if !kept.email.contains("@") || kept.email.count > 254 { errors["email"] = "Geef een geldig e-mailadres." }
        if !(1...200).contains(kept.name.count) { errors["naam"] = "Geef een naam van 1 tot 200 tekens." }
        let role = StaffMember.Role(rawValue: kept.role)
        if role == nil { errors["rol"] = "Kies een rol." }
        if role == .coordinator, !self.reference.regions.contains(where: { $0.code == kept.platform }) {
            errors["platform"] = "Een coördinator hoort bij één regionaal platform."
        }
        guard errors.isEmpty, let role else {
            return try await self.page(context: context, errors: errors, kept: kept, status: .unprocessableContent)
        }
        do {
            let (member, path) = try await self.accounts.create(
                email: kept.email, name: kept.name, role: role, platform: role == .coordinator ? kept.platform : nil, logger: context.logger
            )
            context.logger.info("Staff account created", metadata: ["staff.id": "\(member.id)", "staff.role": "\(member.role.rawValue)"])
            return try await self.page(context: context, createdLink: (member.name, self.publicBase + path), status: .created)
        } catch StaffError.emailTaken {
            return try await self.page(
                context: context, errors: ["email": "Er is al een account met dit e-mailadres."], kept: kept, status: .unprocessableContent)
        }
    }

    @Sendable func disable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id != form.session.member.id else {
            throw HTTPError(.notFound)
        }
        guard try await self.accounts.disable(id: id, logger: context.logger) else { throw HTTPError(.notFound) }
        context.logger.info("Staff account disabled", metadata: ["staff.id": "\(id)", "staff.by": "\(form.session.member.id)"])
        return .redirect(to: "/werkruimte/medewerkers", type: .normal)
    }

    private func page(
        context: AppRequestContext, createdLink: (name: String, url: String)? = nil, errors: [String: String] = [:],
        kept: StaffPage.Kept = .init(), status: HTTPResponse.Status
    ) async throws -> Response {
        let session = try context.requireIdentity()
        let page = StaffPage(
            members: try await self.accounts.list(logger: context.logger), self: session.member.id,
            chrome: WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference), reference: self.reference,
            createdLink: createdLink, errors: errors, kept: kept)
        return HTML(try self.renderer.render(page, with: .staff), status: status).response
    }
}
