import Foundation
import SignaalBriefs
import SignaalCore
import Testing

@Suite struct BriefRenderingTests {
    static let hostile = #"<script>alert(1)</script> **vet** [klik](javascript:alert(1)) ![x](http://e.vil/x.png) # kop | tabel"#

    func brief() -> Brief {
        let signals = (1...4).map { id in
            BriefSignal(
                id: Int64(id), observedOn: CalendarDate(iso8601: "2026-10-0\(id)")!, regionCode: "antwerpen", municipality: "Gent",
                organisation: nil, themes: ["wonen"], policyLevel: "vlaams", description: Self.hostile,
                suggestion: "<img src=x onerror=alert(1)>",
                cluster: .init(code: "P0001", label: "<b>label</b>", emerging: true, similarity: 0.5))
        }
        return BriefComposer(names: .init(themes: ["wonen": "Wonen"], regions: ["antwerpen": "Antwerpen <&>"], policyLevels: [:]))
            .compose(scope: .region("antwerpen"), period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date()).brief
    }

    @Test func markdownEscapesEverySignalText() {
        let markdown = BriefMarkdownRenderer().render(self.brief())
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("[klik](javascript"))
        #expect(!markdown.contains("**vet**"))
        #expect(markdown.contains(#"\*\*vet\*\*"#))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("### 1\\. ") == false, "the rank's dot is ours, not escaped")
    }

    @Test func htmlEscapesEverySignalTextAndDrawsCharts() async throws {
        let html = try await BriefHTMLRenderer.load().render(self.brief(), stylesheet: .linked("/static/brief.css"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>label</b>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("style="), "no inline style: the site's CSP forbids it")
        #expect(html.contains(#"<link rel="stylesheet" href="/static/brief.css">"#))
        let standalone = try await BriefHTMLRenderer.load().render(self.brief(), stylesheet: .inline)
        #expect(standalone.contains("@media print"))
    }

    @Test func jsonHasTheContractedShape() throws {
        let data = try JSONEncoder().encode(self.brief())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["region", "period", "signal_count", "previous_signal_count", "clusters"] { #expect(object[key] != nil, "\(key)") }
        let cluster = try #require((object["clusters"] as? [[String: Any]])?.first)
        for key in ["id", "label", "size", "trend", "emerging", "regions", "themes", "quotes"] { #expect(cluster[key] != nil, "\(key)") }
        #expect(object["region"] as? String == "antwerpen")
        #expect(object["signal_count"] as? Int == 4)
        #expect(try JSONDecoder().decode(Brief.self, from: data) == self.brief().with(generatedAt: (object["generated_at"] as? String)!))
    }

    @Test func chartLabelsAreEscaped() {
        let svg = SVGChart.bars([("<script>", 3), ("a\"b", nil)], title: "t&t", minimum: 3)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("a&quot;b") && svg.contains("t&amp;t") && svg.contains("&lt; 3"))
    }
}

extension Brief {
    func with(generatedAt: String) -> Brief {
        var copy = self
        copy.generatedAt = generatedAt
        return copy
    }
}
