/// A kind of personal data the scrubber removes from free text, with the placeholder that replaces it.
public enum PersonalDataKind: String, Sendable, CaseIterable, Codable {
    /// A Belgian national register number (rijksregisternummer).
    case nationalRegisterNumber = "NRN"
    case iban = "IBAN"
    case phoneNumber = "PHONE"
    case emailAddress = "EMAIL"
    /// A person's name.
    case name = "NAME"
    /// A street address: street and house number, optionally bus, postcode and town.
    case address = "ADDRESS"
    case birthDate = "BIRTHDATE"

    /// The Dutch placeholder put where the data stood, e.g. `[NAAM]`.
    public var placeholder: String {
        switch self {
        case .nationalRegisterNumber: "[RIJKSREGISTERNUMMER]"
        case .iban: "[IBAN]"
        case .phoneNumber: "[TELEFOON]"
        case .emailAddress: "[E-MAIL]"
        case .name: "[NAAM]"
        case .address: "[ADRES]"
        case .birthDate: "[GEBOORTEDATUM]"
        }
    }

    /// The Dutch noun for the receipt ("een naam", "een telefoonnummer").
    public var dutchName: String {
        switch self {
        case .nationalRegisterNumber: "rijksregisternummer"
        case .iban: "rekeningnummer"
        case .phoneNumber: "telefoonnummer"
        case .emailAddress: "e-mailadres"
        case .name: "naam"
        case .address: "adres"
        case .birthDate: "geboortedatum"
        }
    }
}
