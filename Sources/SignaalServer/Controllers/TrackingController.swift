import Hummingbird
import SignaalCore
import SignaalStore

/// `/volg/{tracking_code}`: the practitioner's view of what happened to their signal.
struct TrackingController {
    let signals: SignalStore
    let briefs: BriefStore
    let events: TriageStore
    let dossiers: DossierStore
    let renderer: PageRenderer
    /// Days a contact address is kept, for the page to say when it goes.
    let contactRetentionDays: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("volg/{code}", use: self.show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let text = try context.parameters.require("code").uppercased()
        guard let code = TrackingCode(text), let signal = try await self.signals.tracked(code, logger: context.logger) else {
            throw HTTPError(.notFound)
        }
        let briefs = try await self.briefs.briefs(including: signal.id, logger: context.logger)
        let history = try await self.events.history(of: signal.id, logger: context.logger)
        let dossiers = try await self.dossiers.dossiers(withEvidence: signal.id, logger: context.logger)
        return HTML(
            try self.renderer.render(
                TrackingPage(
                    code: code.rawValue, signal: signal, history: history, dossiers: dossiers, briefs: briefs,
                    contactRetentionDays: self.contactRetentionDays),
                with: .tracking))
    }
}
