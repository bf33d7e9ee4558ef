-- 014_workspace.sql
-- De werkruimte van de coördinatoren: medewerkers met een rol, hun sessies en aanmeldpogingen, en de acties op
-- signalen (valideren, afwijzen, dubbel, thema's aanpassen, tekst afschermen, doorsturen) als geschiedenis die niet
-- herschreven kan worden. De statussen krijgen de namen die coördinatoren gebruiken.
-- Waarom: signaleren is mensenwerk. Een coördinator moet kunnen beoordelen en verbeteren wat Signaal automatisch
-- deed, en de signaalgever moet kunnen zien wat er met het signaal gebeurde.

-- De statussen heten voortaan zoals in de werkruimte; 'received' blijft (de API meldt die status bij ontvangst).
UPDATE signaal.signal_statuses SET description = 'Ontvangen, nog niet bekeken door een coördinator van het regionale platform.'
WHERE code = 'received';
UPDATE signaal.signal_statuses SET code = 'gevalideerd', name = 'Gevalideerd',
    description = 'Een coördinator bekeek het signaal en aanvaardde het als signaal over een structureel probleem.'
WHERE code = 'validated';
UPDATE signaal.signal_statuses SET code = 'afgewezen', name = 'Afgewezen',
    description = 'Een coördinator bekeek het signaal en nam het niet op als signaal over een structureel probleem.'
WHERE code = 'rejected';
UPDATE signaal.signal_statuses SET code = 'dubbel', name = 'Dubbel',
    description = 'Hetzelfde signaal werd al eerder gemeld; het telt één keer mee, bij het eerdere signaal.'
WHERE code = 'merged';

CREATE TABLE signaal.staff_members (
    id bigint GENERATED ALWAYS AS IDENTITY,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    region_id smallint NULL,
    password_hash text NULL,
    pseudonym uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz NULL,
    CONSTRAINT staff_members_pkey PRIMARY KEY (id),
    CONSTRAINT staff_members_pseudonym_key UNIQUE (pseudonym),
    CONSTRAINT staff_members_role_check CHECK (role IN ('coordinator', 'policy', 'admin')),
    CONSTRAINT staff_members_region_check CHECK ((role = 'coordinator') = (region_id IS NOT NULL)),
    CONSTRAINT staff_members_email_check CHECK (char_length(email) <= 254 AND position('@' IN email) > 1),
    CONSTRAINT staff_members_name_length_check CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT staff_members_password_hash_check CHECK (password_hash ~ '^\$2[abxy]?\$'),
    CONSTRAINT staff_members_region_id_fkey FOREIGN KEY (region_id) REFERENCES signaal.regions (id)
);

CREATE UNIQUE INDEX staff_members_email_key ON signaal.staff_members (lower(email));

CREATE TABLE signaal.staff_password_tokens (
    token_hash bytea NOT NULL,
    staff_member_id bigint NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL,
    CONSTRAINT staff_password_tokens_pkey PRIMARY KEY (token_hash),
    CONSTRAINT staff_password_tokens_staff_member_id_fkey FOREIGN KEY (staff_member_id)
        REFERENCES signaal.staff_members (id) ON DELETE CASCADE
);

CREATE TABLE signaal.staff_sessions (
    session_hash bytea NOT NULL,
    staff_member_id bigint NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    CONSTRAINT staff_sessions_pkey PRIMARY KEY (session_hash),
    CONSTRAINT staff_sessions_staff_member_id_fkey FOREIGN KEY (staff_member_id)
        REFERENCES signaal.staff_members (id) ON DELETE CASCADE
);

CREATE INDEX staff_sessions_staff_member_id_idx ON signaal.staff_sessions (staff_member_id);

CREATE TABLE signaal.sign_in_failures (
    subject bytea NOT NULL,
    failed_at timestamptz NOT NULL
);

CREATE INDEX sign_in_failures_subject_failed_at_idx ON signaal.sign_in_failures (subject, failed_at);

ALTER TABLE signaal.signals
    ADD COLUMN duplicate_of bigint NULL,
    ADD COLUMN first_handled_at timestamptz NULL,
    ADD CONSTRAINT signals_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES signaal.signals (id),
    ADD CONSTRAINT signals_duplicate_of_check CHECK (duplicate_of <> id);

CREATE INDEX signals_search_idx ON signaal.signals USING gin (to_tsvector('dutch'::regconfig, description));
CREATE INDEX signals_region_id_received_at_idx ON signaal.signals (region_id, received_at DESC);

-- De thema's van een coördinator vervangen die van de classifier en van de signaalgever, zonder die laatste te wissen.
ALTER TABLE signaal.signal_themes
    ADD COLUMN theme_source text NOT NULL DEFAULT 'submitter',
    ADD CONSTRAINT signal_themes_theme_source_check CHECK (theme_source IN ('submitter', 'coordinator')),
    ADD CONSTRAINT signal_themes_coordinator_check CHECK (theme_source = 'submitter' OR NOT is_submitter_choice),
    DROP CONSTRAINT signal_themes_pkey,
    ADD CONSTRAINT signal_themes_pkey PRIMARY KEY (signal_id, theme_source, theme_id);

CREATE TABLE signaal.signal_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    signal_id bigint NOT NULL,
    staff_member_id bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    action text NOT NULL,
    status_id smallint NOT NULL,
    reason text NULL,
    note text NULL,
    duplicate_of bigint NULL,
    from_region_id smallint NULL,
    to_region_id smallint NULL,
    themes text[] NULL,
    CONSTRAINT signal_events_pkey PRIMARY KEY (id),
    CONSTRAINT signal_events_action_check CHECK (
        action IN ('gevalideerd', 'afgewezen', 'dubbel', 'themas_aangepast', 'tekst_afgeschermd', 'doorgestuurd')),
    CONSTRAINT signal_events_reason_check CHECK (
        reason IN ('individueel_dossier', 'geen_structureel_probleem', 'te_weinig_informatie', 'buiten_werkgebied')),
    CONSTRAINT signal_events_reason_required_check CHECK ((action = 'afgewezen') = (reason IS NOT NULL)),
    CONSTRAINT signal_events_note_length_check CHECK (char_length(note) BETWEEN 1 AND 1000),
    CONSTRAINT signal_events_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id),
    CONSTRAINT signal_events_staff_member_id_fkey FOREIGN KEY (staff_member_id) REFERENCES signaal.staff_members (id),
    CONSTRAINT signal_events_status_id_fkey FOREIGN KEY (status_id) REFERENCES signaal.signal_statuses (id),
    CONSTRAINT signal_events_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES signaal.signals (id),
    CONSTRAINT signal_events_from_region_id_fkey FOREIGN KEY (from_region_id) REFERENCES signaal.regions (id),
    CONSTRAINT signal_events_to_region_id_fkey FOREIGN KEY (to_region_id) REFERENCES signaal.regions (id)
);

