import Foundation
import SignaalCore

/// What Signaal knows about names: given names and family names common in Flanders and Brussels (written for the
/// project, as data in `Resources/first-names.txt` and `Resources/surnames.txt`), the words that announce a name,
/// and capitalised words that are never part of one.
///
/// Look-ups ignore case and diacritics, so `Yılmaz`, `Yilmaz` and `YILMAZ` are the same name.
struct NameLexicon: Sendable {
    static let shared = NameLexicon()

    let firstNames: Set<String>
    let surnames: Set<String>

    init() {
        self.firstNames = Self.names(in: "first-names").subtracting(Self.notNames)
        self.surnames = Self.names(in: "surnames").subtracting(Self.notNames)
    }

    /// The names of a list shipped with the module, as look-up keys. The lists are part of the program: a missing
    /// one is a broken installation, not a condition to recover from.
    private static func names(in list: String) -> Set<String> {
        guard let url = Bundle.module.url(forResource: list, withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("the name list \(list).txt is not installed with SignaalText")
        }
        return Set(
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { Self.key(String($0).trimmingWhitespace()) }
                .filter { !$0.isEmpty })
    }

    func isFirstName(_ word: String) -> Bool { self.isFirstName(key: Self.key(word)) }
    func isSurname(_ word: String) -> Bool { self.isSurname(key: Self.key(word)) }
    /// Whether a word whose `key(_:)` is `key` is a known given name.
    func isFirstName(key: String) -> Bool { self.firstNames.contains(key) }
    /// Whether a word whose `key(_:)` is `key` is a known family name.
    func isSurname(key: String) -> Bool { self.surnames.contains(key) }

    /// Lower case without diacritics: the form names are compared in.
    static func key(_ word: String) -> String {
        // Most words are plain ASCII: lower-case their bytes without Unicode case mapping.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            guard word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return word }
            return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
                _ = buffer.initialize(from: word.utf8.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
                return word.utf8.count
            }
        }
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars {
            if let folded = Self.foldedLetters[scalar] {
                scalars.append(contentsOf: folded.unicodeScalars)
            } else if !(0x300...0x36F).contains(scalar.value) {  // combining marks
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static let foldedLetters: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćčĉ", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ğĝ", "g"), ("ìíîïīĭįı", "i"),
            ("ĺļľł", "l"), ("ñńņň", "n"), ("òóôõöøōŏő", "o"), ("ŕř", "r"), ("śşšșŝ", "s"), ("ţťț", "t"),
            ("ùúûüūŭůűų", "u"), ("ýÿ", "y"), ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("’", "'"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, base) in pairs {
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()

    /// Words before a name that make it one whatever the name is: titles, family and care roles, greetings.
    static let strongCues: Set<String> = [
        "mevrouw", "mevr", "mw", "mvr", "meneer", "mijnheer", "dhr", "de heer", "heer", "mr", "dr", "dokter", "juffrouw",
        "madame", "monsieur", "mme", "mlle", "mister", "mrs", "ms", "miss",
        "cliënt", "cliënte", "client", "cliente", "bewoner", "bewoonster", "betrokkene", "jongere", "vader", "moeder",
        "mama", "papa", "mams", "zoon", "dochter", "zoontje", "dochtertje", "broer", "zus", "zuster", "tante", "oom",
        "nicht", "neef", "oma", "opa", "grootmoeder", "grootvader", "voogd", "partner", "echtgenoot", "echtgenote",
        "ex", "ex-partner", "vriend", "vriendin", "buurvrouw", "buurman", "patiënt", "patiënte", "patient", "leerling",
        "collega", "huurder", "huurster", "verhuurder", "huisbaas", "eigenaar", "begunstigde", "familie", "gezin",
        "kind", "baby", "meisje", "jongen", "contextbegeleider", "begeleider", "begeleidster", "buurtwerker",
        "straathoekwerker", "advocaat", "advocate", "bewindvoerder", "stagebegeleider", "aanvrager", "aanvraagster",
        "klant", "deelnemer", "deelneemster", "maatschappelijk", "assistent", "assistente", "consulent", "consulente",
        "trajectbegeleider", "werkgever", "schuldeiser", "deurwaarder", "naam", "t.n.v", "tnv", "hallo", "hoi", "dag",
        "beste", "groetjes", "groeten", "heet", "genaamd", "alias", "betreft", "ouder", "mevrouwtje", "signaalgever",
    ]

    /// Words before a name that make it one when the lexicon knows one of its words.
    static let weakCues: Set<String> = ["van", "voor", "met", "door", "bij", "en", "aan", "naar", "over", "dat", "want", "of"]

    /// Capitalised words that are never (part of) a person's name in casework: organisations, services, places,
    /// months, days and words that start sentences.
    static let notNames: Set<String> = [
        "caw", "ocmw", "cgg", "svk", "vdab", "riziv", "fod", "rva", "lijn", "fluvius", "proximus", "telenet",
        "vlaanderen", "brussel", "belgie", "belgië", "europa", "vzw", "sociaal", "huis", "dienst", "stad", "gemeente",
        "woonmaatschappij", "mutualiteit", "ziekenfonds", "kind", "gezin", "janssen-pharmaceutica", "az", "uz", "jan-yperman",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari", "maart",
        "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december", "pasen", "kerstmis",
        "de", "het", "een", "ik", "wij", "we", "zij", "ze", "hij", "u", "jij", "je", "hun", "haar", "zijn", "mijn", "onze",
        "deze", "die", "dit", "dat", "er", "hier", "daar", "ook", "nog", "wel", "niet", "geen", "maar", "want", "omdat",
        "als", "toen", "dan", "na", "voor", "met", "op", "in", "uit", "bij", "tot", "over", "volgens", "via", "zonder",
        "gelieve", "graag", "dank", "bedankt", "bel", "mail", "stuur", "zie", "nota", "intern", "extern", "verslag",
        "vraag", "vragen", "afspraak", "dossier", "klacht", "melding", "aanvraag", "overleg", "update", "info",
        "hulp", "opvang", "wonen", "werk", "school", "centrum", "platform", "regionaal", "vlaams", "vlaamse", "federaal",
        "sint", "onze-lieve-vrouw", "tel", "gsm", "adres", "iban", "rrn", "e-mail", "email", "telefoon",
    ]
}
