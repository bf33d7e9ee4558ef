import Foundation
import Hummingbird

/// The API's own description at `/openapi.yaml`, the pages behind problem types, the algorithm register
/// `/over/algoritmes`, and the stylesheet.
struct DocumentationController {
    let openAPI: ByteBuffer
    let stylesheet: ByteBuffer
    let renderer: PageRenderer
    let algorithms: AlgorithmRegisterPage

    /// Loads the files shipped with the module.
    init(renderer: PageRenderer) throws {
        self.openAPI = ByteBuffer(bytes: try ServerResources.contents(of: "openapi.yaml"))
        self.stylesheet = ByteBuffer(bytes: try ServerResources.contents(of: "Public/signaal.css"))
        self.renderer = renderer
        self.algorithms = try AlgorithmRegisterPage.load()
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: self.openAPI))
        }
        router.get("static/signaal.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: self.stylesheet)
            )
        }
        router.get("over/algoritmes") { _, _ -> HTML in
            HTML(try self.renderer.render(self.algorithms, with: .algorithms))
        }
        router.get("problems/{slug}") { _, context -> HTML in
            let slug = try context.parameters.require("slug")
            guard let kind = ProblemKind.allCases.first(where: { $0.slug == slug }) else { throw HTTPError(.notFound) }
            return HTML(try self.renderer.render(ProblemPage(kind), with: .problem))
        }
    }
}
