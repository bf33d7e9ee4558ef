import Foundation
import Mustache

/// Renders a brief as one HTML document (Mustache template `Resources/brief.mustache`): responsive, with print CSS so
/// a browser prints a clean PDF, charts as inline SVG. Mustache escapes every value; only the charts, which
/// `SVGChart` escapes itself, are inserted raw.
public struct BriefHTMLRenderer: Sendable {
    /// Where the brief's stylesheet comes from.
    public enum Stylesheet: Sendable {
        /// Linked (the site: its Content-Security-Policy forbids inline styles).
        case linked(String)
        /// Embedded in the document (a download that must print on its own).
        case inline
    }

    private let library: MustacheLibrary
    private let css: String

    /// Loads the template and stylesheet shipped with the module.
    public static func load() async throws -> BriefHTMLRenderer {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil),
            let css = try? String(contentsOf: folder.appendingPathComponent("brief.css"), encoding: .utf8)
        else { throw BriefResourceError() }
        return BriefHTMLRenderer(library: try await MustacheLibrary(directory: folder.path), css: css)
    }

    private init(library: MustacheLibrary, css: String) {
        self.library = library
        self.css = css
    }

    /// The stylesheet, for serving it at the address a `.linked` brief names.
    public var stylesheet: String { self.css }

    /// The brief as an HTML document; `downloads` are links shown at the top (label, address).
    public func render(_ brief: Brief, stylesheet: Stylesheet, downloads: [(label: String, url: String)] = []) throws -> String {
        let page = BriefPage(brief, stylesheet: stylesheet, css: self.css, downloads: downloads)
        guard let html = self.library.render(page, withTemplate: "brief") else { throw BriefResourceError() }
        return html
    }
}

/// The brief template or stylesheet is not installed with the module.
public struct BriefResourceError: Error, CustomStringConvertible {
    public var description: String { "the brief template or stylesheet is missing: reinstall Signaal with its resources" }
}
