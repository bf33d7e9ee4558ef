import SignaalCluster
import SignaalCore
import Testing

/// A problem nobody labelled, in words the concept lexicon does not contain, must cluster as well as one it knows, and
/// be seen emerging when it rises (issue 20, point 2). Three such problems, written for this test, among the whole
/// shipped labelled set.
@Suite struct OutOfLexiconProblemTests {
    static let funerals = [
        "Na het overlijden van haar man moest de weduwe binnen de week 4.000 euro ophoesten voor de uitvaart. De begrafenisondernemer wil niet beginnen zonder voorschot.",
        "Begrafenisondernemers eisen vooraf duizenden euro. Nabestaanden zonder spaargeld stellen de uitvaart uit of lenen bij familie.",
        "Een zoon kon de begrafenis van zijn moeder niet betalen; haar uitvaartverzekering bleek lang geleden opgezegd. Het lichaam bleef twee weken in het mortuarium.",
        "Steeds vaker vragen nabestaanden hulp omdat een eenvoudige uitvaart onbetaalbaar werd. Een grafconcessie op het kerkhof kost nu meer dan een loon.",
        "Weduwnaar die elke euro omdraait: de uitvaart van zijn vrouw komt op 5.500 euro, de begrafenisondernemer belt elke dag.",
        "Gezinnen kiezen voor een crematie zonder afscheid omdat een begrafenis met grafconcessie en steen niet te betalen is. Nabestaanden schamen zich.",
    ]
    static let pets = [
        "Oudere vrouw met een kat en een hond eet zelf minder zodat de dieren brokken hebben. De dierenarts helpt het dier pas nadat ze betaald heeft.",
        "Baasjes met weinig geld stellen de dierenarts uit; een hond met een infectie werd pas na weken verzorgd.",
        "Voor veel eenzame ouderen is hun hond het enige gezelschap. Een inenting of ontworming bij de dierenarts kunnen ze niet betalen, dierenvoeding evenmin.",
        "De prijs bij de dierenarts wordt een reden om een geliefde kat af te staan. Niemand springt bij voor baasjes die rondkomen met weinig.",
        "Een man gaf zijn hond af aan het dierenasiel omdat hij de dierenarts niet kon betalen; sindsdien komt hij zijn huis niet meer uit.",
        "Brokken, kattenbak en dierenarts: voor wie weinig heeft is een huisdier een luxe geworden, terwijl het dier hun enige houvast is.",
    ]
    static let clothing = [
        "Kinderen komen in de winter zonder jas naar de speelpleinwerking; de ouders kunnen geen nieuwe kleding of schoenen kopen.",
        "Schoenen die twee maten te krap zitten en geen winterjas: kinderen lopen rond in kleding die niet meer past.",
        "De kringwinkel heeft te weinig kinderkleding en schoenen in grote maten; tieners dragen kleren die niet passen en worden uitgelachen.",
        "Een jongen draagt de hele winter dezelfde broek en een te dunne jas. Nieuwe kleren en schoenen passen niet in wat het gezin overhoudt.",
        "Kledingbonnen van de gemeente zijn op; moeders zoeken in de kringwinkel naar winterjassen en schoenen voor hun kinderen.",
        "Turnpantoffels, regenjas, laarzen, schoenen: elke lijst met kleding die kinderen nodig hebben, valt zwaar voor ouders met weinig.",
    ]

    @Test func problemsInWordsTheLexiconLacksClusterAndAreSeenEmerging() throws {
        let analysis = ProblemAnalysis(themeModel: try ThemeClassifier.standardModel())
        let synthetic = [Self.funerals, Self.pets, Self.clothing]
        for text in synthetic.joined() {
            let concepts = analysis.clusterer.analyzer.features(text).filter { $0.first == SignalAnalyzer.conceptMarker }
            #expect(concepts.isEmpty, "built from words outside concepts.txt: \(text) → \(concepts)")
        }
        // The labelled set spread evenly over 2025 and 2026 up to September; the new problems in October only.
        let asOf = CalendarDate(iso8601: "2026-10-31")!
        let start = CalendarDate(iso8601: "2025-01-01")!
        let background = try LabelledSignal.shipped()
        var records = background.enumerated().map { number, signal in
            SignalRecord(
                id: signal.id, text: signal.text, postcode: Postcode("2000"),
                observedOn: start.adding(days: number * 636 / background.count))
        }
        for (group, texts) in synthetic.enumerated() {
            records += texts.enumerated().map { number, text in
                SignalRecord(
                    id: "new-\(group)-\(number)", text: text, postcode: Postcode("9000"), observedOn: asOf.adding(days: -4 * number))
            }
        }
        let outcome = analysis.analyse(records, asOf: asOf)
        for group in synthetic.indices {
            let members = Set(Self.funerals.indices.map { "new-\(group)-\($0)" })
            let problem = try #require(
                outcome.problems.max { $0.members.filter(members.contains).count < $1.members.filter(members.contains).count })
            let found = problem.members.filter(members.contains).count
            // At least two thirds together: a known problem of the development sets keeps about three quarters of its
            // signals together (B-cubed recall 0.78), and no more than a fifth of the cluster is another problem.
            #expect(found >= 4, "problem \(group): \(found) of 6 in one cluster")
            #expect(Double(found) / Double(problem.members.count) >= 0.8, "problem \(group): \(problem.members)")
            #expect(problem.emergence.isEmerging, "problem \(group): \(problem.emergence)")
        }
    }
}
