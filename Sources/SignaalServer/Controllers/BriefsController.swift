import Foundation
import Hummingbird
import SignaalApp
import SignaalBriefs
import SignaalCore
import SignaalStore

/// The briefs site for policy staff: `/briefs` (filter by region and period), one page per brief with downloads
/// (`/briefs/{id}`, `.html`, `.md`, `.json`), and Atom feeds at `/briefs/feed.atom` and
/// `/briefs/regio/{code}/feed.atom`.
struct BriefsController {
    let briefing: Briefing
    let renderer: PageRenderer
    let briefRenderer: BriefHTMLRenderer
    /// The site's public URL, for the feed's absolute links.
    let publicBase: String

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("briefs", use: self.list)
        router.get("briefs/feed.atom") { request, context in try await self.feed(scope: nil, request: request, context: context) }
        router.get("briefs/regio/{code}/feed.atom") { request, context in
            let code = try context.parameters.require("code")
            guard self.briefing.scope(code: code) != nil else { throw HTTPError(.notFound) }
            return try await self.feed(scope: code, request: request, context: context)
        }
        router.get("briefs/{id}", use: self.show)
        router.get("static/brief.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: self.briefRenderer.stylesheet)))
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let region = request.uri.queryParameters.get("region").flatMap { $0.isEmpty ? nil : $0 }
        let period = request.uri.queryParameters.get("period").flatMap { $0.isEmpty ? nil : $0 }
        let briefs = try await self.briefing.store.list(
            scope: region.flatMap { self.briefing.scope(code: $0)?.code }, period: period.flatMap { Period($0)?.description },
            logger: context.logger)
        let page = BriefListPage(
            briefs: briefs, region: region, period: period,
            regions: [BriefScope.flandersCode] + self.briefing.regionCodes.sorted(), names: self.briefing.composer.names.regions)
        return HTML(try self.renderer.render(page, with: .briefs))
    }

    /// `/briefs/12` (the page), `/briefs/12.html`, `.md` and `.json` (downloads).
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameter = try context.parameters.require("id")
        let parts = parameter.split(separator: ".", maxSplits: 1).map(String.init)
        guard let id = Int64(parts[0]), id > 0, let found = try await self.briefing.store.brief(id: id, logger: context.logger) else {
            throw HTTPError(.notFound)
        }
        let name = "signalenbrief-\(found.summary.scope)-\(found.summary.period)-v\(found.summary.version)"
        switch parts.count == 2 ? parts[1] : "" {
        case "":
            let html = try self.briefRenderer.render(
                found.brief, stylesheet: .linked("/static/brief.css"),
                downloads: [
                    ("Alle brieven", "/briefs"), ("HTML (afdrukbaar als PDF)", "/briefs/\(id).html"),
                    ("Markdown", "/briefs/\(id).md"), ("JSON", "/briefs/\(id).json"),
                ])
            return try HTML(html).response(from: request, context: context)
        case "html":
            return Self.download(
                try self.briefRenderer.render(found.brief, stylesheet: .inline), type: "text/html; charset=utf-8", file: name + ".html")
        case "md":
            return Self.download(BriefMarkdownRenderer().render(found.brief), type: "text/markdown; charset=utf-8", file: name + ".md")
        case "json":
            return Self.download(try BriefFormats.json(found.brief), type: "application/json", file: name + ".json")
        default:
            throw HTTPError(.notFound)
        }
    }

    private static func download(_ body: String, type: String, file: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\"", .cacheControl: "public, max-age=86400"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private func feed(scope: String?, request: Request, context: AppRequestContext) async throws -> Response {
        let briefs = try await self.briefing.store.list(scope: scope, period: nil, limit: 50, logger: context.logger)
        return BriefFeed(briefs: briefs, base: self.publicBase, scope: scope.flatMap { self.briefing.composer.names.regions[$0] ?? $0 })
            .feed.response
    }
}
