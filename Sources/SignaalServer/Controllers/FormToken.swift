/// The one-time token of a form page: CSRF protection and double-submission protection (the nonce is the
/// idempotency key of what the form stores).
///
/// The browser keeps the nonce in a `SameSite=Strict`, `HttpOnly` cookie; the page carries the nonce's HMAC in a
/// hidden field. A POST is accepted only when the field is the HMAC of the cookie (``FormTokens``): a cookie planted
/// by another site cannot pass without the daemon's secret.
struct FormToken: Equatable {
    /// 128 random bits as 32 hexadecimal digits: the cookie's value and the idempotency key.
    let value: String
    /// The HMAC-SHA256 of ``value`` under the daemon's secret, in hexadecimal: the hidden field's value.
    let field: String

    static let fieldName = "form_token"
}
