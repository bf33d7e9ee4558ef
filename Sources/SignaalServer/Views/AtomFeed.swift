import Foundation
import Hummingbird
import SignaalBriefs

/// An Atom feed (RFC 4287), newest entry first; every text is escaped.
struct AtomFeed {
    struct Entry {
        let title: String
        /// The entry's page, absolute; also its id when `id` is not given.
        let url: String
        var id: String? = nil
        let updated: Date
        let summary: String
    }

    let title: String
    /// The feed's own id (an absolute URL) and the page it follows.
    let id: String
    let page: String
    let entries: [Entry]

    var xml: String {
        let formatter = ISO8601DateFormatter()
        let updated = formatter.string(from: self.entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0))
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl-BE">"# + "\n"
        xml += "<title>\(XML.escape(self.title))</title>\n"
        xml += "<id>\(XML.escape(self.id))</id>\n"
        xml += "<updated>\(updated)</updated>\n"
        xml += #"<link rel="alternate" type="text/html" href="\#(XML.escape(self.page))"/>"# + "\n"
        xml += "<author><name>Signaal</name></author>\n"
        for entry in self.entries {
            xml += "<entry>\n"
            xml += "<title>\(XML.escape(entry.title))</title>\n"
            xml += "<id>\(XML.escape(entry.id ?? entry.url))</id>\n"
            xml += "<updated>\(formatter.string(from: entry.updated))</updated>\n"
            xml += #"<link rel="alternate" type="text/html" href="\#(XML.escape(entry.url))"/>"# + "\n"
            xml += "<summary>\(XML.escape(entry.summary))</summary>\n"
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// The feed as a response.
    var response: Response {
        Response(
            status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: self.xml)))
    }
}
