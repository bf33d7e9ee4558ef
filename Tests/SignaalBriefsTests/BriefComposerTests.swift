import Foundation
import SignaalBriefs
import SignaalCore
import Testing

@Suite struct BriefComposerTests {
    let composer = BriefComposer(
        names: .init(
            themes: ["wonen": "Wonen en wooncrisis", "energie-water": "Energie en water"],
            regions: [
                "antwerpen": "Regionaal Platform Antwerpen", "limburg": "Regionaal Platform Limburg",
                "brussel": "Regionaal Platform Brussel",
            ],
            policyLevels: ["vlaams": "Vlaams"]))

    static func signal(
        _ id: Int64, _ date: String, region: String, municipality: String = "Gent", cluster: String? = nil,
        text: String = "Tekst", suggestion: String? = nil, validated: Bool = false
    ) -> BriefSignal {
        BriefSignal(
            id: id, observedOn: CalendarDate(iso8601: date)!, regionCode: region, municipality: municipality, organisation: nil,
            themes: ["energie-water"], policyLevel: "vlaams", description: text, suggestion: suggestion,
            cluster: cluster.map { .init(code: $0, label: "label \($0)", emerging: false, similarity: 0.5) }, validated: validated)
    }

    @Test func aBriefSaysHowManySignalsACoordinatorValidated() throws {
        let signals = (1...4).map { Self.signal($0, "2026-10-0\($0)", region: "antwerpen", validated: $0 <= 3) }
        let brief = self.composer.compose(
            scope: .region("antwerpen"), period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date()
        ).brief
        #expect(brief.validatedCount == 3)
        #expect(brief.previousValidatedCount == nil, "no figure about fewer signals than the minimum")
        let markdown = BriefMarkdownRenderer().render(brief)
        #expect(markdown.contains("Gevalideerd door een coördinator"))
    }

    @Test func periodsParseAndStep() {
        #expect(Period("2026-10")?.dutchName == "oktober 2026")
        #expect(Period("2026-Q3")?.start == CalendarDate(iso8601: "2026-07-01"))
        #expect(Period("2026-Q3")?.end == CalendarDate(iso8601: "2026-09-30"))
        #expect(Period("2026-01")?.previous.description == "2025-12")
        #expect(Period("2026-Q1")?.previous.description == "2025-Q4")
        #expect(Period("2026")?.end == CalendarDate(iso8601: "2026-12-31"))
        for bad in ["2026-13", "2026-Q5", "26-10", "2026-1", "oktober"] { #expect(Period(bad) == nil, "\(bad)") }
    }

    @Test func countsCompareWithThePreviousPeriodInScope() {
        var signals = (1...4).map { Self.signal($0, "2026-10-0\($0)", region: "antwerpen", municipality: "M\($0)") }
        signals += (5...7).map { Self.signal($0, "2026-09-1\($0)", region: "antwerpen") }
        signals.append(Self.signal(8, "2026-10-05", region: "limburg"))
        let (brief, included) = self.composer.compose(
            scope: .region("antwerpen"), period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date())
        #expect(brief.signalCount == 4)
        #expect(brief.previousSignalCount == 3)
        #expect(brief.municipalityCount == 4)
        #expect(Set(included) == [1, 2, 3, 4])
        let flanders = self.composer.compose(
            scope: .flanders, period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date())
        #expect(flanders.brief.signalCount == 5)
    }

    @Test func noFigureAboutFewerThanTheMinimum() throws {
        let signals = [
            Self.signal(1, "2026-10-01", region: "antwerpen", cluster: "P0001"),
            Self.signal(2, "2026-10-02", region: "antwerpen", cluster: "P0001"),
            Self.signal(3, "2026-09-02", region: "limburg"),
        ]
        let brief = self.composer.compose(scope: .flanders, period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date())
            .brief
        #expect(brief.signalCount == nil && brief.previousSignalCount == nil)
        #expect(brief.clusters.isEmpty, "a problem with two signals is not shown")
        #expect(brief.themes.allSatisfy { $0.count == nil })
        let json = String(decoding: try JSONEncoder().encode(brief), as: UTF8.self)
        #expect(json.contains(#""signal_count":null"#), "the key stays, with null")
        var strict = self.composer
        strict.minimumCount = 1
        #expect(
            strict.compose(scope: .flanders, period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date()).brief
                .signalCount == 2)
    }

