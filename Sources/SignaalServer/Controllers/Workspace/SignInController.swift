import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SignaalApp
import SignaalCore
import SignaalStore

/// Signing in and out of the workspace, and the one-time link where a new member sets a password. The sign-in and
/// password forms carry a cookie-bound form token (there is no session yet); signing out carries the session's.
struct SignInController {
    let signIn: StaffSignIn
    let accounts: StaffAccounts
    let renderer: PageRenderer
    let tokens: FormTokens
    let cookie: SessionCookie
    let reference: ReferenceData
    let trustedProxies: Set<String>

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("", .staff, use: self.home)
        workspace.get("aanmelden", .anyone, use: self.showSignIn)
        workspace.post("aanmelden", .anyone, use: self.submitSignIn)
        workspace.get("afmelden", .staff, use: self.showSignOut)
        workspace.post("afmelden", .staff, use: self.signOut)
        workspace.get("wachtwoord/{token}", .anyone, use: self.showPassword)
        workspace.post("wachtwoord/{token}", .anyone, use: self.setPassword)
    }

    /// The workspace's start: the queue, or for an admin the accounts.
    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try context.requireIdentity().member
        return .redirect(to: member.role == .admin ? "/werkruimte/medewerkers" : "/werkruimte/signalen", type: .normal)
    }

    @Sendable func showSignIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let notice: String? =
            switch request.uri.queryParameters.get("gedaan") {
            case "wachtwoord": "Je wachtwoord is opgeslagen. Meld je nu aan."
            case "afgemeld": "Je bent afgemeld."
            default: nil
            }
        return try self.signInPage(
            email: "", back: Self.safeBack(request.uri.queryParameters.get("terug")), error: nil, notice: notice, status: .ok)
    }

    @Sendable func submitSignIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = FormBody(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        let email = String((form.value(named: "email") ?? "").prefix(254))
        let back = Self.safeBack(form.value(named: "terug"))
        guard self.tokens.verified(request, field: form.value(named: FormToken.fieldName)) != nil else {
            return try self.signInPage(
                email: email, back: back, error: "Dit formulier is verlopen: probeer nog eens.", notice: nil, status: .forbidden)
        }
        let client = ClientAddress.key(of: request, context: context, trustedProxies: self.trustedProxies)
        let password = String((form.value(named: "wachtwoord") ?? "").prefix(200))
        switch try await self.signIn.signIn(email: email, password: password, client: client, logger: context.logger) {
        case .signedIn(let session, let member):
            context.logger.info("Staff member signed in", metadata: ["staff.id": "\(member.id)"])
            var response = Response.redirect(to: back, type: .normal)
            response.setCookie(self.cookie.setting(session))
            return response
        case .refused:
            context.logger.notice("Sign-in refused")
            return try self.signInPage(
                email: email, back: back, error: "Het e-mailadres of het wachtwoord klopt niet.", notice: nil, status: .unauthorized)
        case .throttled:
            context.logger.notice("Sign-in throttled")
            return try self.signInPage(
                email: email, back: back,
                error: "Te veel mislukte pogingen voor dit account of vanaf deze computer. Probeer het over 15 minuten opnieuw.",
                notice: nil, status: .tooManyRequests)
        }
    }

    @Sendable func showSignOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let chrome = WorkspaceChrome(session: try context.requireIdentity(), tokens: self.tokens, reference: self.reference)
        return HTML(try self.renderer.render(SignOutPage(chrome: chrome), with: .signOut)).response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        try await self.signIn.signOut(form.session.id, logger: context.logger)
        var response = Response.redirect(to: "/werkruimte/aanmelden?gedaan=afgemeld", type: .normal)
        response.setCookie(self.cookie.clearing)
        return response
    }

    @Sendable func showPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let secret = try context.parameters.require("token")
        let member = try await self.accounts.member(forLink: secret, logger: context.logger)
        return try self.passwordPage(secret: secret, member: member, error: nil, status: member == nil ? .gone : .ok)
    }

    @Sendable func setPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let secret = try context.parameters.require("token")
        var request = request
        let form = FormBody(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        guard let member = try await self.accounts.member(forLink: secret, logger: context.logger) else {
            return try self.passwordPage(secret: secret, member: nil, error: nil, status: .gone)
        }
        guard self.tokens.verified(request, field: form.value(named: FormToken.fieldName)) != nil else {
            return try self.passwordPage(
                secret: secret, member: member, error: "Dit formulier is verlopen: probeer nog eens.", status: .forbidden)
        }
        let password = form.value(named: "wachtwoord") ?? ""
        let problem: String? =
            if password.count < StaffAccounts.minimumPasswordLength {
                "Kies een wachtwoord van minstens \(StaffAccounts.minimumPasswordLength) tekens."
            } else if password.count > 200 {
                "Kies een wachtwoord van hoogstens 200 tekens."
            } else if password != form.value(named: "wachtwoord_herhaling") {
                "De twee wachtwoorden zijn niet gelijk."
            } else { nil }
        if let problem {
            return try self.passwordPage(secret: secret, member: member, error: problem, status: .unprocessableContent)
        }
        guard try await self.accounts.setPassword(password, link: secret, logger: context.logger) else {
            return try self.passwordPage(secret: secret, member: nil, error: nil, status: .gone)
        }
        context.logger.info("Staff member set a password", metadata: ["staff.id": "\(member.id)"])
        return .redirect(to: "/werkruimte/aanmelden?gedaan=wachtwoord", type: .normal)
    }

    /// Where to go after signing in: a workspace page, never another site.
    static func safeBack(_ back: String?) -> String {
        guard let back, back.hasPrefix("/werkruimte"), !back.contains("//"), !back.contains("\\"),
            !back.hasPrefix("/werkruimte/aanmelden"), back.count <= 500
        else { return "/werkruimte" }
        return back
    }

    private func signInPage(email: String, back: String, error: String?, notice: String?, status: HTTPResponse.Status) throws -> Response {
        let token = self.tokens.issue()
        var html = HTML(
            try self.renderer.render(
                SignInPage(email: email, back: back, formToken: token.field, error: error, notice: notice), with: .signIn),
            status: status)
        html.cookies = [self.tokens.cookie(token)]
        return html.response
    }

    private func passwordPage(secret: String, member: StaffMember?, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = self.tokens.issue()
        let page = PasswordPage(
            memberName: member?.name, linkPath: StaffAccounts.linkPath(secret), formToken: token.field,
            minimumLength: StaffAccounts.minimumPasswordLength, error: error)
        var html = HTML(try self.renderer.render(page, with: .password), status: status)
        html.cookies = [self.tokens.cookie(token)]
        return html.response
    }
}
