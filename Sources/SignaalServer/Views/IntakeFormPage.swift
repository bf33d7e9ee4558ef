import SignaalApp
import SignaalCore

/// The view model of the intake form at `/`: the values as entered, a message beside each field that has one, and
/// the error summary at the top.
struct IntakeFormPage {
    /// One text field: what was entered and the message beside it.
    struct Field {
        let value: String
        let error: String?
    }

    /// One choice of a checkbox group or a select.
    struct Option {
        let code: String
        let name: String
        let isChosen: Bool
    }

    /// A line of the error summary, linking to its field.
    struct SummaryLine {
        let field: String
        let message: String
    }

    let description: Field
    let postcode: Field
    let themesError: String?
    let themes: [Option]
    let targetGroup: Field
    let frequency: Field
    let observedOn: Field
    let policyLevelError: String?
    let policyLevels: [Option]
    let suggestion: Field
    let contactEmail: Field
    let errorSummary: [SummaryLine]
    let limits = Limits()
    /// The latest date the date field accepts.
    let today: String

    /// The limits the page states and enforces with `maxlength`.
    struct Limits {
        let description = SignalSubmission.Limits.descriptionMaximum
        let targetGroup = SignalSubmission.Limits.targetGroupMaximum
        let frequency = SignalSubmission.Limits.frequencyMaximum
        let suggestion = SignalSubmission.Limits.suggestionMaximum
        let themes = SignalSubmission.Limits.themesMaximum
    }

    /// Whether to show the error summary (a stored property: Mustache sees stored properties only).
    let hasErrors: Bool
    let pageTitle: String
    /// The one-time token of this page (hidden field `form_token`).
    let formToken: String
    /// A message about the form as a whole, shown above it.
    let noticeMessage: String?

    /// Why the form came back without a field being wrong.
    enum Notice {
        /// The form token was missing or did not match its cookie.
        case expired
        /// This page's form was sent before with other content.
        case alreadySent

        var message: String {
            switch self {
            case .expired:
                "Je signaal is nog niet verstuurd: de pagina was verlopen of je browser weigert cookies. Controleer je tekst hieronder en verstuur opnieuw."
            case .alreadySent:
                "Dit formulier werd al verstuurd. Wil je een nieuw signaal doorgeven? Controleer je tekst hieronder en verstuur opnieuw."
            }
        }
    }

    init(
        submission: SignalSubmission,
        failure: ValidationFailure?,
        reference: ReferenceData,
        today: CalendarDate,
        formToken: String,
        notice: Notice? = nil
    ) {
        func message(_ field: SignalSubmission.Field) -> String? {
            failure?.problems(for: field.stringValue).first.map(FieldMessages.message(for:))
        }
        func field(_ value: String?, _ name: SignalSubmission.Field) -> Field {
            Field(value: value ?? "", error: message(name))
        }
        self.description = field(submission.description, .description)
        self.postcode = field(submission.postcode, .postcode)
        self.themesError = message(.themes)
        self.themes = reference.themes.map {
            Option(code: $0.code, name: $0.name, isChosen: submission.themes.contains($0.code))
        }
        self.targetGroup = field(submission.targetGroup, .targetGroup)
        self.frequency = field(submission.frequency, .frequency)
        self.observedOn = field(submission.observedOn, .observedOn)
        self.policyLevelError = message(.policyLevel)
        self.policyLevels = reference.policyLevels.map {
            Option(code: $0.code, name: $0.name, isChosen: submission.policyLevel == $0.code)
        }
        self.suggestion = field(submission.suggestion, .suggestion)
        self.contactEmail = field(submission.contactEmail, .contactEmail)
        var seen: Set<String> = []
        self.errorSummary = (failure?.problems ?? []).compactMap { problem in
            guard seen.insert(problem.field).inserted else { return nil }
            return SummaryLine(field: problem.field, message: FieldMessages.message(for: problem))
        }
        self.today = today.description
        self.hasErrors = !self.errorSummary.isEmpty
        self.pageTitle = self.hasErrors || notice != nil ? "Fout: signaal niet verstuurd" : "Een signaal doorgeven"
        self.formToken = formToken
        self.noticeMessage = notice?.message
    }
}
