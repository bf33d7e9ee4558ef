import Hummingbird
import HummingbirdAuth
import SignaalApp
import SignaalBriefs
import SignaalCore
import SignaalStore

/// `/werkruimte/brieven`: draft briefs for review; `/werkruimte/brieven/{id}`: the reviewer's form (saved by a POST
/// to it, published by `…/{id}/publiceren`); `…/{id}/voorbeeld`: the draft as it would appear.
struct DraftsController {
    let reviews: BriefReviews
    let renderer: PageRenderer
    let briefRenderer: BriefHTMLRenderer
    let tokens: FormTokens
    let reference: ReferenceData

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("brieven", .readSignals) { _, context in
            let session = try context.requireIdentity()
            let drafts = try await self.reviews.drafts(for: session.member, logger: context.logger)
            return HTML(try self.renderer.render(DraftListPage(drafts: drafts, chrome: self.chrome(session)), with: .drafts)).response
        }
        workspace.get("brieven/{id}", .readSignals) { request, context in
            let session = try context.requireIdentity()
            let found = try await self.found(context)
            let page = DraftPage(
                draft: found.draft, dossiers: found.dossiers,
                canReview: BriefReviews.reviewedScope(of: session.member) == found.draft.scope && found.draft.publishedBriefID == nil,
                chrome: self.chrome(session), notice: request.uri.queryParameters.get("gedaan") == "1" ? "Opgeslagen." : nil)
            return HTML(try self.renderer.render(page, with: .draft)).response
        }
        workspace.get("brieven/{id}/voorbeeld", .readSignals) { _, context in
            let found = try await self.found(context)
            let chosen = found.dossiers.filter { found.draft.dossierIDs.contains($0.id) }.map {
                Brief.Dossier(
                    id: $0.id, title: $0.title, problemStatement: "", description: "", ask: "", state: $0.state.dutchName, problemCode: nil)
            }
            let preview = BriefReview(
                introduction: found.draft.introduction, problemCodes: found.draft.problemCodes, dossiers: chosen, reviewer: "coordinator"
            ).applied(to: found.draft.brief)
            return HTML(try self.briefRenderer.render(preview, stylesheet: .linked("/static/brief.css"), downloads: [])).response
        }
        workspace.post("brieven/{id}", .curate) { request, context in try await self.save(request, context: context, publishing: false) }
        workspace.post("brieven/{id}/publiceren", .curate) { request, context in
            try await self.save(request, context: context, publishing: true)
        }
    }

    func save(_ request: Request, context: AppRequestContext, publishing: Bool) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let chosen = form.values("problemen")
        let order = { (code: String) in form.value("volgorde_\(code)").flatMap { Int($0) } ?? 99 }
        let problems = chosen.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
        let dossiers = form.values("dossiers").compactMap { Int64($0) }
        let member = form.session.member
        guard
            try await self.reviews.save(
                id, introduction: form.value("inleiding") ?? "", problemCodes: problems, dossierIDs: dossiers, by: member,
                logger: context.logger)
        else { throw HTTPError(.notFound) }
        guard publishing else { return .redirect(to: "/werkruimte/brieven/\(id)?gedaan=1", type: .normal) }
        guard let briefID = try await self.reviews.publish(id, by: member, logger: context.logger) else { throw HTTPError(.notFound) }
        return .redirect(to: "/briefs/\(briefID)", type: .normal)
    }

    private func found(_ context: AppRequestContext) async throws -> (draft: BriefStore.Draft, dossiers: [DossierSummary]) {
        let session = try context.requireIdentity()
        guard let found = try await self.reviews.draft(try Self.id(context), for: session.member, logger: context.logger) else {
            throw HTTPError(.notFound)
        }
        return found
    }

    private func chrome(_ session: StaffSession) -> WorkspaceChrome {
        WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference)
    }

    private static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id > 0 else { throw HTTPError(.notFound) }
        return id
    }
}
