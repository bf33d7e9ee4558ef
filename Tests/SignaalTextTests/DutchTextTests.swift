import Foundation
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

@Suite struct DutchStemmerReferenceTests {
    /// Every pair the Snowball reference implementation produced for the project's own Dutch words.
    @Test func agreesWithTheReferenceImplementation() throws {
        let url = try #require(Bundle.module.url(forResource: "dutch-porter-stems", withExtension: "tsv", subdirectory: "Fixtures"))
        let pairs = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t").map(String.init) }
        #expect(pairs.count > 500)
        let stemmer = DutchStemmer()
        let disagreements = pairs.filter { stemmer.stem($0[0]) != $0[1] }.map { "\($0[0]) → \(stemmer.stem($0[0])), expected \($0[1])" }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
}