CREATE INDEX signal_events_signal_id_idx ON signaal.signal_events (signal_id, id);

-- De geschiedenis wordt enkel aangevuld: wijzigen of wissen wordt geweigerd, ook voor de eigenaar van de tabel.
CREATE FUNCTION signaal.refuse_signal_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'signal_events is een geschiedenis: rijen kunnen niet gewijzigd of gewist worden'
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER signal_events_refuse_change BEFORE UPDATE OR DELETE ON signaal.signal_events
    FOR EACH ROW EXECUTE FUNCTION signaal.refuse_signal_event_change();
CREATE TRIGGER signal_events_refuse_truncate BEFORE TRUNCATE ON signaal.signal_events
    FOR EACH STATEMENT EXECUTE FUNCTION signaal.refuse_signal_event_change();

-- Terugkoppeling ook bij een statuswijziging, niet enkel wanneer een brief het signaal telde.
ALTER TABLE signaal.feedback_notices
    DROP CONSTRAINT feedback_notices_pkey,
    ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN signal_event_id bigint NULL,
    ALTER COLUMN brief_id DROP NOT NULL,
    ADD CONSTRAINT feedback_notices_pkey PRIMARY KEY (id),
    ADD CONSTRAINT feedback_notices_signal_event_id_fkey FOREIGN KEY (signal_event_id) REFERENCES signaal.signal_events (id),
    ADD CONSTRAINT feedback_notices_cause_check CHECK (num_nonnulls(brief_id, signal_event_id) = 1);

