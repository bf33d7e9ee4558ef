import SignaalText
import Testing

@Suite struct DutchTextTests {
    let stemmer = DutchStemmer()

    @Test(arguments: [
        ("woningen", "woning"), ("huurwoningen", "huurwon"), ("kinderen", "kinder"), ("lichamelijk", "licham"),
        ("lichamelijke", "licham"), ("maan", "man"), ("mogelijkheden", "mogelijk"), ("afsluitingen", "afsluit"),
        ("budgetmeters", "budgetmeter"), ("jongeren", "jonger"), ("wachtlijsten", "wachtlijst"), ("sociale", "social"),
        ("huur", "hur"), ("brood", "brod"), ("aanvragen", "aanvrag"), ("uitkering", "uitker"),
    ])
    func snowballStems(_ word: String, _ stem: String) {
        #expect(self.stemmer.stem(word) == stem)
    }

    @Test func tokensAreLowerCaseWithoutDiacriticsAndAbbreviationsStayWhole() {
        let tokens = DutchTokenizer().tokens("Het OCMW's van Gent en het caw: géén GPMI-sanctie; gas en GAS-boete.")
        #expect(tokens == ["het", "OCMW", "van", "gent", "en", "het", "CAW", "geen", "GPMI", "sanctie", "gas", "en", "GAS", "boete"])
    }

    @Test func stopwordsAreFunctionWords() {
        #expect(DutchStopwords.words.contains("het"))
        #expect(!DutchStopwords.words.contains("woning"))
    }

    @Test func compoundsMeetTheirParts() {
        let stemmer = DutchStemmer()
        let vocabulary = Set(["huur", "woning", "energie", "factuur", "school", "toelage"].map(stemmer.stem))
        let splitter = CompoundSplitter(vocabulary: vocabulary)
        #expect(splitter.parts(of: "huurwoningen") == ["hur", "woning"])  // while huurwoningen alone stems to huurwon
        #expect(splitter.parts(of: "energiefacturen") == ["energie", "factur"])
        #expect(splitter.parts(of: "schooltoelagen") == ["schol", "toelag"])
        #expect(splitter.parts(of: "woning").isEmpty)
        #expect(splitter.parts(of: "onbekendwoord").isEmpty)
    }
}
