import Hummingbird
import HummingbirdAuth
import SignaalApp
import SignaalCore
import SignaalStore

/// `/werkruimte/problemen`: the recurring problems, a problem's page, and the curations, each a POST from it
/// (`…/{code}/hernoemen`, `samenvoegen`, `splitsen`, `vastzetten`, `uithalen`).
struct ProblemsController {
    let curation: ProblemCuration
    let renderer: PageRenderer
    let tokens: FormTokens
    let reference: ReferenceData

    static let actions = ["hernoemen", "samenvoegen", "splitsen", "vastzetten", "uithalen"]

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("problemen", .readSignals) { request, context in
            let session = try context.requireIdentity()
            let problems = try await self.curation.problems(for: session.member, logger: context.logger)
            return HTML(try self.renderer.render(ProblemListPage(problems: problems, chrome: self.chrome(session)), with: .problems))
                .response
        }
        workspace.get("problemen/{code}", .readSignals) { request, context in
            let notice =
                request.uri.queryParameters.get("gedaan") == "1" ? "De wijziging is opgeslagen; elke herclustering houdt zich eraan." : nil
            return try await self.page(try context.parameters.require("code"), context: context, notice: notice, error: nil, status: .ok)
        }
        for name in Self.actions {
            workspace.post("problemen/{code}/\(name)", .curate) { request, context in
                try await self.curate(name, request: request, context: context)
            }
        }
    }

    func curate(_ name: String, request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let ids = form.values("signalen").compactMap { Int64($0.trimmingWhitespace()) }
        let curation: ClusterStore.Curation?
        switch name {
        case "hernoemen": curation = form.value("titel").map { .rename(title: String($0.prefix(200))) }
        case "samenvoegen": curation = form.value("met").map { .merge(into: $0) }
        case "splitsen": curation = ids.isEmpty ? nil : .split(signalIDs: ids, into: form.value("naar"), title: form.value("titel"))
        case "vastzetten": curation = ids.isEmpty ? nil : .pin(signalIDs: ids)
        default: curation = ids.isEmpty ? nil : .remove(signalIDs: ids)
        }
        guard let curation else {
            let message =
                name == "hernoemen" ? "Geef een titel." : name == "samenvoegen" ? "Kies een probleem." : "Kies één of meer signalen."
            return try await self.page(code, context: context, notice: nil, error: message, status: .unprocessableContent)
        }
        guard let next = try await self.curation.curate(curation, code: code, by: form.session.member, logger: context.logger) else {
            return try await self.page(
                code, context: context, notice: nil, error: "Dat kon niet: kies een actief probleem en signalen van je platform.",
                status: .unprocessableContent)
        }
        return .redirect(to: "/werkruimte/problemen/\(next)?gedaan=1", type: .normal)
    }

    private func page(
        _ code: String, context: AppRequestContext, notice: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let session = try context.requireIdentity()
        guard let found = try await self.curation.problem(code, for: session.member, logger: context.logger) else {
            throw HTTPError(.notFound)
        }
        let others = try await self.curation.problems(for: session.member, logger: context.logger)
        let page = ProblemDetailPage(
            problem: found.problem, members: found.members, others: others, chrome: self.chrome(session), notice: notice, error: error)
        return HTML(try self.renderer.render(page, with: .problemDetail), status: status).response
    }

    private func chrome(_ session: StaffSession) -> WorkspaceChrome {
        WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference)
    }
}