    @Test func evidenceFromSeveralRegionsOutranksVolumeFromOne() {
        var signals: [BriefSignal] = []
        // P0001: eight signals, all from one region and one municipality.
        signals += (1...8).map { Self.signal($0, "2026-10-01", region: "antwerpen", municipality: "Antwerpen", cluster: "P0001") }
        // P0002: three signals from three regions.
        signals += [("antwerpen", "Mortsel"), ("limburg", "Genk"), ("brussel", "Brussel")].enumerated().map {
            Self.signal(Int64(20 + $0.offset), "2026-10-03", region: $0.element.0, municipality: $0.element.1, cluster: "P0002")
        }
        signals += (30...33).map { Self.signal($0, "2026-09-03", region: "antwerpen", cluster: "P0001") }
        let brief = self.composer.compose(scope: .flanders, period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date())
            .brief
        #expect(brief.clusters.map(\.id) == ["P0002", "P0001"])
        #expect(brief.clusters[0].trend == "te weinig signalen", "three signals: no trend below five")
        #expect(brief.clusters[1].trend == "stijgend")
        #expect(brief.clusters[1].previousSize == 4)
        #expect(brief.clusters[0].regions.count == 3)
    }
}

/// What a policy officer needs from a brief: a summary, every problem from several regions, a true count of the
/// signals in none, quotes of whole sentences from different regions, the practitioners' asks, and no trend on too
/// few signals.
@Suite struct BriefForPolicyTests {
    let composer = BriefComposerTests().composer

    @Test func theBriefSaysTruthfullyWhatItLeavesOutAndQuotesWholeSentences() {
        var signals = (1...6).map { number in
            BriefComposerTests.signal(
                Int64(number), "2026-10-0\(number)", region: ["antwerpen", "limburg", "brussel"][number % 3], cluster: "P0001",
                text:
                    "De budgetmeter valt uit in de winter. Gezinnen zitten zonder verwarming. De netbeheerder zou moeten wachten tot de lente."
            )
        }
        signals += [
            BriefComposerTests.signal(7, "2026-10-02", region: "antwerpen", cluster: "P0002"),
            BriefComposerTests.signal(8, "2026-10-03", region: "limburg", cluster: "P0002"),
            BriefComposerTests.signal(9, "2026-10-04", region: "limburg", cluster: nil),
        ]
        let brief = self.composer.compose(scope: .flanders, period: Period("2026-10")!, signals: signals, version: 1, generatedAt: Date())
            .brief
        #expect(brief.summary?.hasPrefix("In oktober 2026 kwamen 9 signalen binnen.") == true)
        #expect(brief.clusters.map(\.id) == ["P0001"] && brief.clusters[0].trend == "nieuw", "six signals: a trend")
        #expect(brief.smallProblems?.map(\.id) == ["P0002"], "a small problem from two regions is named")
        #expect(brief.unclusteredCount == 0 || brief.unclusteredCount == nil)
        let quotes = brief.clusters[0].quotes
        #expect(quotes.count == 3 && quotes.allSatisfy { $0.hasSuffix(".") }, "whole sentences: \(quotes)")
        #expect(brief.clusters[0].suggestions.contains("De netbeheerder zou moeten wachten tot de lente."))
        let markdown = BriefMarkdownRenderer().render(brief)
        #expect(markdown.contains("De budgetmeter valt uit in de winter. Gezinnen zitten zonder verwarming."), "no needless escapes")
        #expect(markdown.contains("minder dan 3 signalen in kleinere problemen"))
    }
}
