import SignaalCore
import SignaalText
import Testing

@Suite struct PersonalDataScrubberTests {
    let scrubber = PersonalDataScrubber()

    /// The stretches found in `text`, as (kind, found text).
    func findings(_ text: String) -> [(PersonalDataKind, String)] {
        let scalars = Array(text.unicodeScalars)
        return self.scrubber.spans(in: text).map { span in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return (span.kind, String(view))
        }
    }

    func expectFinds(_ text: String, _ expected: [(PersonalDataKind, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        let found = self.findings(text)
        #expect(found.map(\.0) == expected.map(\.0), "in: \(text)", sourceLocation: sourceLocation)
        #expect(found.map(\.1) == expected.map(\.1), "in: \(text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("RRN 90.02.01-997.04 in het dossier", "90.02.01-997.04"),
        ("nummer 90020199704 klopt", "90020199704"),
        ("rijksregisternr: 900201 997 04", "900201 997 04"),
        ("geboren na 2000: 01.05.01-001.54", "01.05.01-001.54"),  // check digits with the 2-prefix rule
        ("INSZ 12345678901 (foute controle, maar zo genoemd)", "12345678901"),
        ("Zijn RR-nummer is 85.07.30-033.99 en hij wacht.", "85.07.30-033.99"),  // wrong check digits, a hyphenated cue
        ("85.07.30-033.99 is het rijksregisternummer van de man.", "85.07.30-033.99"),  // the cue after the number
        ("Het INSZ-nummer van haar zoon, 850730 033 99, staat op de brief.", "850730 033 99"),
    ])
    func nationalRegisterNumbersInEveryNotation(_ text: String, _ number: String) {
        self.expectFinds(text, [(.nationalRegisterNumber, number)])
    }

    @Test(arguments: [
        "Klantnummer 90020199704 bij de leverancier.",  // another number, announced as such
        "Referentie 12345678901 graag vermelden.",  // fails the check, no cue
        "Ondernemingsnummer 0456.789.133 van de vzw.",
        "Factuur 2026-0012345678 van 87,45 euro.",
    ])
    func numbersThatAreNotNationalRegisterNumbersStay(_ text: String) {
        #expect(self.scrubber.spans(in: text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        "De cliënt spreekt Nederlands of Frans en wacht al maanden.",
        "In Mei kwam de brief; sinds Juni hoort ze niets meer.",
        "Ze leeft met Hoop en Geduld, maar de huur stijgt.",
        "Een tolk Arabisch of Turks is er zelden.",
    ])
    func wordsThatAreAlsoGivenNamesStayWordsInTheirSentence(_ text: String) {
        #expect(self.findings(text).isEmpty, "\(text): \(self.findings(text))")
    }

    @Test func aGivenNameThatIsAlsoAWordIsStillANameAfterATitle() {
        self.expectFinds("Meneer Frans belde gisteren.", [(.name, "Frans")])
    }

    @Test(arguments: [
        ("BE68 5390 0754 7034", "BE68 5390 0754 7034"), ("stort op BE68539007547034.", "BE68539007547034"),
        ("IBAN NL91 ABNA 0417 1643 00 graag", "NL91 ABNA 0417 1643 00"),
        ("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 606"),
    ])
    func ibansBelgianAndForeign(_ text: String, _ iban: String) {
        self.expectFinds(text, [(.iban, iban)])
    }

    @Test func anIBANWithAWrongCheckStays() {
        #expect(self.findings("BE68 5390 0754 7035").isEmpty)
    }

    @Test(arguments: [
        "0471 23 45 67", "0471/23.45.67", "0471234567", "+32 471 23 45 67", "0032 471 23 45 67", "+32(0)471 23 45 67",
        "09 123 45 67", "011 22 33 44", "03/231.45.67", "+31 6 12345678",
    ])
    func phoneNumbersWithEveryPrefixAndSeparator(_ number: String) {
        self.expectFinds("Bel haar op \(number) na 17u.", [(.phoneNumber, number)])
    }

    @Test(arguments: [
        "Gratis nummer 0800 12 345.", "Bel 1813 of 106.", "Zitting op 05/05/2025 om 9u30.", "Bedrag: 1.263,90 euro.",
        "Gestructureerde mededeling +++090/1234/56701+++.", "Rolnummer 25A1873.",
    ])
    func numbersThatAreNotPhoneNumbersStay(_ text: String) {
        #expect(self.scrubber.spans(in: text).isEmpty, "\(text)")
    }

    @Test func emailAddresses() {
        self.expectFinds(
            "Mail naar jo.peeters-2@wzc-zonnebloem.be of info@voorbeeld.org.",
            [
                (.emailAddress, "jo.peeters-2@wzc-zonnebloem.be"), (.emailAddress, "info@voorbeeld.org"),
            ])
    }

