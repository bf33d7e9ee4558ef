-- 009_briefs.sql
-- Beleidsbrieven: momentopnames van wat de signalen van een regio (of heel Vlaanderen) in een periode zeggen,
-- en welke signalen elke brief meetelde, voor de opvolgpagina van de signaalgever.
-- Waarom zo: een gepubliceerde brief verandert nooit; opnieuw samenstellen maakt een nieuwe versie, en alle
-- versies blijven leesbaar. Het model (JSON) is de bron van HTML, Markdown en JSON.

CREATE TABLE signaal.briefs (
    id bigint GENERATED ALWAYS AS IDENTITY,
    scope text NOT NULL,
    period text NOT NULL,
    version integer NOT NULL,
    trigger text NOT NULL,
    generated_at timestamptz NOT NULL DEFAULT now(),
    signal_count integer NULL,
    model jsonb NOT NULL,
    CONSTRAINT briefs_pkey PRIMARY KEY (id),
    CONSTRAINT briefs_scope_period_version_key UNIQUE (scope, period, version),
    CONSTRAINT briefs_scope_format_check CHECK (scope ~ '^[a-z][a-z0-9-]*$'),
    CONSTRAINT briefs_period_format_check CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$'),
    CONSTRAINT briefs_version_check CHECK (version >= 1),
    CONSTRAINT briefs_trigger_check CHECK (trigger IN ('scheduled', 'requested'))
);

CREATE INDEX briefs_generated_at_idx ON signaal.briefs (generated_at DESC);

-- Een gepubliceerde brief is een momentopname: de databank weigert elke wijziging.
CREATE FUNCTION signaal.briefs_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'een gepubliceerde brief verandert niet; stel een nieuwe versie samen'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER briefs_immutable BEFORE UPDATE ON signaal.briefs
    FOR EACH ROW EXECUTE FUNCTION signaal.briefs_are_immutable();

CREATE TABLE signaal.brief_signals (
    brief_id bigint NOT NULL,
    signal_id bigint NOT NULL,
    CONSTRAINT brief_signals_pkey PRIMARY KEY (brief_id, signal_id),
    CONSTRAINT brief_signals_brief_id_fkey FOREIGN KEY (brief_id) REFERENCES signaal.briefs (id),
    CONSTRAINT brief_signals_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE
);

CREATE INDEX brief_signals_signal_id_idx ON signaal.brief_signals (signal_id);

CREATE TABLE signaal.feedback_notices (
    signal_id bigint NOT NULL,
    brief_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz NULL,
    CONSTRAINT feedback_notices_pkey PRIMARY KEY (signal_id, brief_id),
    CONSTRAINT feedback_notices_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE,
    CONSTRAINT feedback_notices_brief_id_fkey FOREIGN KEY (brief_id) REFERENCES signaal.briefs (id)
);

CREATE VIEW analytics.briefs AS
SELECT b.id AS id, b.scope AS scope, b.period AS period, b.version AS version, b.trigger AS trigger,
    b.generated_at AS generated_at, b.signal_count AS signal_count, b.model AS model
FROM signaal.briefs AS b;

GRANT SELECT ON analytics.briefs TO signaal_analyst;

COMMENT ON TABLE signaal.briefs IS
    'Beleidsbrieven: één rij per versie van de brief van een regio (of vlaanderen) over een periode. Onveranderlijk.';
COMMENT ON COLUMN signaal.briefs.id IS 'Volgnummer van de brief (ook in het webadres /briefs/{id}).';
COMMENT ON COLUMN signaal.briefs.scope IS 'Regiocode van het regionaal platform, of vlaanderen voor het hele Vlaams platform.';
COMMENT ON COLUMN signaal.briefs.period IS 'Periode: JJJJ-MM (maand), JJJJ-Qn (kwartaal) of JJJJ (jaar).';
COMMENT ON COLUMN signaal.briefs.version IS 'Versie binnen regio en periode: 1 is de eerste publicatie, elke nieuwe samenstelling telt op.';
COMMENT ON COLUMN signaal.briefs.trigger IS 'scheduled (na het afsluiten van de periode, automatisch) of requested (op aanvraag).';
COMMENT ON COLUMN signaal.briefs.generated_at IS 'Tijdstip van samenstelling.';
COMMENT ON COLUMN signaal.briefs.signal_count IS 'Aantal signalen in de periode en regio; leeg wanneer kleiner dan het minimum dat getoond wordt.';
COMMENT ON COLUMN signaal.briefs.model IS 'De brief zelf als JSON: de bron van de HTML-, Markdown- en JSON-versie.';
COMMENT ON FUNCTION signaal.briefs_are_immutable() IS 'Weigert elke wijziging aan een gepubliceerde brief.';
COMMENT ON TABLE signaal.brief_signals IS 'Welke signalen een brief meetelde: de opvolgpagina toont zo aan de signaalgever in welke brieven zijn signaal stond.';
COMMENT ON COLUMN signaal.brief_signals.brief_id IS 'De brief.';
COMMENT ON COLUMN signaal.brief_signals.signal_id IS 'Het signaal.';
COMMENT ON TABLE signaal.feedback_notices IS
    'Meldingen die een signaalgever met een contactadres zou krijgen wanneer zijn signaal in een brief staat. Het '
    'versturen van e-mail valt buiten Signaal: dit is de wachtrij voor een verzender.';
COMMENT ON COLUMN signaal.feedback_notices.signal_id IS 'Het signaal (met een contactadres in contact_emails).';
COMMENT ON COLUMN signaal.feedback_notices.brief_id IS 'De brief waarin het signaal meetelde.';
COMMENT ON COLUMN signaal.feedback_notices.created_at IS 'Wanneer de melding klaarstond.';
COMMENT ON COLUMN signaal.feedback_notices.sent_at IS 'Wanneer een verzender ze verstuurde (leeg: nog niet).';
COMMENT ON VIEW analytics.briefs IS 'De gepubliceerde beleidsbrieven, alle versies.';
COMMENT ON COLUMN analytics.briefs.id IS 'Volgnummer van de brief.';
COMMENT ON COLUMN analytics.briefs.scope IS 'Regiocode of vlaanderen.';
COMMENT ON COLUMN analytics.briefs.period IS 'Periode (JJJJ-MM, JJJJ-Qn of JJJJ).';
COMMENT ON COLUMN analytics.briefs.version IS 'Versie binnen regio en periode.';
COMMENT ON COLUMN analytics.briefs.trigger IS 'scheduled of requested.';
COMMENT ON COLUMN analytics.briefs.generated_at IS 'Tijdstip van samenstelling.';
COMMENT ON COLUMN analytics.briefs.signal_count IS 'Aantal signalen (leeg onder het minimum).';
COMMENT ON COLUMN analytics.briefs.model IS 'De brief als JSON (zie README voor de velden).';
