import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SignaalApp
import SignaalCore
import SignaalStore

/// The triage queue `/werkruimte/signalen`, a signal's page `/werkruimte/signalen/{id}`, and the actions, each a
/// POST from the signal's page (`…/{id}/valideren`, `afwijzen`, `dubbel`, `themas`, `afschermen`, `doorsturen`) or
/// from the queue on a selection (`/werkruimte/signalen/selectie`: validate, reject, reclassify).
struct TriageController {
    let triage: Triage
    let renderer: PageRenderer
    let tokens: FormTokens
    let reference: ReferenceData

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("signalen", .readSignals, use: self.queue)
        workspace.get("signalen/{id}", .readSignals, use: self.show)
        workspace.post("signalen/selectie", .changeSignals, use: self.selection)
        for name in SignalActionForm.names {
            workspace.post("signalen/{id}/\(name)", .changeSignals) { request, context in
                try await self.act(name, request: request, context: context)
            }
        }
    }

    @Sendable func queue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var filter = TriageFilter()
        func text(_ name: String, limit: Int) -> String? {
            query.get(name).map { String($0.trimmingWhitespace().prefix(limit)) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        filter.status = text("status", limit: 20).flatMap { code in QueuePage.statusNames.contains { $0.code == code } ? code : nil }
        filter.theme = text("thema", limit: 60).flatMap { code in self.reference.themes.contains { $0.code == code } ? code : nil }
        filter.needsReview = query.get("needs_review") != nil
        filter.problem = text("probleem", limit: 12)?.uppercased()
        filter.from = text("van", limit: 10).flatMap(CalendarDate.init(iso8601:))
        filter.to = text("tot", limit: 10).flatMap(CalendarDate.init(iso8601:))
        filter.search = text("zoek", limit: 200)
        filter.page = min(max(text("pagina", limit: 6).flatMap(Int.init) ?? 1, 1), 10_000)
        let notice = query.get("gedaan") == "selectie" ? "\(query.get("aantal") ?? "0") signalen behandeld." : nil
        return try await self.queuePage(filter, request: request, context: context, notice: notice, error: nil, status: .ok)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let notice = request.uri.queryParameters.get("gedaan").flatMap(SignalActionForm.done)
        return try await self.signalPage(try Self.id(context), context: context, notice: notice)
    }

    func act(_ name: String, request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let member = form.session.member
        let kept = Dictionary(
            uniqueKeysWithValues: ["reden", "toelichting", "origineel", "passage", "platform"].compactMap { name in
                form.value(name).map { (name, $0) }
            })
        switch SignalActionForm.action(name, form: form, reference: self.reference) {
        case .failure(let problem):
            return try await self.signalPage(
                id, context: context, errors: [name: problem.message], kept: kept, status: .unprocessableContent)
        case .success(let action):
            do {
                guard try await !self.triage.apply(action, to: [id], by: member, logger: context.logger).isEmpty else {
                    throw HTTPError(.notFound)
                }
            } catch let error as TriageError {
                return try await self.signalPage(
                    id, context: context, errors: [name: error.description], kept: kept, status: .unprocessableContent)
            }
            if case .forward = action { return .redirect(to: "/werkruimte/signalen?gedaan=doorgestuurd", type: .normal) }
            return .redirect(to: "/werkruimte/signalen/\(id)?gedaan=\(name)", type: .normal)
        }
    }

    @Sendable func selection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceForm.read(request, context: context, tokens: self.tokens)
        let ids = form.values("signalen").compactMap { Int64($0) }
        let name = form.value("actie") ?? ""
        let problem: String?
        var action: SignalAction?
        if ids.isEmpty || ids.count > TriageFilter.pageSize * 4 {
            problem = "Vink één of meer signalen aan."
        } else if !["valideren", "afwijzen", "themas"].contains(name) {
            problem = "Kies valideren, afwijzen of thema aanpassen."
        } else {
            switch SignalActionForm.action(name, form: form, reference: self.reference) {
            case .success(let chosen): (action, problem) = (chosen, nil)
            case .failure(let error): problem = error.message
            }
        }
        guard let action, problem == nil else {
            return try await self.queuePage(
                TriageFilter(), request: request, context: context, notice: nil, error: problem, status: .unprocessableContent)
        }
        let applied = try await self.triage.apply(action, to: ids, by: form.session.member, logger: context.logger)
        return .redirect(to: "/werkruimte/signalen?gedaan=selectie&aantal=\(applied.count)", type: .normal)
    }

    private func queuePage(
        _ filter: TriageFilter, request: Request, context: AppRequestContext, notice: String?, error: String?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let session = try context.requireIdentity()
        let page = try await self.triage.queue(filter, for: session.member, logger: context.logger)
        let query = request.method == .get ? request.uri.queryParameters.map { (String($0.key), String($0.value)) } : []
        let view = QueuePage(
            filter: filter, page: page, query: query,
            chrome: WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference),
            reference: self.reference,
            notice: notice
                ?? (request.uri.queryParameters.get("gedaan") == "doorgestuurd"
                    ? SignalActionForm.done("doorsturen") : nil),
            error: error)
        return HTML(try self.renderer.render(view, with: .queue), status: status).response
    }

    private func signalPage(
        _ id: Int64, context: AppRequestContext, notice: String? = nil, errors: [String: String] = [:], kept: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = try context.requireIdentity()
        guard let found = try await self.triage.signal(id, for: session.member, logger: context.logger) else {
            throw HTTPError(.notFound)
        }
        let page = SignalPage(
            signal: found.signal, history: found.history, similar: found.similar,
            chrome: WorkspaceChrome(session: session, tokens: self.tokens, reference: self.reference), reference: self.reference,
            notice: notice, errors: errors, kept: kept)
        return HTML(try self.renderer.render(page, with: .signal), status: status).response
    }

    /// The signal id of the path; anything else is not found.
    private static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id > 0 else { throw HTTPError(.notFound) }
        return id
    }
}
