import Foundation
import Mustache

/// Renders the Mustache templates of `Resources/Templates`, loaded once at start-up. Mustache escapes every
/// `{{value}}` for HTML.
struct PageRenderer: Sendable {
    enum Template: String {
        case intakeForm = "intake-form"
        case receipt
        case error
        case problem
        case briefs
        case tracking
        case `import`
        case signIn = "sign-in"
        case signOut = "sign-out"
        case password
        case queue
        case signal
        case staff
        case problems
        case problemDetail = "problem-detail"
        case dossiers
        case dossier
        case dossierPublic = "dossier-public"
        case drafts
        case draft
        case algorithms
    }

    private let library: MustacheLibrary

    /// Loads the templates shipped with the module.
    static func load() async throws -> PageRenderer {
        let templates = try ServerResources.directory().appendingPathComponent("Templates").path
        return PageRenderer(library: try await MustacheLibrary(directory: templates))
    }

    private init(library: MustacheLibrary) {
        self.library = library
    }

    /// The page as HTML.
    ///
    /// - Throws: ``RendererError/templateMissing(_:)`` when a template is not installed.
    func render(_ page: Any, with template: Template) throws -> String {
        guard let html = self.library.render(page, withTemplate: template.rawValue) else {
            throw RendererError.templateMissing(template.rawValue)
        }
        return html
    }

    enum RendererError: Error, CustomStringConvertible {
        case templateMissing(String)

        var description: String {
            switch self {
            case .templateMissing(let name): "the HTML template \(name).mustache is missing"
            }
        }
    }
}
