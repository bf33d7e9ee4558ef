import SignaalBriefs
import Testing

/// Charts fit their labels: the label room is sized by a generous estimate of the longest label's width.
@Suite struct SVGChartTests {
    @Test(arguments: [
        ["Regionaal Platform Oost-Vlaanderen", "Regionaal Platform West-Vlaanderen", "Regionaal Platform Vlaams-Brabant"],
        ["Wonen en wooncrisis", "Structurele uitsluiting en discriminatie", "Onderbescherming en niet-opname van rechten"],
        ["W", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"],
    ])
    func everyBarLabelFitsTheRoomBeforeItsBar(_ labels: [String]) throws {
        let svg = SVGChart.bars(labels.map { ($0, 4) }, title: "Signalen per regio", minimum: 3)
        let viewBox = try #require(svg.firstMatch(of: /viewBox="0 0 (\d+) \d+"/))
        #expect(Int(viewBox.1)! > 300, "the bars keep their room")
        let texts = svg.matches(of: /<text x="(\d+)"[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/)
        #expect(texts.count == labels.count)
        for text in texts {
            // An end-anchored label runs leftwards from x: it is cut off when it needs more than x.
            let room = Double(text.1)!
            #expect(SVGChart.estimatedWidth(of: String(text.2), fontSize: 12) <= room, "\(text.2)")
        }
    }

    @Test func theEstimateIsGenerousForWideLettersAndTheOldColumnWasTooNarrow() {
        #expect(SVGChart.estimatedWidth(of: "MMMM", fontSize: 10) > SVGChart.estimatedWidth(of: "iiii", fontSize: 10) * 3)
        // The label that was cut off ("gionaal Platform Oost-Vlaanderen") needs more than the old 204 units.
        #expect(SVGChart.estimatedWidth(of: "Regionaal Platform Oost-Vlaanderen", fontSize: 12) > 204)
    }
}
