import Foundation
import Hummingbird
import Logging
import SignaalCore
import SignaalStore

/// The practitioner's form at `/`: shows it, and stores a submitted signal or shows the form again with a message
/// beside each field and everything entered kept.
struct IntakeFormController {
    let intake: SignalIntake
    let store: SignalStore
    let renderer: PageRenderer
    let clock: CalendarClock
    let bodyLimit: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: self.show)
        router.post("/", use: self.submit)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let page = IntakeFormPage(
            submission: SignalSubmission(), failure: nil, reference: self.intake.reference, today: self.clock.today())
        return HTML(try self.renderer.render(page, with: .intakeForm))
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var request = request
        let body = try await request.collectBody(upTo: self.bodyLimit)
        let form = FormBody(String(buffer: body))
        let submission = SignalSubmission(
            description: form.value("description"),
            postcode: form.value("postcode"),
            themes: form.values("themes"),
            targetGroup: form.value("target_group"),
            frequency: form.value("frequency"),
            observedOn: form.value("observed_on"),
            policyLevel: form.value("policy_level"),
            suggestion: form.value("suggestion"),
            contactEmail: form.value("contact_email")
        )
        let today = self.clock.today()
        switch self.intake.prepare(submission, source: .form, today: today) {
        case .failure(let failure):
            context.logger.debug("Form submission refused", metadata: ["signal.problems": "\(failure.problems.count)"])
            let page = IntakeFormPage(submission: submission, failure: failure, reference: self.intake.reference, today: today)
            return HTML(try self.renderer.render(page, with: .intakeForm), status: .unprocessableContent)
        case .success(let signal):
            let receipt = try await self.store.insert(signal, logger: context.logger)
            context.logger.info(
                "Signal accepted",
                metadata: ["signal.tracking_code": "\(receipt.trackingCode)", "signal.source": "form", "signal.id": "\(receipt.id)"]
            )
            return HTML(try self.renderer.render(ReceiptPage(receipt: receipt, signal: signal), with: .receipt), status: .created)
        }
    }
}
