import Foundation
import Hummingbird
import SignaalStore

/// `/dossiers/{id}`: a dossier once presented to policy makers, for everyone who contributed and the public;
/// `/dossiers/feed.atom`: its steps from then on. A dossier not yet presented does not exist here.
struct PublicDossiersController {
    let store: DossierStore
    let briefs: BriefStore
    let renderer: PageRenderer
    let publicBase: String
    let minimumCount: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("dossiers/feed.atom") { _, context in
            let entries = try await self.store.publishedEvents(logger: context.logger).map { event, title in
                AtomFeed.Entry(
                    title: "\(title): \(event.state.dutchName)", url: "\(self.publicBase)/dossiers/\(event.dossierID)",
                    id: "\(self.publicBase)/dossiers/\(event.dossierID)#stap-\(event.id)", updated: event.occurredAt,
                    summary: [event.state.dutchName + ".", DossierSentences.details(event)].joined(separator: " "))
            }
            return AtomFeed(
                title: "Dossiers van het sociaal werk", id: "\(self.publicBase)/dossiers/feed", page: "\(self.publicBase)/briefs",
                entries: entries
            ).response
        }
        router.get("dossiers/{id}") { _, context -> HTML in
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
                let dossier = try await self.store.published(id, logger: context.logger)
            else { throw HTTPError(.notFound) }
            let page = PublicDossierPage(
                dossier: dossier, evidence: try await self.store.evidence(of: id, logger: context.logger),
                events: try await self.store.events(of: id, logger: context.logger),
                briefs: try await self.briefs.briefs(carrying: id, logger: context.logger), minimum: self.minimumCount)
            return HTML(try self.renderer.render(page, with: .dossierPublic))
        }
    }
}
