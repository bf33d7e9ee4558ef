import SignaalCluster
import SignaalText
import Testing

@Suite struct TermVectorizerTests {
    let analyzer = TermAnalyzer()

    @Test func similarSignalsAreCloserThanUnrelatedOnes() {
        let texts = [
            "De budgetmeter sluit af in de winter en gezinnen zitten zonder verwarming.",
            "Gezinnen met een budgetmeter zitten in de winter zonder verwarming omdat ze niet kunnen opladen.",
            "Jongeren die achttien worden moeten de jeugdhulp verlaten en vinden geen woning.",
        ]
        let documents = texts.map(self.analyzer.terms)
        let vectorizer = TermVectorizer(documents: documents, minimumDocumentFrequency: 1)
        let vectors = documents.map { vectorizer.vector($0) }
        #expect(vectors[0].dot(vectors[1]) > vectors[0].dot(vectors[2]))
        #expect(abs(vectors[0].dot(vectors[0]) - 1) < 1e-5)
    }

    @Test func termsSeenTooRarelyAreLeftOut() {
        let vectorizer = TermVectorizer(documents: [["huur", "woning"], ["huur"], ["stroom"]], minimumDocumentFrequency: 2)
        #expect(vectorizer.vocabulary.keys.sorted() == ["huur"])
        #expect(vectorizer.vector(["stroom"]).indices.isEmpty)
    }

    @Test func theCentroidOfIdenticalVectorsIsThatVector() {
        let vector = SparseVector(indices: [1, 4], values: [0.6, 0.8])
        #expect(SparseVector.centroid(of: [vector, vector]) == vector)
    }

    @Test func theAnalyzerDropsStopwordsAndKeepsAbbreviations() {
        #expect(self.analyzer.terms("Het OCMW weigert de huurwaarborg") == ["OCMW", "weigert", "huurwaarborg"])
    }
}
