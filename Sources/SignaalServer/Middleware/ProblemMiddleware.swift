import Hummingbird
import Logging
import SignaalApp
import SignaalCore
import SignaalStore

/// Maps every error to a response in one place: RFC 9457 problem documents under `/api/`, HTML pages elsewhere.
///
/// Validation → 422, malformed input → 400, too large → 413, unknown path → 404, database unreachable → 503;
/// anything else → 500 with a generic title, logged once at `error` with the request id.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = self.problem(for: error, context: context)
            problem.instance = context.id
            if let limited = error as? TooManyRequests {
                problem.extraHeaders[.retryAfter] = String(limited.retryAfterSeconds)
            }
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
                return try problem.response(from: request, context: context)
            }
            var page = MessagePage(
                pageTitle: problem.title,
                heading: problem.title,
                message: Self.pageMessage(for: problem.status),
                requestID: problem.status.code >= 500 ? context.id : nil
            )
            if request.routePath.hasPrefix("/werkruimte") {
                page = Self.workspacePage(for: error, problem: problem, requestID: page.requestID)
            }
            var response = try HTML(try self.renderer.render(page, with: .error), status: problem.status)
                .response(from: request, context: context)
            response.headers.append(contentsOf: problem.extraHeaders)
            return response
        }
    }

    private func problem(for error: any Error, context: AppRequestContext) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let failure as ValidationFailure:
            return Problem(failure)
        case is TooManyRequests:
            return Problem(.tooManyRequests)
        case is IdempotencyKeyReused:
            return Problem(.idempotencyKeyReused)
        case let error as PostgresError where error.isUnavailable:
            context.logger.warning("Database unavailable", metadata: ["db.error": "\(error)"])
            return Problem(.databaseUnavailable)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return Problem(.bodyTooLarge)
        case let error as any HTTPResponseError where error.status == .notFound:
            return Problem(.notFound)
        case let error as any HTTPResponseError where error.status == .unauthorized:
            return Problem(.unauthorized)
        case let error as any HTTPResponseError where error.status == .forbidden:
            return Problem(.forbidden)
        case let error as any HTTPResponseError where (400..<500).contains(error.status.code):
            return Problem(.malformedJSON, detail: error.status.reasonPhrase)
        default:
            context.logger.error("Request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(.internalError)
        }
    }

    /// The page of a workspace error: signing in, access and expired forms in the workspace's words.
    private static func workspacePage(for error: any Error, problem: Problem, requestID: String?) -> MessagePage {
        let message = (error as? HTTPError)?.body
        let (title, text): (String, String) =
            switch problem.status {
            case .unauthorized: ("Aanmelden nodig", "Je sessie is afgelopen of je bent niet aangemeld. Meld je opnieuw aan.")
            case .forbidden: ("Geen toegang", message ?? "Je account heeft geen toegang tot deze pagina.")
            case .notFound: ("Niet gevonden", "Dit signaal of deze pagina bestaat niet, of hoort niet bij je platform.")
            default: (problem.title, message ?? Self.pageMessage(for: problem.status))
            }
        return MessagePage(
            pageTitle: title, heading: title, message: text, requestID: requestID, homeURL: "/werkruimte", homeName: "Naar de werkruimte")
    }

    private static func pageMessage(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "Deze pagina bestaat niet (meer)."
        case .methodNotAllowed: "Dit adres bestaat, maar aanvaardt dit soort verzoek niet."
        case .contentTooLarge: "Wat je instuurde is te groot. Maak je tekst korter en probeer opnieuw."
        case .tooManyRequests: "Je verstuurde veel signalen kort na elkaar. Wacht even en probeer dan opnieuw."
        case .serviceUnavailable: "Signaal kan je signaal op dit moment niet opslaan. Probeer het over enkele minuten opnieuw."
        case .internalServerError: "Er ging iets mis aan onze kant. Probeer het later opnieuw."
        default: "Dit verzoek kon niet verwerkt worden."
        }
    }
}
