import SignaalCluster
import SignaalText
import Testing

@Suite struct ConceptLexiconTests {
    let lexicon = try! ConceptLexicon(
        text: """
            # a comment
            budgetmeter [energie-water]: budgetmeter*, voorafbetal*, opladen
            incasso [inkomen-schulden]: incasso*, *deurwaarder, aangetekende brief
            ocmw []: OCMW
            """)

    func concepts(_ text: String) -> [String] {
        self.lexicon.concepts(in: TermAnalyzer().tokens(text)).map { self.lexicon.concepts[$0].name }
    }

    @Test func wordsPrefixesSuffixesPhrasesAndAbbreviationsMatch() {
        #expect(self.concepts("De budgetmeters worden niet opgeladen: ze laadt op in de winkel.") == ["budgetmeter"])
        #expect(self.concepts("Voorafbetaling is duur; opladen kost tijd.") == ["budgetmeter", "budgetmeter"])
        #expect(
            self.concepts("Het incassobureau en de gerechtsdeurwaarder sturen een aangetekende brief.") == [
                "incasso", "incasso", "incasso",
            ])
        #expect(self.concepts("Het ocmw en het OCMW") == ["ocmw", "ocmw"])
        #expect(self.concepts("Een brief die aangetekend was") == [], "a phrase needs its words in order")
        #expect(self.lexicon.concepts.map(\.themes) == [["energie-water"], ["inkomen-schulden"], []])
    }

    @Test func aBadLineIsReportedWithItsNumber() {
        #expect(throws: ConceptLexiconError.self) { try ConceptLexicon(text: "ok: woord\nzonder dubbele punt") }
        do {
            _ = try ConceptLexicon(text: "ok: woord\nzonder dubbele punt")
        } catch {
            #expect(error.line == 2)
        }
        #expect(throws: ConceptLexiconError.self) { try ConceptLexicon(text: "twee woorden: x") }
        #expect(throws: ConceptLexiconError.self) { try ConceptLexicon(text: "a: x\na: y") }
    }

    @Test func theShippedLexiconReadsAndKnowsTheFieldsProblems() {
        let names = Set(ConceptLexicon.standard.concepts.map(\.name))
        for name in ["budgetmeter", "taalvereiste", "referentieadres", "gpmi", "dmh", "jeugdhulp", "lez"] { #expect(names.contains(name)) }
        let themes = Set(ThemeModelTrainer.taxonomyThemes)
        for concept in ConceptLexicon.standard.concepts { #expect(concept.themes.allSatisfy(themes.contains), "\(concept.name)") }
    }
}
