-- 004_signals.sql
-- De signalen zelf: wat praktijkwerkers melden over structurele problemen, met hun
-- thema's en een optioneel contactadres voor terugkoppeling.
-- Waarom: dit is de kern van Signaal. Het contact-e-mailadres staat in een aparte tabel
-- (contact_emails) zodat het nooit in analyses terechtkomt; de opvolgcode (tracking_code)
-- is enkel bedoeld voor de signaalgever en wordt evenmin aan analisten getoond.

CREATE TABLE signaal.signals (
    id bigint GENERATED ALWAYS AS IDENTITY,
    tracking_code text NOT NULL,
    description text NOT NULL,
    postcode text NOT NULL,
    municipality_id integer NULL,
    region_id smallint NOT NULL,
    target_group text NULL,
    frequency text NULL,
    observed_on date NOT NULL DEFAULT current_date,
    policy_level_id smallint NULL,
    suggestion text NULL,
    source_id smallint NOT NULL,
    status_id smallint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signals_pkey PRIMARY KEY (id),
    CONSTRAINT signals_tracking_code_key UNIQUE (tracking_code),
    CONSTRAINT signals_tracking_code_format_check CHECK (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
    CONSTRAINT signals_description_length_check CHECK (char_length(description) BETWEEN 1 AND 4000),
    CONSTRAINT signals_postcode_format_check CHECK (postcode ~ '^[1-9][0-9]{3}$'),
    CONSTRAINT signals_target_group_length_check CHECK (char_length(target_group) <= 200),
    CONSTRAINT signals_frequency_length_check CHECK (char_length(frequency) <= 200),
    CONSTRAINT signals_suggestion_length_check CHECK (char_length(suggestion) <= 2000),
    CONSTRAINT signals_municipality_id_fkey FOREIGN KEY (municipality_id) REFERENCES signaal.municipalities (id),
    CONSTRAINT signals_postcode_municipality_id_fkey FOREIGN KEY (postcode, municipality_id)
        REFERENCES signaal.postcodes (postcode, municipality_id),
    CONSTRAINT signals_region_id_fkey FOREIGN KEY (region_id) REFERENCES signaal.regions (id),
    CONSTRAINT signals_policy_level_id_fkey FOREIGN KEY (policy_level_id) REFERENCES signaal.policy_levels (id),
    CONSTRAINT signals_source_id_fkey FOREIGN KEY (source_id) REFERENCES signaal.signal_sources (id),
    CONSTRAINT signals_status_id_fkey FOREIGN KEY (status_id) REFERENCES signaal.signal_statuses (id)
);

CREATE INDEX signals_region_id_observed_on_idx ON signaal.signals (region_id, observed_on);
CREATE INDEX signals_received_at_idx ON signaal.signals (received_at);

CREATE TABLE signaal.signal_themes (
    signal_id bigint NOT NULL,
    theme_id smallint NOT NULL,
    is_submitter_choice boolean NOT NULL DEFAULT true,
    CONSTRAINT signal_themes_pkey PRIMARY KEY (signal_id, theme_id),
    CONSTRAINT signal_themes_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE,
    CONSTRAINT signal_themes_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES signaal.themes (id)
);

CREATE INDEX signal_themes_theme_id_idx ON signaal.signal_themes (theme_id);

CREATE TABLE signaal.contact_emails (
    signal_id bigint NOT NULL,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contact_emails_pkey PRIMARY KEY (signal_id),
    CONSTRAINT contact_emails_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE,
    CONSTRAINT contact_emails_email_check CHECK (char_length(email) <= 254 AND position('@' IN email) > 1)
);

-- Ter verduidelijking: analisten hebben geen enkel recht op contactgegevens (ze hebben
-- ook geen USAGE op schema signaal; dit maakt de bedoeling expliciet).
REVOKE ALL ON signaal.contact_emails FROM signaal_analyst;

COMMENT ON TABLE signaal.signals IS
    'Signalen: meldingen van praktijkwerkers over structurele problemen die ze in hun werk vaststellen. Eén rij per '
    'signaal. Signalen zijn geen representatieve steekproef: aantallen tonen wat gemeld werd, niet hoe vaak een '
    'probleem voorkomt.';
COMMENT ON COLUMN signaal.signals.id IS
    'Interne, oplopende sleutel van het signaal (automatisch toegekend).';
COMMENT ON COLUMN signaal.signals.tracking_code IS
    'Opvolgcode die de signaalgever krijgt om het signaal te volgen: 2 x 4 tekens in Crockford base32 (cijfers en '
    'hoofdletters zonder I, L, O en U), bv. 7K3M-Q9XZ. Vertrouwelijk: niet zichtbaar voor analisten.';
COMMENT ON COLUMN signaal.signals.description IS
    'Beschrijving van het probleem in de eigen woorden van de signaalgever (vrije tekst, 1 tot 4000 tekens).';
COMMENT ON COLUMN signaal.signals.postcode IS
    'Postcode (4 cijfers) van de plaats waar het probleem werd vastgesteld, zoals opgegeven door de signaalgever.';
COMMENT ON COLUMN signaal.signals.municipality_id IS
    'Gemeente afgeleid uit de postcode (verwijst naar municipalities.id). NULL wanneer de postcode meerdere '
    'gemeenten dekt (bv. 1040, 1050, 1804) en de gemeente dus niet eenduidig is.';
COMMENT ON COLUMN signaal.signals.region_id IS
    'Regionaal platform waaronder het signaal valt (verwijst naar regions.id), afgeleid uit de postcode.';
COMMENT ON COLUMN signaal.signals.target_group IS
    'Doelgroep die door het probleem getroffen wordt, volgens de signaalgever (vrije tekst, max. 200 tekens). '
    'NULL als niet ingevuld.';
COMMENT ON COLUMN signaal.signals.frequency IS
    'Hoe vaak het probleem voorkomt of hoeveel mensen het treft, volgens de signaalgever (vrije tekst, max. 200 '
    'tekens, geen getal). NULL als niet ingevuld.';
COMMENT ON COLUMN signaal.signals.observed_on IS
    'Datum waarop het probleem werd vastgesteld, volgens de signaalgever; standaard de dag van indienen.';
COMMENT ON COLUMN signaal.signals.policy_level_id IS
    'Beleidsniveau waarop het probleem volgens de signaalgever kan worden aangepakt (verwijst naar '
    'policy_levels.id). NULL als niet ingevuld.';
COMMENT ON COLUMN signaal.signals.suggestion IS
    'Voorstel van de signaalgever voor een oplossing of beleidsaanpassing (vrije tekst, max. 2000 tekens). NULL als '
    'niet ingevuld.';
COMMENT ON COLUMN signaal.signals.source_id IS
    'Kanaal waarlangs het signaal binnenkwam (verwijst naar signal_sources.id): webformulier of API.';
COMMENT ON COLUMN signaal.signals.status_id IS
    'Huidige verwerkingsstatus van het signaal (verwijst naar signal_statuses.id): ontvangen, gevalideerd, '
    'samengevoegd of afgewezen.';
COMMENT ON COLUMN signaal.signals.received_at IS
    'Tijdstip (met tijdzone) waarop het signaal door Signaal werd ontvangen en opgeslagen.';

COMMENT ON TABLE signaal.signal_themes IS
    'Koppeling tussen signalen en thema''s: één rij per combinatie signaal-thema. Een signaal kan meerdere thema''s '
    'hebben, of (nog) geen.';
COMMENT ON COLUMN signaal.signal_themes.signal_id IS
    'Signaal (verwijst naar signals.id). Wordt mee verwijderd als het signaal verwijderd wordt.';
COMMENT ON COLUMN signaal.signal_themes.theme_id IS
    'Thema (verwijst naar themes.id).';
COMMENT ON COLUMN signaal.signal_themes.is_submitter_choice IS
    'true als de signaalgever dit thema zelf koos; false als het later werd toegevoegd (bv. door een coördinator).';

COMMENT ON TABLE signaal.contact_emails IS
    'Optioneel contact-e-mailadres van de signaalgever, om terugkoppeling te geven over het signaal. Apart bewaard '
    'zodat het nooit in analyses terechtkomt; maximaal één adres per signaal. Geen rij = geen adres opgegeven.';
COMMENT ON COLUMN signaal.contact_emails.signal_id IS
    'Signaal waarbij het adres hoort (verwijst naar signals.id). Wordt mee verwijderd als het signaal verwijderd wordt.';
COMMENT ON COLUMN signaal.contact_emails.email IS
    'E-mailadres zoals opgegeven door de signaalgever (max. 254 tekens, met een @ na minstens één teken). '
    'Persoonsgegeven: enkel voor terugkoppeling gebruiken.';
COMMENT ON COLUMN signaal.contact_emails.created_at IS
    'Tijdstip (met tijdzone) waarop het adres werd opgeslagen.';
