public import SignaalCore

/// The Dutch sentence for each field problem, shown beside the field on the form and as `detail` on the API.
public enum FieldMessages {
    typealias Limits = SignalSubmission.Limits

    /// The sentence for `problem`.
    public static func message(for problem: FieldProblem) -> String {
        let field = SignalSubmission.Field(stringValue: problem.field)
        switch (problem.code, field) {
        case (.required, .description?): return "Beschrijf het probleem dat je vaststelt."
        case (.required, .postcode?): return "Vul de postcode in van de plaats waar je het probleem vaststelt."
        case (.required, _): return "Vul dit veld in."
        case (.tooShort, _): return "Beschrijf het probleem in minstens \(Limits.descriptionMinimum) tekens."
        case (.tooLong, let field?): return "Gebruik hoogstens \(Self.maximum(of: field)) tekens."
        case (.tooLong, nil): return "Deze tekst is te lang."
        case (.invalidFormat, .postcode?): return "Een Belgische postcode heeft vier cijfers, bijvoorbeeld 9000."
        case (.invalidFormat, .observedOn?): return "Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-02."
        case (.invalidFormat, .contactEmail?): return "Dit is geen geldig e-mailadres, bijvoorbeeld naam@organisatie.be."
        case (.invalidFormat, nil) where problem.field == "Idempotency-Key":
            return "Geef als Idempotency-Key 1 tot 255 zichtbare ASCII-tekens, bijvoorbeeld een UUID."
        case (.invalidFormat, _): return "Dit veld heeft niet de juiste vorm."
        case (.unknownValue, .themes?): return "Kies thema's uit de lijst."
        case (.unknownValue, .policyLevel?): return "Kies een beleidsniveau uit de lijst: lokaal, vlaams, federaal of europees."
        case (.unknownValue, _): return "Kies een waarde uit de lijst."
        case (.outsideArea, _): return "Deze postcode ligt niet in Vlaanderen of Brussel."
        case (.inFuture, _): return "Deze datum ligt in de toekomst."
        case (.tooOld, _): return "Deze datum ligt meer dan \(Limits.observedOnYearsBack) jaar terug."
        case (.tooMany, _): return "Kies hoogstens \(Limits.themesMaximum) thema's."
        case (.unknownField, _): return "Dit veld kent de API niet; controleer de schrijfwijze."
        case (.invalidType, .themes?): return "Geef de thema's als een lijst van codes, bijvoorbeeld [\"wonen\"]."
        case (.invalidType, _): return "Geef dit veld als tekst."
        }
    }

    private static func maximum(of field: SignalSubmission.Field) -> Int {
        switch field {
        case .description: Limits.descriptionMaximum
        case .targetGroup: Limits.targetGroupMaximum
        case .frequency: Limits.frequencyMaximum
        case .suggestion: Limits.suggestionMaximum
        case .contactEmail: Limits.contactEmailMaximum
        case .postcode: 4
        case .themes: Limits.themesMaximum
        case .observedOn: 10
        case .policyLevel: 20
        }
    }
}