CREATE UNIQUE INDEX feedback_notices_signal_id_brief_id_key ON signaal.feedback_notices (signal_id, brief_id)
    WHERE brief_id IS NOT NULL;

CREATE OR REPLACE VIEW signaal.signal_theme_assignments AS
SELECT
    st.signal_id AS signal_id,
    st.theme_id AS theme_id,
    st.is_submitter_choice AS is_submitter_choice,
    st.rank AS rank,
    st.confidence AS confidence,
    st.theme_source AS theme_source
FROM signaal.signal_themes AS st
WHERE st.theme_source = 'coordinator'
    OR NOT EXISTS (
        SELECT 1 FROM signaal.signal_themes AS corrected
        WHERE corrected.signal_id = st.signal_id AND corrected.theme_source = 'coordinator'
    )
UNION ALL
SELECT
    sc.signal_id,
    t.id,
    false,
    proposal.rank::smallint,
    proposal.confidence,
    'classifier'
FROM signaal.signal_classifications AS sc
CROSS JOIN LATERAL unnest(sc.themes, sc.confidences) WITH ORDINALITY AS proposal (code, confidence, rank)
JOIN signaal.themes AS t ON t.code = proposal.code
WHERE NOT EXISTS (SELECT 1 FROM signaal.signal_themes AS chosen WHERE chosen.signal_id = sc.signal_id);

CREATE OR REPLACE VIEW analytics.signal_themes AS
SELECT
    sta.signal_id AS signal_id,
    t.code AS theme,
    sta.is_submitter_choice AS is_submitter_choice,
    sta.rank AS rank,
    sta.confidence AS confidence,
    sta.theme_source AS theme_source
FROM signaal.signal_theme_assignments AS sta
JOIN signaal.themes AS t ON t.id = sta.theme_id;

CREATE VIEW analytics.signal_events AS
SELECT
    e.id AS id,
    e.signal_id AS signal_id,
    e.occurred_at AS occurred_at,
    e.action AS action,
    st.code AS status,
    e.reason AS reason,
    e.duplicate_of AS duplicate_of,
    fr.code AS from_region,
    tr.code AS to_region,
    e.themes AS themes,
    sm.pseudonym AS staff_member
FROM signaal.signal_events AS e
JOIN signaal.signal_statuses AS st ON st.id = e.status_id
JOIN signaal.staff_members AS sm ON sm.id = e.staff_member_id
LEFT JOIN signaal.regions AS fr ON fr.id = e.from_region_id
LEFT JOIN signaal.regions AS tr ON tr.id = e.to_region_id;

GRANT SELECT ON analytics.signal_events TO signaal_analyst;
GRANT SELECT ON analytics.signal_themes TO signaal_analyst;

COMMENT ON TABLE signaal.staff_members IS
    'Medewerkers die zich in de werkruimte aanmelden: coördinatoren van een regionaal platform (beoordelen de '
    'signalen van hun platform), beleidsmedewerkers (lezen alles, wijzigen niets) en beheerders (beheren accounts).';
