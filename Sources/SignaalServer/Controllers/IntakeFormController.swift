import Foundation
import Hummingbird
import SignaalCore
import SignaalStore

/// The practitioner's form at `/`: shows it, and stores a submitted signal or shows the form again with a message
/// beside each field and everything entered kept.
struct IntakeFormController {
    let reception: SignalReception
    let renderer: PageRenderer
    let bodyLimit: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: self.show)
        router.post("/", use: self.submit)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let page = IntakeFormPage(
            submission: SignalSubmission(), failure: nil, reference: self.reception.intake.reference,
            today: self.reception.clock.today())
        return HTML(try self.renderer.render(page, with: .intakeForm))
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
        switch try await self.reception.receive(submission, source: .form, logger: context.logger) {
        case .failure(let failure):
            let page = IntakeFormPage(
                submission: submission, failure: failure, reference: self.reception.intake.reference,
                today: self.reception.clock.today())
            return HTML(try self.renderer.render(page, with: .intakeForm), status: .unprocessableContent)
        case .success(let accepted):
            let page = ReceiptPage(receipt: accepted.receipt, signal: accepted.signal)
            return HTML(try self.renderer.render(page, with: .receipt), status: .created)
        }
    }
}
