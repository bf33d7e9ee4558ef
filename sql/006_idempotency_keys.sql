-- 006_idempotency_keys.sql
-- Sleutels die herhaalde inzendingen herkennen: een partner die een verzoek opnieuw stuurt met dezelfde
-- Idempotency-Key (API), of een sociaal werker die twee keer op "versturen" klikt (formulier), maakt geen tweede
-- signaal aan. Waarom een aparte tabel: de sleutel hoort bij het verzoek, niet bij het signaal, en verdwijnt mee
-- wanneer het signaal verwijderd wordt.

CREATE TABLE signaal.idempotency_keys (
    scope text NOT NULL,
    key text NOT NULL,
    fingerprint text NOT NULL,
    signal_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, key),
    CONSTRAINT idempotency_keys_scope_format_check CHECK (scope ~ '^(api|form)(:[0-9]+)?$'),
    CONSTRAINT idempotency_keys_key_length_check CHECK (char_length(key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_fingerprint_format_check CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    CONSTRAINT idempotency_keys_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE
);

CREATE INDEX idempotency_keys_signal_id_idx ON signaal.idempotency_keys (signal_id);

COMMENT ON TABLE signaal.idempotency_keys IS
    'Herkent herhaalde inzendingen: per kanaal (scope) en sleutel het signaal dat de eerste inzending opleverde. '
    'Enkel voor de werking van de applicatie; geen analysegegevens.';
COMMENT ON COLUMN signaal.idempotency_keys.scope IS
    'Het kanaal waarin de sleutel uniek is: api (header Idempotency-Key) of form (formuliertoken), later gevolgd door het nummer van een API-sleutel.';
COMMENT ON COLUMN signaal.idempotency_keys.key IS
    'De sleutel zoals de inzender ze meegaf (API) of het eenmalige token van het formulier.';
COMMENT ON COLUMN signaal.idempotency_keys.fingerprint IS
    'SHA-256 (hexadecimaal) van de inhoud van de eerste inzending na opschoning: dezelfde sleutel met een andere inhoud wordt geweigerd.';
COMMENT ON COLUMN signaal.idempotency_keys.signal_id IS
    'Het signaal dat de eerste inzending met deze sleutel opleverde (verwijst naar signaal.signals).';
COMMENT ON COLUMN signaal.idempotency_keys.created_at IS
    'Tijdstip (met tijdzone) van de eerste inzending met deze sleutel.';