COMMENT ON COLUMN signaal.staff_members.id IS 'Interne sleutel van de medewerker.';
COMMENT ON COLUMN signaal.staff_members.email IS 'E-mailadres waarmee de medewerker zich aanmeldt (uniek, hoofdletters tellen niet).';
COMMENT ON COLUMN signaal.staff_members.name IS 'Naam van de medewerker, zoals collega''s hem of haar kennen.';
COMMENT ON COLUMN signaal.staff_members.role IS 'coordinator, policy of admin.';
COMMENT ON COLUMN signaal.staff_members.region_id IS 'Het regionale platform van een coördinator (verwijst naar regions.id); leeg voor de andere rollen.';
COMMENT ON COLUMN signaal.staff_members.password_hash IS 'bcrypt-hash van het wachtwoord (kost 12 of meer); leeg tot de medewerker een wachtwoord koos.';
COMMENT ON COLUMN signaal.staff_members.pseudonym IS 'Willekeurige vaste code waaronder analisten de acties van deze medewerker zien.';
COMMENT ON COLUMN signaal.staff_members.created_at IS 'Wanneer het account werd aangemaakt.';
COMMENT ON COLUMN signaal.staff_members.disabled_at IS 'Wanneer het account werd uitgeschakeld; leeg zolang het actief is.';

COMMENT ON TABLE signaal.staff_password_tokens IS
    'Eenmalige links om een wachtwoord te kiezen: enkel de SHA-256 van het geheim wordt bewaard, 72 uur geldig.';
COMMENT ON COLUMN signaal.staff_password_tokens.token_hash IS 'SHA-256 van het geheim in de link.';
COMMENT ON COLUMN signaal.staff_password_tokens.staff_member_id IS 'De medewerker (verwijst naar staff_members.id).';
COMMENT ON COLUMN signaal.staff_password_tokens.created_at IS 'Wanneer de link werd gemaakt.';
COMMENT ON COLUMN signaal.staff_password_tokens.expires_at IS 'Tot wanneer de link werkt.';
COMMENT ON COLUMN signaal.staff_password_tokens.used_at IS 'Wanneer de link gebruikt werd; daarna werkt ze niet meer.';

COMMENT ON TABLE signaal.staff_sessions IS
    'Aangemelde sessies van medewerkers, gedeeld door alle daemons: enkel de SHA-256 van de sessiecode wordt bewaard. '
    'Een sessie vervalt na 8 uur zonder activiteit en na 7 dagen in elk geval.';
COMMENT ON COLUMN signaal.staff_sessions.session_hash IS 'SHA-256 van de sessiecode in het cookie signaal_sessie.';
COMMENT ON COLUMN signaal.staff_sessions.staff_member_id IS 'De aangemelde medewerker (verwijst naar staff_members.id).';
COMMENT ON COLUMN signaal.staff_sessions.created_at IS 'Wanneer de medewerker zich aanmeldde.';
COMMENT ON COLUMN signaal.staff_sessions.last_seen_at IS 'Het laatste verzoek in deze sessie (hoogstens een minuut oud).';

COMMENT ON TABLE signaal.sign_in_failures IS
    'Mislukte aanmeldingen, per account en per client, om herhaald raden te vertragen (gedeeld door alle daemons).';
COMMENT ON COLUMN signaal.sign_in_failures.subject IS 'SHA-256 van het e-mailadres of van het adresblok van de client.';
COMMENT ON COLUMN signaal.sign_in_failures.failed_at IS 'Wanneer de aanmelding mislukte.';

COMMENT ON COLUMN signaal.signals.duplicate_of IS
    'Bij status dubbel: het eerdere signaal waarvan dit een dubbel is (verwijst naar signals.id).';
COMMENT ON COLUMN signaal.signals.first_handled_at IS
    'Wanneer een coördinator voor het eerst iets met het signaal deed; leeg zolang niemand het behandelde.';
COMMENT ON COLUMN signaal.signal_themes.theme_source IS
    'Wie het thema koos: submitter (de signaalgever) of coordinator (een coördinator, vervangt de classifier).';
COMMENT ON COLUMN signaal.signal_theme_assignments.theme_source IS
    'Wie het thema gaf: submitter, coordinator of classifier.';
COMMENT ON COLUMN analytics.signal_themes.theme_source IS
    'Wie het thema gaf: submitter (de signaalgever), coordinator (een coördinator) of classifier.';

