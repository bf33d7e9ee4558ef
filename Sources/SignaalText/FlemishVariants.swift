/// Flemish, colloquial and shorthand spellings mapped to the standard Dutch words, so that a case note typed in
/// tussentaal (`nie`, `ge`, `frigo`) or with a practitioner's shorthand (`mnd`, `mw`, `ivm`) means what the
/// standard text means. Applied to tokens (lower case, no diacritics) before stemming.
public enum FlemishVariants {
    /// Variant → the standard words it stands for (none for filler words that carry nothing).
    public static let standardWords: [String: String] = [
        // tussentaal
        "nie": "niet", "ni": "niet", "ge": "je", "gij": "jij", "ulder": "hun", "zijne": "zijn", "ambetant": "vervelend",
        "seffens": "straks", "efkes": "even", "allee": "", "amai": "", "goesting": "zin", "content": "tevreden",
        "buitengesmeten": "uitgezet", "buitengezet": "uitgezet",
        // Belgian Dutch words
        "frigo": "koelkast", "gsm": "telefoon", "kot": "kamer", "mutualiteit": "ziekenfonds", "mutualiteiten": "ziekenfondsen",
        "mutuelle": "ziekenfonds", "ziekenkas": "ziekenfonds", "hospitaal": "ziekenhuis", "kliniek": "ziekenhuis",
        "camion": "vrachtwagen", "valies": "koffer",
        // shorthand of case notes
        "mnd": "maanden", "mnden": "maanden", "wk": "weken", "wkn": "weken", "jr": "jaar",
        "mw": "maatschappelijk werker", "mws": "maatschappelijk werkers", "cl": "client", "bew": "bewoner",
        "adm": "administratie", "tel": "telefoon", "afspr": "afspraak", "ivm": "in verband met",
        "mbt": "met betrekking tot", "ipv": "in plaats van", "oa": "onder andere", "evt": "eventueel",
    ]

    /// The standard words for `token`: `[token]` itself when it is no known variant.
    public static func standard(_ token: String) -> [String] {
        guard let words = self.standardWords[token] else { return [token] }
        return words.split(separator: " ").map(String.init)
    }
}
