-- 010_api_keys_and_origins.sql
-- Regionale platformen en partners: API-sleutels, en van wie een signaal komt (platform, organisatie, eigen
-- referentie). Waarom: platformen sturen signalen in bundels door (batch-API, CSV); hun eigen referentie maakt
-- opnieuw versturen of importeren veilig, en de organisatie telt als bewijs in de brieven.

INSERT INTO signaal.signal_sources (code, name) VALUES
    ('batch', 'Batch-API van een regionaal platform of partner'),
    ('import', 'CSV-import van een regionaal platform of partner');

CREATE TABLE signaal.api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY,
    region_id smallint NOT NULL,
    organisation text NOT NULL,
    key_prefix text NOT NULL,
    key_hash bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NULL,
    revoked_at timestamptz NULL,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_key_prefix_key UNIQUE (key_prefix),
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_region_id_fkey FOREIGN KEY (region_id) REFERENCES signaal.regions (id),
    CONSTRAINT api_keys_organisation_length_check CHECK (char_length(organisation) BETWEEN 1 AND 200),
    CONSTRAINT api_keys_key_hash_length_check CHECK (octet_length(key_hash) = 32)
);

ALTER TABLE signaal.signals
    ADD COLUMN reporting_region_id smallint NULL,
    ADD COLUMN organisation text NULL,
    ADD COLUMN external_id text NULL,
    ADD COLUMN api_key_id bigint NULL,
    ADD CONSTRAINT signals_reporting_region_id_fkey FOREIGN KEY (reporting_region_id) REFERENCES signaal.regions (id),
    ADD CONSTRAINT signals_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES signaal.api_keys (id),
    ADD CONSTRAINT signals_organisation_length_check CHECK (char_length(organisation) <= 200),
    ADD CONSTRAINT signals_external_id_length_check CHECK (char_length(external_id) BETWEEN 1 AND 200),
    ADD CONSTRAINT signals_external_id_platform_check CHECK (external_id IS NULL OR reporting_region_id IS NOT NULL);

-- Eén signaal per eigen referentie en platform: opnieuw versturen of importeren maakt geen dubbels.
CREATE UNIQUE INDEX signals_reporting_region_id_external_id_key ON signaal.signals (reporting_region_id, external_id)
    WHERE external_id IS NOT NULL;

CREATE VIEW analytics.signal_origins AS
SELECT s.id AS signal_id, r.code AS reporting_platform, s.organisation AS organisation
FROM signaal.signals AS s
LEFT JOIN signaal.regions AS r ON r.id = s.reporting_region_id;

GRANT SELECT ON analytics.signal_origins TO signaal_analyst;

COMMENT ON TABLE signaal.api_keys IS
    'API-sleutels van regionale platformen en partnerorganisaties. De sleutel zelf wordt nooit bewaard, enkel haar '
    'SHA-256; ze wordt bij het aanmaken één keer getoond.';
COMMENT ON COLUMN signaal.api_keys.id IS 'Nummer van de sleutel (signaal keys revoke gebruikt het).';
COMMENT ON COLUMN signaal.api_keys.region_id IS 'Het regionale platform waaraan signalen met deze sleutel worden toegeschreven.';
COMMENT ON COLUMN signaal.api_keys.organisation IS 'De organisatie (of het platform zelf) die de sleutel gebruikt.';
COMMENT ON COLUMN signaal.api_keys.key_prefix IS 'Het begin van de sleutel (sgn_ en 8 tekens), om ze te herkennen zonder ze te kennen.';
COMMENT ON COLUMN signaal.api_keys.key_hash IS 'SHA-256 van de volledige sleutel.';
COMMENT ON COLUMN signaal.api_keys.created_at IS 'Wanneer de sleutel werd aangemaakt.';
COMMENT ON COLUMN signaal.api_keys.last_used_at IS 'Laatste gebruik (hoogstens één keer per minuut bijgewerkt).';
COMMENT ON COLUMN signaal.api_keys.revoked_at IS 'Wanneer de sleutel werd ingetrokken; een ingetrokken sleutel geeft 401.';
COMMENT ON COLUMN signaal.signals.reporting_region_id IS 'Het regionale platform dat het signaal doorgaf (batch-API, CSV-import of API met sleutel); leeg voor het formulier.';
COMMENT ON COLUMN signaal.signals.organisation IS 'De organisatie die het signaal doorgaf, waar gekend (sleutel of kolom organisatie bij import).';
COMMENT ON COLUMN signaal.signals.external_id IS 'De eigen referentie van het platform voor dit signaal: uniek per platform, zodat opnieuw sturen geen dubbel maakt.';
COMMENT ON COLUMN signaal.signals.api_key_id IS 'De API-sleutel waarmee het signaal binnenkwam.';
COMMENT ON VIEW analytics.signal_origins IS 'Van wie elk signaal komt: het doorgevende platform en de organisatie (leeg voor het formulier).';
COMMENT ON COLUMN analytics.signal_origins.signal_id IS 'Het signaal (analytics.signals.id).';
COMMENT ON COLUMN analytics.signal_origins.reporting_platform IS 'Code van het regionale platform dat het signaal doorgaf.';
COMMENT ON COLUMN analytics.signal_origins.organisation IS 'De organisatie die het signaal doorgaf.';
