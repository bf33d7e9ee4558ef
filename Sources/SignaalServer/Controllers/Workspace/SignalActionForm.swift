import SignaalCore
import SignaalStore

/// The action a workspace form asks for, read from its fields, or what is wrong with them (in Dutch, for beside
/// the field). The action's name is the last part of its path: `/werkruimte/signalen/{id}/afwijzen`.
enum SignalActionForm {
    /// The actions' names, as in their paths.
    static let names = ["valideren", "afwijzen", "dubbel", "themas", "afschermen", "doorsturen"]

    /// What the page says after an action.
    static func done(_ name: String) -> String? {
        switch name {
        case "valideren": "Het signaal is gevalideerd."
        case "afwijzen": "Het signaal is afgewezen."
        case "dubbel": "Het signaal is als dubbel gemarkeerd."
        case "themas": "De thema's zijn aangepast."
        case "afschermen": "De passage is afgeschermd."
        case "doorsturen": "Het signaal is doorgestuurd naar het andere platform."
        default: nil
        }
    }

    static func action(_ name: String, form: WorkspaceForm, reference: ReferenceData) -> Result<SignalAction, FormError> {
        switch name {
        case "valideren":
            return .success(.validate)
        case "afwijzen":
            guard let reason = form.value("reden").flatMap(RejectionReason.init(rawValue:)) else {
                return .failure(FormError("Kies een reden uit de lijst."))
            }
            let note = form.value("toelichting")
            guard (note?.count ?? 0) <= 1000 else { return .failure(FormError("Houd de toelichting onder 1000 tekens.")) }
            return .success(.reject(reason, note: note))
        case "dubbel":
            guard let original = form.value("origineel").flatMap({ Int64($0) }), original > 0 else {
                return .failure(FormError("Geef het nummer van het eerdere signaal, bv. 1234."))
            }
            return .success(.markDuplicate(of: original))
        case "themas":
            let codes = form.values("themes").filter { !$0.isEmpty }
            let known = Set(reference.themes.map(\.code))
            guard (1...3).contains(codes.count), codes.allSatisfy(known.contains), Set(codes).count == codes.count else {
                return .failure(FormError("Kies één tot drie thema's."))
            }
            return .success(.setThemes(codes))
        case "afschermen":
            guard let passage = form.fields.value(named: "passage"), (2...500).contains(passage.count),
                !passage.trimmingWhitespace().isEmpty
            else {
                return .failure(FormError("Neem de passage letterlijk over: 2 tot 500 tekens."))
            }
            return .success(.redact(passage: passage))
        case "doorsturen":
            guard let platform = form.value("platform"), reference.regions.contains(where: { $0.code == platform }) else {
                return .failure(FormError("Kies een regionaal platform."))
            }
            return .success(.forward(to: platform))
        default:
            return .failure(FormError("Onbekende actie."))
        }
    }

    /// A field's problem, in Dutch.
    struct FormError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
