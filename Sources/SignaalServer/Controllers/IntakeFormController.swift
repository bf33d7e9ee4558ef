import Foundation
import Hummingbird
import Logging
import SignaalApp
import SignaalCore
import SignaalIntake
import SignaalStore

/// The practitioner's form at `/`: shows it, and stores a submitted signal or shows the form again with a message
/// beside each field and everything entered kept.
struct IntakeFormController {
    let reception: SignalReception
    let renderer: PageRenderer
    let bodyLimit: Int
    let tokens: FormTokens
    /// The site's public URL, for the receipt's link to the signal's page.
    let publicBase: String

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: self.show)
        router.post("/", use: self.submit)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try self.form(SignalSubmission(), failure: nil, token: self.tokens.issue(), status: .ok)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var request = request
        let body = try await request.collectBody(upTo: self.bodyLimit)
        let form = FormBody(String(buffer: body))
        let submission = SignalSubmission(
            description: form.value(.description),
            postcode: form.value(.postcode),
            themes: form.values(.themes),
            targetGroup: form.value(.targetGroup),
            frequency: form.value(.frequency),
            observedOn: form.value(.observedOn),
            policyLevel: form.value(.policyLevel),
            suggestion: form.value(.suggestion),
            contactEmail: form.value(.contactEmail)
        )
        guard let token = self.tokens.verified(request, field: form.value(named: FormToken.fieldName)) else {
            context.logger.notice("Form post without a matching form token")
            return try self.form(submission, failure: nil, token: self.tokens.issue(), status: .forbidden, notice: .expired)
        }
        do {
            let key = IdempotencyKey(scope: "form", key: token.value)
            switch try await self.reception.receive(submission, source: .form, idempotencyKey: key, logger: context.logger) {
            case .failure(let failure):
                return try self.form(submission, failure: failure, token: token, status: .unprocessableContent)
            case .success(let accepted):
                let status: HTTPResponse.Status =
                    switch accepted.state {
                    case .stored: .created
                    case .repeated: .ok
                    case .spooled: .accepted
                    }
                return HTML(try self.renderer.render(ReceiptPage(accepted, publicBase: self.publicBase), with: .receipt), status: status)
            }
        } catch is IdempotencyKeyReused {
            return try self.form(submission, failure: nil, token: self.tokens.issue(), status: .conflict, notice: .alreadySent)
        }
    }

    /// The form page with the token in a hidden field and in its cookie.
    private func form(
        _ submission: SignalSubmission,
        failure: ValidationFailure?,
        token: FormToken,
        status: HTTPResponse.Status,
        notice: IntakeFormPage.Notice? = nil
    ) throws -> HTML {
        // The form comes back scrubbed: personal data is never rendered, not even to the person who typed it.
        let (scrubbed, _) = self.reception.intake.scrubbed(submission)
        let page = IntakeFormPage(
            submission: scrubbed, failure: failure, reference: self.reception.intake.reference,
            today: self.reception.clock.today(), formToken: token.field, notice: notice)
        var html = HTML(try self.renderer.render(page, with: .intakeForm), status: status)
        html.cookies = [self.tokens.cookie(token)]
        return html
    }
}
