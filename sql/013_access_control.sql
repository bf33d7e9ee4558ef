-- 013_access_control.sql
-- Toegang volgens wie vraagt: een sleutel van een platform ziet enkel dat platform, tenzij ze voor heel Vlaanderen
-- werd aangemaakt (scope all); eigen referenties (external_id) zijn uniek per sleutel; opvolgcodes worden langer
-- (80 willekeurige bits); contactadressen worden na een bewaartermijn gewist; de daemon werkt als signaal_app.
-- Waarom: een partner mag niet zien of beïnvloeden wat een ander platform of een andere sleutel doorgaf.

ALTER TABLE signaal.api_keys
    ADD COLUMN scope text NOT NULL DEFAULT 'platform',
    ADD CONSTRAINT api_keys_scope_check CHECK (scope IN ('platform', 'all'));

COMMENT ON COLUMN signaal.api_keys.scope IS
    'Wat de sleutel mag uitvoeren: platform (enkel de signalen van het eigen platform) of all (alle platformen, voor het Vlaams platform zelf).';

ALTER TABLE signaal.signals
    ADD COLUMN organisation_unit text NULL,
    ADD CONSTRAINT signals_organisation_unit_length_check CHECK (char_length(organisation_unit) <= 200);

COMMENT ON COLUMN signaal.signals.organisation_unit IS
    'Het team of de dienst binnen de organisatie, zoals een import het noemde (gescrubd); telt nooit als aparte organisatie.';

-- Eigen referenties zijn uniek per sleutel; signalen zonder sleutel (import op de opdrachtregel) per platform.
DROP INDEX signaal.signals_reporting_region_id_external_id_key;
CREATE UNIQUE INDEX signals_api_key_id_external_id_key ON signaal.signals (api_key_id, external_id)
    WHERE external_id IS NOT NULL AND api_key_id IS NOT NULL;
CREATE UNIQUE INDEX signals_reporting_region_id_external_id_key ON signaal.signals (reporting_region_id, external_id)
    WHERE external_id IS NOT NULL AND api_key_id IS NULL;

-- Nieuwe opvolgcodes hebben vier groepen (80 bits); de bestaande van twee groepen blijven geldig.
ALTER TABLE signaal.signals
    DROP CONSTRAINT signals_tracking_code_format_check,
    ADD CONSTRAINT signals_tracking_code_format_check
        CHECK (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})?$');

-- Onderhoudstaken die één keer per dag lopen, hoeveel daemons er ook zijn.
CREATE TABLE signaal.maintenance_runs (
    job text NOT NULL,
    day date NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    affected integer NOT NULL DEFAULT 0,
    CONSTRAINT maintenance_runs_pkey PRIMARY KEY (job, day),
    CONSTRAINT maintenance_runs_job_format_check CHECK (job ~ '^[a-z][a-z0-9_]*$')
);

COMMENT ON TABLE signaal.maintenance_runs IS
    'Dagelijkse onderhoudstaken (bv. het wissen van contactadressen na de bewaartermijn): één rij per taak en dag, zodat elke taak één keer per dag loopt.';
COMMENT ON COLUMN signaal.maintenance_runs.job IS 'De taak, bv. contact_retention.';
COMMENT ON COLUMN signaal.maintenance_runs.day IS 'De dag (Europe/Brussels) waarvoor de taak liep.';
COMMENT ON COLUMN signaal.maintenance_runs.finished_at IS 'Wanneer de taak liep.';
COMMENT ON COLUMN signaal.maintenance_runs.affected IS 'Hoeveel rijen de taak wiste of wijzigde.';

-- De daemon meldt zich aan als signaal_app (geen DDL, geen TRUNCATE, eigenaar van niets). Zonder CREATEROLE
-- maakt een databankbeheerder de rol aanmeldbaar.
DO $$
BEGIN
    -- Enkel als het nodig is: de rol is clusterbreed, en migraties van andere databanken mogen ze niet tegelijk wijzigen.
    IF NOT (SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = 'signaal_app') THEN
        ALTER ROLE signaal_app LOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'signaal_app kon niet aanmeldbaar gemaakt worden: doe het als beheerder (ALTER ROLE signaal_app LOGIN PASSWORD ...)';
END
$$;
