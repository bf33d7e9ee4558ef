import Foundation
import Hummingbird
import HummingbirdAuth
import SignaalApp
import SignaalCore
import SignaalStore

/// `/werkruimte/dossiers`: the dossiers and a form for a new one; `/werkruimte/dossiers/{id}`: a dossier, with the
/// posts that save it (`…/{id}`), change its evidence (`…/{id}/bewijs`) and record a step of its life (`…/{id}/stap`).
struct DossiersController {
    let dossiers: Dossiers
    let curation: ProblemCuration
    let accounts: StaffAccounts
    let store: DossierStore
    let renderer: PageRenderer
    let tokens: FormTokens
    let reference: ReferenceData
    /// The minimum-count rule for evidence figures.
    let minimumCount: Int

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("dossiers", .readSignals) { request, context in
            try await self.list(context: context, kept: ("", "", ""), error: nil, status: .ok)
        }
        workspace.post("dossiers", .curate, use: self.create)
        workspace.get("dossiers/{id}", .readSignals) { request, context in
            let notice = request.uri.queryParameters.get("gedaan") == "1" ? "Opgeslagen." : nil
            return try await self.page(try Self.id(context), context: context, notice: notice, error: nil, status: .ok)
        }
        workspace.post("dossiers/{id}", .curate, use: self.save)
        workspace.post("dossiers/{id}/bewijs", .curate, use: self.evidence)
        workspace.post("dossiers/{id}/stap", .curate, use: self.step)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let (title, ids, problem) = (form.value("titel") ?? "", form.value("signalen") ?? "", form.value("probleem") ?? "")
        let signalIDs = Self.ids(ids)
        guard !title.isEmpty, !problem.isEmpty || !signalIDs.isEmpty else {
            return try await self.list(
                context: context, kept: (title, ids, problem), error: "Geef een titel en kies een probleem of signalen.",
                status: .unprocessableContent)
        }
        guard
            let id = try await self.dossiers.create(
                title: title, problemCode: problem.isEmpty ? nil : problem, signalIDs: signalIDs, by: form.session.member,
                logger: context.logger)
        else { throw HTTPError(.forbidden) }
        return .redirect(to: "/werkruimte/dossiers/\(id)?gedaan=1", type: .normal)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        var content = Dossier.Content(title: form.value("titel") ?? "")
        content.problemStatement = form.value("probleem") ?? ""
        content.affected = form.value("getroffen") ?? ""
        content.cause = form.value("oorzaak") ?? ""
        content.description = form.value("beschrijving") ?? ""
        content.ask = form.value("vraag") ?? ""
        content.recognisingOrganisations = form.value("organisaties") ?? ""
        content.criteria = Dossier.Criterion.codes.map {
            Dossier.Criterion(code: $0, met: form.value("criterium_\($0)") != nil, motivation: form.value("motivatie_\($0)") ?? "")
        }
        content.ownerID = form.value("trekker").flatMap { Int64($0) }
        let levels = Set(self.reference.policyLevels.map(\.code))
        content.policyLevels = form.values("beleidsniveaus").filter(levels.contains)
        content.addressee = form.value("adressaat") ?? ""
        let known = Set(try await self.store.krachtlijnen(logger: context.logger).map(\.code))
        content.krachtlijnen = form.values("krachtlijnen").filter(known.contains)
        guard !content.title.isEmpty else {
            return try await self.page(
                id, context: context, notice: nil, error: "Geef het dossier een titel.", status: .unprocessableContent)
        }
        guard
            try await self.dossiers.save(
                content, children: Self.ids(form.value("bundel") ?? ""), of: id, by: form.session.member, logger: context.logger)
        else { throw HTTPError(.notFound) }
        return .redirect(to: "/werkruimte/dossiers/\(id)?gedaan=1", type: .normal)
    }

    @Sendable func evidence(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let adding = form.values("toevoegen").flatMap(Self.ids)
        let removing = form.values("weglaten").compactMap { Int64($0) }
        guard
            try await self.dossiers.changeEvidence(
                of: id, adding: adding, removing: removing, by: form.session.member, logger: context.logger)
        else { throw HTTPError(.notFound) }
        return .redirect(to: "/werkruimte/dossiers/\(id)?gedaan=1", type: .normal)
    }

    @Sendable func step(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        guard let state = form.value("toestand").flatMap(Dossier.State.init(rawValue:)) else {
            return try await self.page(id, context: context, notice: nil, error: "Kies de volgende stap.", status: .unprocessableContent)
        }
        var details = DossierEvent.Details()
        details.addressee = form.value("aan")
        details.happenedOn = form.value("datum").flatMap(CalendarDate.init(iso8601:))
        details.channel = form.value("hoe")
        details.response = form.value("antwoord")
        details.outcome = form.value("opvolging")
        if let link = form.value("link") {
            guard link.hasPrefix("https://") || link.hasPrefix("http://"), link.count <= 500, URL(string: link) != nil else {
                return try await self.page(
                    id, context: context, notice: nil, error: "De link naar het antwoord begint met https://.",
                    status: .unprocessableContent)
            }
            details.responseLink = link
        }
        if state == .presented, details.addressee == nil {
            return try await self.page(
                id, context: context, notice: nil, error: "Zeg aan wie het dossier voorgelegd werd.", status: .unprocessableContent)
        }
        if state == .answered, details.response == nil {
            return try await self.page(
                id, context: context, notice: nil, error: "Geef het antwoord of een samenvatting ervan.", status: .unprocessableContent)
        }
        guard try await self.dossiers.step(id, to: state, details: details, by: form.session.member, logger: context.logger) else {
            return try await self.page(
                id, context: context, notice: nil, error: "Deze stap kan niet vanuit de huidige toestand.", status: .unprocessableContent)
        }
        return .redirect(to: "/werkruimte/dossiers/\(id)?gedaan=1", type: .normal)
    }

    private func list(
        context: AppRequestContext, kept: (title: String, ids: String, problem: String), error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let session = try context.requireIdentity()
        let page = DossierListPage(
            dossiers: try await self.dossiers.list(for: session.member, logger: context.logger),
            problems: try await self.curation.problems(for: session.member, logger: context.logger),
            chrome: WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference), kept: kept, error: error)
        return HTML(try self.renderer.render(page, with: .dossiers), status: status).response
    }

    private func page(
        _ id: Int64, context: AppRequestContext, notice: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let session = try context.requireIdentity()
        guard let found = try await self.dossiers.page(id, for: session.member, logger: context.logger) else { throw HTTPError(.notFound) }
        let page = DossierPage(
            found, staff: try await self.accounts.list(logger: context.logger),
            chrome: WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference), reference: self.reference,
            krachtlijnen: try await self.store.krachtlijnen(logger: context.logger), minimum: self.minimumCount, notice: notice,
            error: error)
        return HTML(try self.renderer.render(page, with: .dossier), status: status).response
    }

    /// Signal or dossier numbers typed in a field, separated by spaces or commas.
    static func ids(_ text: String) -> [Int64] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).compactMap { Int64($0) }.prefix(500).map { $0 }
    }

    private static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id > 0 else { throw HTTPError(.notFound) }
        return id
    }
}
