/// Why a coordinator did not take a signal up as a structural problem (the workspace's list, migration 014).
public enum RejectionReason: String, CaseIterable, Sendable {
    case individualCase = "individueel_dossier"
    case notStructural = "geen_structureel_probleem"
    case tooLittleInformation = "te_weinig_informatie"
    case outsideArea = "buiten_werkgebied"

    /// The reason as coordinators choose it.
    public var label: String {
        switch self {
        case .individualCase: "Individueel dossier"
        case .notStructural: "Geen structureel probleem"
        case .tooLittleInformation: "Te weinig informatie"
        case .outsideArea: "Buiten werkgebied"
        }
    }

    /// The reason as the practitioner who sent the signal reads it on the tracking page.
    public var explanation: String {
        switch self {
        case .individualCase:
            "Je signaal beschrijft de situatie van één persoon of gezin. Voor een individuele hulpvraag kan je terecht bij het OCMW of het CAW; Signaal verzamelt problemen die veel mensen treffen."
        case .notStructural:
            "De coördinator zag in je signaal geen probleem dat voortkomt uit een regel of werkwijze die veel mensen treft."
        case .tooLittleInformation:
            "Er stond te weinig in je signaal om het probleem te begrijpen. Stuur gerust een nieuw signaal met meer uitleg: wie treft het, wat loopt er mis, en waardoor."
        case .outsideArea:
            "Je signaal gaat over iets waar de regionale platformen van het sociaal werk niet over gaan."
        }
    }
}
