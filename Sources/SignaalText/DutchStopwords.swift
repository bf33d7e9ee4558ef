/// Dutch function words that carry no topic (Snowball's Dutch stop list, extended with frequent Flemish forms and
/// the filler words of case notes).
public enum DutchStopwords {
    public static let words: Set<String> = [
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op", "aan",
        "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men", "dit", "zo",
        "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar", "heb",
        "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets",
        "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus",
        "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen", "ons",
        "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest", "andere", "we", "wij", "jullie",
        "onze", "hen", "wel", "zeer", "wordt", "werden", "zullen", "moeten", "mogen", "mag", "kunnen", "kun", "gaan",
        "gaat", "ging", "komt", "kwam", "krijgt", "krijgen", "kreeg", "staat", "stond", "blijft", "bleef", "laat",
        "soms", "vaak", "steeds", "telkens", "weer", "nooit", "enkel", "alleen", "alle", "elke", "ieder", "iedere",
        "elk", "sommige", "veel", "weinig", "meeste", "zoals", "waar", "waardoor", "waarbij", "waarop", "daardoor",
        "daarom", "daarbij", "hierdoor", "terwijl", "tussen", "sinds", "tijdens", "via", "per", "binnen", "buiten",
        "boven", "rond", "rondom", "achter", "naast", "zelfs", "echter", "bijvoorbeeld", "bv", "enz", "etc", "nl",
        "ongeveer", "heel", "erg", "zeker", "misschien", "eigenlijk", "gewoon", "nog", "al", "pas", "even", "maar",
        "da", "ne", "nen", "ekik", "t", "s", "n", "m", "k", "dienen", "zit", "zitten", "hadden", "had", "word", "zei",
        "zegt", "zeggen", "jaar", "jaren", "keer", "dag", "dagen", "week", "weken", "maand", "maanden",
    ]
}
