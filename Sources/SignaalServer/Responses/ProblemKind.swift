import Hummingbird

/// The kinds of problem the API reports, each with a status, a Dutch title and an explanation page.
enum ProblemKind: String, CaseIterable {
    case validation
    case unauthorized
    case forbidden
    case tooManySignals
    case idempotencyKeyReused
    case malformedJSON
    case unsupportedMediaType
    case bodyTooLarge
    case tooManyRequests
    case notFound
    case methodNotAllowed
    case databaseUnavailable
    case internalError

    var slug: String {
        switch self {
        case .validation: "validatie"
        case .unauthorized: "sleutel"
        case .forbidden: "geen-toegang"
        case .tooManySignals: "te-veel-signalen"
        case .idempotencyKeyReused: "idempotentie"
        case .malformedJSON: "ongeldige-json"
        case .unsupportedMediaType: "mediatype"
        case .bodyTooLarge: "te-groot"
        case .tooManyRequests: "te-veel-verzoeken"
        case .notFound: "niet-gevonden"
        case .methodNotAllowed: "methode"
        case .databaseUnavailable: "niet-beschikbaar"
        case .internalError: "interne-fout"
        }
    }

    var status: HTTPResponse.Status {
        switch self {
        case .validation, .tooManySignals: .unprocessableContent
        case .idempotencyKeyReused: .conflict
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .malformedJSON: .badRequest
        case .unsupportedMediaType: .unsupportedMediaType
        case .bodyTooLarge: .contentTooLarge
        case .tooManyRequests: .tooManyRequests
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .databaseUnavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    /// The status as a number, for pages.
    var statusCode: Int { self.status.code }

    var title: String {
        switch self {
        case .validation: "Het signaal bevat ongeldige velden"
        case .unauthorized: "Een geldige API-sleutel is nodig"
        case .forbidden: "Deze sleutel heeft hier geen toegang"
        case .tooManySignals: "Te veel signalen in één batch"
        case .idempotencyKeyReused: "Deze Idempotency-Key hoort bij een ander signaal"
        case .malformedJSON: "De body is geen geldige JSON"
        case .unsupportedMediaType: "Stuur de body als application/json"
        case .bodyTooLarge: "De body is te groot"
        case .tooManyRequests: "Te veel verzoeken na elkaar"
        case .notFound: "Niet gevonden"
        case .methodNotAllowed: "Deze methode is hier niet toegelaten"
        case .databaseUnavailable: "Signaal kan tijdelijk niets opslaan"
        case .internalError: "Er ging iets mis aan onze kant"
        }
    }

    /// A paragraph for the explanation page at `/problems/<slug>`.
    var explanation: String {
        switch self {
        case .validation:
            "Eén of meer velden voldoen niet aan de regels. De lijst errors noemt per veld (field) wat er mis is (code) en hoe je het oplost (detail). Er werd niets opgeslagen."
        case .unauthorized:
            "Dit adres is voor regionale platformen en partners. Stuur de sleutel die je van de beheerder kreeg in de header Authorization: Bearer sgn_… (of X-API-Key). Een ingetrokken sleutel werkt niet meer: vraag een nieuwe."
        case .forbidden:
            "De sleutel is geldig, maar mag dit niet lezen: een sleutel van een platform ziet enkel de signalen van dat platform. Laat de filter region weg of kies het eigen platform; voor alle platformen is een sleutel met scope all nodig."
        case .tooManySignals:
            "Een batch bevat hoogstens 1000 signalen in het veld signals. Verdeel grotere bundels over meerdere verzoeken, of gebruik de CSV-import."
        case .idempotencyKeyReused:
            "De header Idempotency-Key werd eerder gebruikt voor een signaal met een andere inhoud. Gebruik voor elk nieuw signaal een nieuwe sleutel, en dezelfde sleutel alleen om precies hetzelfde verzoek te herhalen."
        case .malformedJSON:
            "De body kon niet als JSON gelezen worden, of is geen JSON-object. Controleer aanhalingstekens, komma's en de tekenset (UTF-8)."
        case .unsupportedMediaType:
            "De API aanvaardt enkel een body met Content-Type: application/json."
        case .bodyTooLarge:
            "De body is groter dan de API toelaat. Een signaal past ruim binnen de limiet; stuur signalen één voor één."
        case .tooManyRequests:
            "Deze client stuurde meer verzoeken dan toegelaten per minuut. Wacht het aantal seconden in de header Retry-After af en probeer dan opnieuw."
        case .notFound:
            "Dit adres bestaat niet in Signaal."
        case .methodNotAllowed:
            "Dit adres bestaat, maar niet voor deze HTTP-methode. De header Allow noemt de methodes die het aanvaardt."
        case .databaseUnavailable:
            "De databank is tijdelijk niet bereikbaar. Probeer het over enkele ogenblikken opnieuw; er werd niets opgeslagen."
        case .internalError:
            "Er trad een onverwachte fout op. Ze werd gelogd met het request-id (instance); vermeld dat als je contact opneemt."
        }
    }
}