    @Test(arguments: [
        ("Ze woont Kapucijnenvoer 14 bus 3, 3000 Leuven.", "Kapucijnenvoer 14 bus 3, 3000 Leuven"),
        ("adres: Brugse Steenweg 122, 8800 Roeselare", "Brugse Steenweg 122, 8800 Roeselare"),
        ("Verhuisd naar Lindelaan 7A.", "Lindelaan 7A"),
        ("Rue Haute 210/2, 1000 Brussel", "Rue Haute 210/2, 1000 Brussel"),
        ("woont in de kerkstraat 12 te Lier", "kerkstraat 12"),
    ])
    func streetAddresses(_ text: String, _ address: String) {
        self.expectFinds(text, [(.address, address)])
    }

    @Test(arguments: [
        "Ze woont in de Stationsstraat, vlak bij de markt.", "Overleg in 3500 Hasselt en 9000 Gent.",
        "Artikel 60 §7 en art. 1675/2 Ger.W.", "Zaal 2.14 van het Administratief Centrum.",
    ])
    func placesWithoutHouseNumbersStay(_ text: String) {
        #expect(self.scrubber.spans(in: text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("geboren 14.02.1987, woont alleen", "14.02.1987"), ("° 3/7/1990", "3/7/1990"),
        ("geboortedatum: 1979-11-23", "1979-11-23"), ("zoon (geboren 12 maart 2015)", "12 maart 2015"),
    ])
    func birthDatesAnnouncedAsSuch(_ text: String, _ date: String) {
        self.expectFinds(text, [(.birthDate, date)])
    }

    @Test func otherDatesStay() {
        #expect(self.findings("Afspraak op 14/03/2026 om 10u; vervaldag 15-11-2025; sessie op 23 oktober 2025.").isEmpty)
    }

    @Test(arguments: [
        ("mevr. Verbeke belde", "Verbeke"), ("Mevrouw Anke Verbeke belde", "Anke Verbeke"),
        ("dhr Youssef El Amrani kwam langs", "Youssef El Amrani"), ("Cliënte Oksana Bondarenko vraagt", "Oksana Bondarenko"),
        ("Hallo Lotte, kan je bellen?", "Lotte"), ("de familie Kowalczyk woont", "Kowalczyk"),
        ("Afspraak met Wouter Vandenberghe van het OCMW.", "Wouter Vandenberghe"),
        ("Moeder (Hatice) belt", "Hatice"), ("Naam: Ewa Nowak", "Ewa Nowak"),
        ("dhr youssef el amrani belde", "youssef el amrani"), ("gesprek met mevr. peeters over de huur", "peeters"),
    ])
    func namesWithAndWithoutTitles(_ text: String, _ name: String) {
        self.expectFinds(text, [(.name, name)])
    }

    @Test(arguments: [
        "mevrouw belde gisteren terug", "meneer was niet thuis",
        "Overleg met het OCMW Genk en het CAW Limburg.", "De Lijn schrapt de belbus.", "Info bij Tele-Onthaal of Fluvius.",
        "Opname in AZ Sint-Jan.", "Sessie in dienstencentrum De Vlaspit.", "Het Sociaal Huis en de VDAB werken samen.",
    ])
    func organisationsAndPlacesAreNotNames(_ text: String) {
        #expect(self.scrubber.spans(in: text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        "De bus rijdt twee keer per dag. Veel ouderen blijven thuis.", "Ze spreekt enkel Dari. Elke maand valt de stroom uit.",
        "Dat zegt de bewindvoerder. Mensen onder bewind krijgen leefgeld.", "Max. 12 deelnemers, Frans sprekend.",
    ])
    func capitalisedWordsAfterASentenceEndAreNotNames(_ text: String) {
        #expect(self.scrubber.spans(in: text).isEmpty, "\(text)")
    }

    @Test func theScrubbedTextCarriesTypedPlaceholders() {
        let scrubbed = self.scrubber.scrub("Mevr. Anke Verbeke (° 14.02.1987), GSM 0471 23 45 67, anke@voorbeeld.be.")
        #expect(scrubbed.text == "Mevr. [NAAM] (° [GEBOORTEDATUM]), GSM [TELEFOON], [E-MAIL].")
        #expect(scrubbed.kinds == [.phoneNumber, .emailAddress, .name, .birthDate])
    }

    @Test func spansCountUnicodeScalarsAsPythonDoes() {
        let spans = self.scrubber.spans(in: "Café 👩🏽‍⚕️ meldt: 0471 23 45 67")
        #expect(spans == [PersonalDataSpan(kind: .phoneNumber, start: 18, end: 31)])
    }
}
