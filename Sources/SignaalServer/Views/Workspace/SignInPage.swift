/// The view model of `/werkruimte/aanmelden`.
struct SignInPage {
    let pageTitle = "Aanmelden"
    let email: String
    /// Where to go after signing in (a workspace path).
    let back: String
    let formToken: String
    /// Beside the fields: why signing in did not work.
    let error: String?
    /// Above the form: a password set, signed out.
    let notice: String?
}

/// The view model of `/werkruimte/wachtwoord/{token}`.
struct PasswordPage {
    let pageTitle = "Wachtwoord kiezen"
    let memberName: String?
    let linkPath: String
    let formToken: String
    let minimumLength: Int
    let error: String?
    /// The link no longer works (used, expired, account disabled).
    let expired: Bool

    init(memberName: String?, linkPath: String, formToken: String, minimumLength: Int, error: String?) {
        self.memberName = memberName
        self.linkPath = linkPath
        self.formToken = formToken
        self.minimumLength = minimumLength
        self.error = error
        self.expired = memberName == nil
    }
}

/// The view model of `GET /werkruimte/afmelden`: the sign-out button.
struct SignOutPage {
    let pageTitle = "Afmelden"
    let chrome: WorkspaceChrome
}