COMMENT ON TABLE signaal.signal_events IS
    'De geschiedenis van elk signaal in de werkruimte: één rij per actie van een coördinator. Kan niet gewijzigd of '
    'gewist worden (trigger).';
COMMENT ON COLUMN signaal.signal_events.id IS 'Oplopende sleutel van de actie.';
COMMENT ON COLUMN signaal.signal_events.signal_id IS 'Het signaal (verwijst naar signals.id).';
COMMENT ON COLUMN signaal.signal_events.staff_member_id IS 'Wie de actie deed (verwijst naar staff_members.id).';
COMMENT ON COLUMN signaal.signal_events.occurred_at IS 'Wanneer de actie gebeurde.';
COMMENT ON COLUMN signaal.signal_events.action IS
    'gevalideerd, afgewezen, dubbel, themas_aangepast, tekst_afgeschermd of doorgestuurd.';
COMMENT ON COLUMN signaal.signal_events.status_id IS 'De status van het signaal na de actie (verwijst naar signal_statuses.id).';
COMMENT ON COLUMN signaal.signal_events.reason IS
    'Bij afwijzen: individueel_dossier, geen_structureel_probleem, te_weinig_informatie of buiten_werkgebied.';
COMMENT ON COLUMN signaal.signal_events.note IS 'Toelichting van de coördinator (gescrubd, max. 1000 tekens).';
COMMENT ON COLUMN signaal.signal_events.duplicate_of IS 'Bij dubbel: het eerdere signaal.';
COMMENT ON COLUMN signaal.signal_events.from_region_id IS 'Bij doorsturen: het platform waar het signaal stond.';
COMMENT ON COLUMN signaal.signal_events.to_region_id IS 'Bij doorsturen: het platform waarnaar het ging.';
COMMENT ON COLUMN signaal.signal_events.themes IS 'Bij thema''s aanpassen: de thema''s die de coördinator koos, hoofdthema eerst.';

COMMENT ON COLUMN signaal.feedback_notices.id IS 'Sleutel van de melding.';
COMMENT ON COLUMN signaal.feedback_notices.brief_id IS 'De brief waarin het signaal meetelde (of leeg bij een statuswijziging).';
COMMENT ON COLUMN signaal.feedback_notices.signal_event_id IS
    'De actie die de status van het signaal wijzigde (verwijst naar signal_events.id), of leeg bij een brief.';

COMMENT ON VIEW analytics.signal_events IS
    'Wat coördinatoren met signalen deden, één rij per actie; de medewerker enkel als pseudoniem.';
COMMENT ON COLUMN analytics.signal_events.id IS 'Oplopende sleutel van de actie.';
COMMENT ON COLUMN analytics.signal_events.signal_id IS 'Het signaal (analytics.signals.id).';
COMMENT ON COLUMN analytics.signal_events.occurred_at IS 'Wanneer de actie gebeurde.';
COMMENT ON COLUMN analytics.signal_events.action IS
    'gevalideerd, afgewezen, dubbel, themas_aangepast, tekst_afgeschermd of doorgestuurd.';
COMMENT ON COLUMN analytics.signal_events.status IS 'De status van het signaal na de actie.';
COMMENT ON COLUMN analytics.signal_events.reason IS 'Reden van een afwijzing.';
COMMENT ON COLUMN analytics.signal_events.duplicate_of IS 'Bij dubbel: het eerdere signaal.';
COMMENT ON COLUMN analytics.signal_events.from_region IS 'Bij doorsturen: het platform van voordien.';
COMMENT ON COLUMN analytics.signal_events.to_region IS 'Bij doorsturen: het nieuwe platform.';
COMMENT ON COLUMN analytics.signal_events.themes IS 'Bij thema''s aanpassen: de gekozen thema''s.';
COMMENT ON COLUMN analytics.signal_events.staff_member IS 'Pseudoniem van de medewerker (vast per medewerker, geen naam).';
