-- 015_dossiers.sql
-- Van terugkerend probleem naar structureel signaal: coördinatoren verbeteren de clusters (hernoemen, samenvoegen,
-- splitsen, een signaal vastzetten of eruit halen), maken dossiers met een trekker en volgen het antwoord van beleid
-- op; brieven zijn concepten tot een mens ze publiceert.
-- Waarom: een cluster is een gok van de machine. Wat een platform aan beleid voorlegt, beslist een mens, en wie
-- signaleerde, hoort wat ermee gebeurde. Herclusteringen respecteren wat mensen vastlegden.

-- Een geschiedenis wordt enkel aangevuld; geldt voor elke tabel die deze trigger krijgt.
CREATE FUNCTION signaal.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is een geschiedenis: rijen kunnen niet gewijzigd of gewist worden', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Coördinatoren van het Vlaams platform: lezen alle platformen, maken Vlaamse dossiers en publiceren de Vlaamse brief.
ALTER TABLE signaal.staff_members
    DROP CONSTRAINT staff_members_role_check,
    ADD CONSTRAINT staff_members_role_check CHECK (role IN ('coordinator', 'flemish', 'policy', 'admin'));

COMMENT ON COLUMN signaal.staff_members.role IS
    'coordinator (een regionaal platform), flemish (het Vlaams platform), policy (leest alles) of admin (accounts).';

ALTER TABLE signaal.cluster_memberships
    DROP CONSTRAINT cluster_memberships_method_check,
    ADD CONSTRAINT cluster_memberships_method_check CHECK (method IN ('recluster', 'on_arrival', 'curated'));

COMMENT ON COLUMN signaal.cluster_memberships.method IS
    'recluster (door een volledige run), on_arrival (bij aankomst toegewezen) of curated (door een coördinator geplaatst).';

ALTER TABLE signaal.clusters
    ADD COLUMN title text NULL,
    ADD COLUMN merged_into text NULL,
    ADD CONSTRAINT clusters_title_length_check CHECK (char_length(title) BETWEEN 1 AND 200);

COMMENT ON COLUMN signaal.clusters.title IS
    'Titel die een coördinator gaf; vervangt het automatische label overal en blijft over herclusteringen heen.';
COMMENT ON COLUMN signaal.clusters.merged_into IS
    'Code van het probleem waarin een coördinator dit probleem samenvoegde (het is dan niet meer actief).';

CREATE TABLE signaal.cluster_pins (
    signal_id bigint NOT NULL,
    cluster_code text NULL,
    staff_member_id bigint NOT NULL,
    pinned_at timestamptz NOT NULL,
    CONSTRAINT cluster_pins_pkey PRIMARY KEY (signal_id),
    CONSTRAINT cluster_pins_cluster_code_format_check CHECK (cluster_code ~ '^P[0-9]{4,}$'),
    CONSTRAINT cluster_pins_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id),
    CONSTRAINT cluster_pins_staff_member_id_fkey FOREIGN KEY (staff_member_id) REFERENCES signaal.staff_members (id)
);

CREATE TABLE signaal.cluster_curations (
    id bigint GENERATED ALWAYS AS IDENTITY,
    staff_member_id bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    action text NOT NULL,
    cluster_code text NOT NULL,
    other_cluster_code text NULL,
    signal_ids bigint[] NOT NULL DEFAULT '{}',
    title text NULL,
    CONSTRAINT cluster_curations_pkey PRIMARY KEY (id),
    CONSTRAINT cluster_curations_action_check CHECK (action IN ('hernoemd', 'samengevoegd', 'gesplitst', 'vastgezet', 'uitgehaald')),
    CONSTRAINT cluster_curations_staff_member_id_fkey FOREIGN KEY (staff_member_id) REFERENCES signaal.staff_members (id)
);

CREATE TRIGGER cluster_curations_refuse_change BEFORE UPDATE OR DELETE ON signaal.cluster_curations
    FOR EACH ROW EXECUTE FUNCTION signaal.refuse_history_change();
CREATE TRIGGER cluster_curations_refuse_truncate BEFORE TRUNCATE ON signaal.cluster_curations
    FOR EACH STATEMENT EXECUTE FUNCTION signaal.refuse_history_change();

CREATE TABLE signaal.dossiers (
    id bigint GENERATED ALWAYS AS IDENTITY,
    region_id smallint NULL,
    title text NOT NULL,
    problem_statement text NOT NULL DEFAULT '',
    affected text NOT NULL DEFAULT '',
    cause text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    ask text NOT NULL DEFAULT '',
    is_clear boolean NOT NULL DEFAULT false,
    clear_motivation text NOT NULL DEFAULT '',
    is_neutral boolean NOT NULL DEFAULT false,
    neutral_motivation text NOT NULL DEFAULT '',
    is_recognised boolean NOT NULL DEFAULT false,
    recognised_motivation text NOT NULL DEFAULT '',
    is_shared boolean NOT NULL DEFAULT false,
    shared_motivation text NOT NULL DEFAULT '',
    recognising_organisations text NOT NULL DEFAULT '',
    owner_id bigint NULL,
    policy_levels text[] NOT NULL DEFAULT '{}',
    addressee text NOT NULL DEFAULT '',
    krachtlijnen text[] NOT NULL DEFAULT '{}',
    cluster_code text NULL,
    parent_id bigint NULL,
    state text NOT NULL DEFAULT 'open',
    presented_at timestamptz NULL,
    created_by bigint NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT dossiers_pkey PRIMARY KEY (id),
    CONSTRAINT dossiers_title_length_check CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT dossiers_texts_length_check CHECK (
        char_length(problem_statement) <= 500 AND char_length(affected) <= 500 AND char_length(cause) <= 1000
        AND char_length(description) <= 4000 AND char_length(ask) <= 2000 AND char_length(recognising_organisations) <= 1000
        AND char_length(addressee) <= 200 AND char_length(clear_motivation) <= 500 AND char_length(neutral_motivation) <= 500
        AND char_length(recognised_motivation) <= 500 AND char_length(shared_motivation) <= 500),
    CONSTRAINT dossiers_state_check CHECK (state IN ('open', 'klaar_voor_beleid', 'voorgelegd', 'antwoord_ontvangen', 'opgevolgd')),
    CONSTRAINT dossiers_region_id_fkey FOREIGN KEY (region_id) REFERENCES signaal.regions (id),
    CONSTRAINT dossiers_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES signaal.staff_members (id),
    CONSTRAINT dossiers_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES signaal.dossiers (id),
    CONSTRAINT dossiers_created_by_fkey FOREIGN KEY (created_by) REFERENCES signaal.staff_members (id)
);

CREATE TABLE signaal.dossier_signals (
    dossier_id bigint NOT NULL,
    signal_id bigint NOT NULL,
    added_by bigint NOT NULL,
    added_at timestamptz NOT NULL,
    CONSTRAINT dossier_signals_pkey PRIMARY KEY (dossier_id, signal_id),
    CONSTRAINT dossier_signals_dossier_id_fkey FOREIGN KEY (dossier_id) REFERENCES signaal.dossiers (id),
    CONSTRAINT dossier_signals_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id),
    CONSTRAINT dossier_signals_added_by_fkey FOREIGN KEY (added_by) REFERENCES signaal.staff_members (id)
);

CREATE INDEX dossier_signals_signal_id_idx ON signaal.dossier_signals (signal_id);

CREATE TABLE signaal.dossier_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    dossier_id bigint NOT NULL,
    staff_member_id bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    state text NOT NULL,
    addressee text NULL,
    happened_on date NULL,
    channel text NULL,
    response text NULL,
    response_link text NULL,
    outcome text NULL,
    CONSTRAINT dossier_events_pkey PRIMARY KEY (id),
    CONSTRAINT dossier_events_state_check CHECK (state IN ('open', 'klaar_voor_beleid', 'voorgelegd', 'antwoord_ontvangen', 'opgevolgd')),
    CONSTRAINT dossier_events_texts_length_check CHECK (
        char_length(addressee) <= 200 AND char_length(channel) <= 200 AND char_length(response) <= 4000
        AND char_length(response_link) <= 500 AND char_length(outcome) <= 2000),
    CONSTRAINT dossier_events_response_link_check CHECK (response_link ~ '^https?://'),
    CONSTRAINT dossier_events_dossier_id_fkey FOREIGN KEY (dossier_id) REFERENCES signaal.dossiers (id),
    CONSTRAINT dossier_events_staff_member_id_fkey FOREIGN KEY (staff_member_id) REFERENCES signaal.staff_members (id)
);

CREATE INDEX dossier_events_dossier_id_idx ON signaal.dossier_events (dossier_id, id);

CREATE TRIGGER dossier_events_refuse_change BEFORE UPDATE OR DELETE ON signaal.dossier_events
    FOR EACH ROW EXECUTE FUNCTION signaal.refuse_history_change();
CREATE TRIGGER dossier_events_refuse_truncate BEFORE TRUNCATE ON signaal.dossier_events
    FOR EACH STATEMENT EXECUTE FUNCTION signaal.refuse_history_change();

-- Terugkoppeling ook bij elke stap van een dossier.
ALTER TABLE signaal.feedback_notices
    ADD COLUMN dossier_event_id bigint NULL,
    ADD CONSTRAINT feedback_notices_dossier_event_id_fkey FOREIGN KEY (dossier_event_id) REFERENCES signaal.dossier_events (id),
    DROP CONSTRAINT feedback_notices_cause_check,
    ADD CONSTRAINT feedback_notices_cause_check CHECK (num_nonnulls(brief_id, signal_event_id, dossier_event_id) = 1);

COMMENT ON COLUMN signaal.feedback_notices.dossier_event_id IS
    'De stap van een dossier waarvoor het signaal bewijs is (verwijst naar dossier_events.id), of leeg.';

-- Concepten van brieven: de planner stelt ze samen, een mens schrijft een inleiding, kiest en ordent, en publiceert.
CREATE TABLE signaal.brief_drafts (
    id bigint GENERATED ALWAYS AS IDENTITY,
    scope text NOT NULL,
    period text NOT NULL,
    trigger text NOT NULL,
    generated_at timestamptz NOT NULL,
    model jsonb NOT NULL,
    signal_ids bigint[] NOT NULL,
    introduction text NOT NULL DEFAULT '',
    problem_codes text[] NULL,
    dossier_ids bigint[] NOT NULL DEFAULT '{}',
    updated_by bigint NULL,
    updated_at timestamptz NULL,
    published_brief_id bigint NULL,
    CONSTRAINT brief_drafts_pkey PRIMARY KEY (id),
    CONSTRAINT brief_drafts_scope_format_check CHECK (scope ~ '^[a-z][a-z0-9-]*$'),
    CONSTRAINT brief_drafts_trigger_check CHECK (trigger IN ('scheduled', 'requested')),
    CONSTRAINT brief_drafts_introduction_length_check CHECK (char_length(introduction) <= 4000),
    CONSTRAINT brief_drafts_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES signaal.staff_members (id),
    CONSTRAINT brief_drafts_published_brief_id_fkey FOREIGN KEY (published_brief_id) REFERENCES signaal.briefs (id)
);

CREATE INDEX brief_drafts_scope_period_idx ON signaal.brief_drafts (scope, period);

ALTER TABLE signaal.briefs
    ADD COLUMN published_by bigint NULL,
    ADD COLUMN published_by_command boolean NOT NULL DEFAULT false,
    ADD COLUMN draft_id bigint NULL,
    ADD CONSTRAINT briefs_published_by_fkey FOREIGN KEY (published_by) REFERENCES signaal.staff_members (id),
    ADD CONSTRAINT briefs_draft_id_fkey FOREIGN KEY (draft_id) REFERENCES signaal.brief_drafts (id);

COMMENT ON COLUMN signaal.briefs.published_by IS 'De medewerker die het concept nalas en publiceerde; leeg bij automatische publicatie.';
COMMENT ON COLUMN signaal.briefs.published_by_command IS 'true als signaal brief --publish de brief publiceerde (voor scripts).';
COMMENT ON COLUMN signaal.briefs.draft_id IS 'Het concept waaruit de brief gepubliceerd werd (verwijst naar brief_drafts.id).';

CREATE VIEW analytics.cluster_curations AS
SELECT c.id AS id, c.occurred_at AS occurred_at, c.action AS action, c.cluster_code AS cluster_code,
    c.other_cluster_code AS other_cluster_code, c.signal_ids AS signal_ids, c.title AS title, sm.pseudonym AS staff_member
FROM signaal.cluster_curations AS c JOIN signaal.staff_members AS sm ON sm.id = c.staff_member_id;

CREATE VIEW analytics.dossiers AS
SELECT d.id AS id, r.code AS region, d.title AS title, d.problem_statement AS problem_statement, d.affected AS affected,
    d.cause AS cause, d.description AS description, d.ask AS ask, d.is_clear AS is_clear, d.is_neutral AS is_neutral,
    d.is_recognised AS is_recognised, d.is_shared AS is_shared, d.recognising_organisations AS recognising_organisations,
    d.policy_levels AS policy_levels, d.addressee AS addressee, d.krachtlijnen AS krachtlijnen,
    d.cluster_code AS cluster_code, d.parent_id AS parent_id, d.state AS state, d.presented_at AS presented_at,
    d.created_at AS created_at, owner.pseudonym AS owner
FROM signaal.dossiers AS d
LEFT JOIN signaal.regions AS r ON r.id = d.region_id
LEFT JOIN signaal.staff_members AS owner ON owner.id = d.owner_id;

CREATE VIEW analytics.dossier_signals AS
SELECT ds.dossier_id AS dossier_id, ds.signal_id AS signal_id, ds.added_at AS added_at FROM signaal.dossier_signals AS ds;

CREATE VIEW analytics.dossier_events AS
SELECT e.id AS id, e.dossier_id AS dossier_id, e.occurred_at AS occurred_at, e.state AS state, e.addressee AS addressee,
    e.happened_on AS happened_on, e.channel AS channel, e.response AS response, e.response_link AS response_link,
    e.outcome AS outcome, sm.pseudonym AS staff_member
FROM signaal.dossier_events AS e JOIN signaal.staff_members AS sm ON sm.id = e.staff_member_id;

GRANT SELECT ON analytics.cluster_curations, analytics.dossiers, analytics.dossier_signals, analytics.dossier_events
    TO signaal_analyst;

COMMENT ON TABLE signaal.cluster_pins IS
    'Waar een coördinator een signaal vastzette: in een terugkerend probleem (code), of uit elk probleem (leeg). '
    'Herclusteringen houden het signaal daar.';
COMMENT ON COLUMN signaal.cluster_pins.signal_id IS 'Het signaal (verwijst naar signals.id).';
COMMENT ON COLUMN signaal.cluster_pins.cluster_code IS 'Code van het probleem waarin het signaal blijft; leeg: in geen enkel probleem.';
COMMENT ON COLUMN signaal.cluster_pins.staff_member_id IS 'Wie het vastzette (verwijst naar staff_members.id).';
COMMENT ON COLUMN signaal.cluster_pins.pinned_at IS 'Wanneer.';

COMMENT ON TABLE signaal.cluster_curations IS
    'Wat coördinatoren aan terugkerende problemen verbeterden, één rij per ingreep; kan niet gewijzigd of gewist worden.';
COMMENT ON COLUMN signaal.cluster_curations.id IS 'Oplopende sleutel.';
COMMENT ON COLUMN signaal.cluster_curations.staff_member_id IS 'Wie (verwijst naar staff_members.id).';
COMMENT ON COLUMN signaal.cluster_curations.occurred_at IS 'Wanneer.';
COMMENT ON COLUMN signaal.cluster_curations.action IS 'hernoemd, samengevoegd, gesplitst, vastgezet of uitgehaald.';
COMMENT ON COLUMN signaal.cluster_curations.cluster_code IS 'Het probleem waarover het gaat (bij samenvoegen: het probleem dat blijft).';
COMMENT ON COLUMN signaal.cluster_curations.other_cluster_code IS
    'Bij samenvoegen: het probleem dat opging in het andere; bij splitsen: het probleem dat de signalen kregen.';
COMMENT ON COLUMN signaal.cluster_curations.signal_ids IS 'De signalen die verplaatst, vastgezet of uitgehaald werden.';
COMMENT ON COLUMN signaal.cluster_curations.title IS 'Bij hernoemen: de nieuwe titel.';

COMMENT ON TABLE signaal.dossiers IS
    'Structurele signalen: wat een platform (of het Vlaams platform, zonder regio) aan beleid voorlegt en opvolgt, '
    'met een trekker, de vier criteria, de vraag aan beleid en de signalen die het bewijs zijn.';
COMMENT ON COLUMN signaal.dossiers.id IS 'Sleutel van het dossier.';
COMMENT ON COLUMN signaal.dossiers.region_id IS 'Het regionale platform; leeg voor een Vlaams dossier.';
COMMENT ON COLUMN signaal.dossiers.title IS 'Titel van het dossier.';
COMMENT ON COLUMN signaal.dossiers.problem_statement IS 'Het probleem in één zin.';
COMMENT ON COLUMN signaal.dossiers.affected IS 'Wie het probleem treft.';
COMMENT ON COLUMN signaal.dossiers.cause IS 'De regel of werkwijze die het veroorzaakt.';
COMMENT ON COLUMN signaal.dossiers.description IS 'Neutrale beschrijving.';
COMMENT ON COLUMN signaal.dossiers.ask IS 'De vraag aan beleid, apart van de beschrijving.';
COMMENT ON COLUMN signaal.dossiers.is_clear IS 'Criterium duidelijk: voldaan.';
COMMENT ON COLUMN signaal.dossiers.clear_motivation IS 'Waarom het signaal duidelijk is.';
COMMENT ON COLUMN signaal.dossiers.is_neutral IS 'Criterium neutraal: voldaan.';
COMMENT ON COLUMN signaal.dossiers.neutral_motivation IS 'Waarom het signaal neutraal is.';
COMMENT ON COLUMN signaal.dossiers.is_recognised IS 'Criterium herkend: voldaan.';
COMMENT ON COLUMN signaal.dossiers.recognised_motivation IS 'Door wie het herkend wordt.';
COMMENT ON COLUMN signaal.dossiers.is_shared IS 'Criterium gedeeld: voldaan.';
COMMENT ON COLUMN signaal.dossiers.shared_motivation IS 'Met wie het gedeeld werd.';
COMMENT ON COLUMN signaal.dossiers.recognising_organisations IS 'De organisaties die het probleem herkennen.';
COMMENT ON COLUMN signaal.dossiers.owner_id IS 'De trekker: de medewerker die het opvolgt (verwijst naar staff_members.id).';
COMMENT ON COLUMN signaal.dossiers.policy_levels IS 'De bevoegde beleidsniveaus (codes van policy_levels).';
COMMENT ON COLUMN signaal.dossiers.addressee IS 'Aan wie het dossier gericht is, bv. Vlaams minister van Wonen.';
COMMENT ON COLUMN signaal.dossiers.krachtlijnen IS 'De krachtlijnen van het sociaal werk waarop het steunt (codes).';
COMMENT ON COLUMN signaal.dossiers.cluster_code IS 'Het terugkerende probleem waaruit het dossier kwam; nieuwe signalen ervan worden voorgesteld.';
COMMENT ON COLUMN signaal.dossiers.parent_id IS 'Het Vlaamse dossier dat dit dossier bundelt met dat van andere platformen.';
COMMENT ON COLUMN signaal.dossiers.state IS 'open, klaar_voor_beleid, voorgelegd, antwoord_ontvangen of opgevolgd.';
COMMENT ON COLUMN signaal.dossiers.presented_at IS 'Wanneer het voorgelegd werd; vanaf dan is het openbaar op /dossiers/{id}.';
COMMENT ON COLUMN signaal.dossiers.created_by IS 'Wie het dossier maakte.';
COMMENT ON COLUMN signaal.dossiers.created_at IS 'Wanneer het dossier gemaakt werd.';
COMMENT ON COLUMN signaal.dossiers.updated_at IS 'Wanneer het laatst gewijzigd werd.';

COMMENT ON TABLE signaal.dossier_signals IS 'De signalen die het bewijs van een dossier zijn.';
COMMENT ON COLUMN signaal.dossier_signals.dossier_id IS 'Het dossier.';
COMMENT ON COLUMN signaal.dossier_signals.signal_id IS 'Het signaal.';
COMMENT ON COLUMN signaal.dossier_signals.added_by IS 'Wie het signaal toevoegde.';
COMMENT ON COLUMN signaal.dossier_signals.added_at IS 'Wanneer.';

COMMENT ON TABLE signaal.dossier_events IS
    'Het verloop van een dossier, één rij per stap; kan niet gewijzigd of gewist worden.';
COMMENT ON COLUMN signaal.dossier_events.id IS 'Oplopende sleutel.';
COMMENT ON COLUMN signaal.dossier_events.dossier_id IS 'Het dossier.';
COMMENT ON COLUMN signaal.dossier_events.staff_member_id IS 'Wie de stap vastlegde.';
COMMENT ON COLUMN signaal.dossier_events.occurred_at IS 'Wanneer de stap vastgelegd werd.';
COMMENT ON COLUMN signaal.dossier_events.state IS 'De toestand na de stap.';
COMMENT ON COLUMN signaal.dossier_events.addressee IS 'Bij voorgelegd: aan wie.';
COMMENT ON COLUMN signaal.dossier_events.happened_on IS 'Bij voorgelegd of antwoord ontvangen: op welke dag.';
COMMENT ON COLUMN signaal.dossier_events.channel IS 'Bij voorgelegd: hoe (overleg, brief, nota …).';
COMMENT ON COLUMN signaal.dossier_events.response IS 'Bij antwoord ontvangen: de tekst of een samenvatting.';
COMMENT ON COLUMN signaal.dossier_events.response_link IS 'Bij antwoord ontvangen: een link naar het antwoord.';
COMMENT ON COLUMN signaal.dossier_events.outcome IS 'Bij opgevolgd of heropend: wat er veranderde, of dat er niets veranderde.';

COMMENT ON TABLE signaal.brief_drafts IS
    'Concepten van brieven: zichtbaar voor medewerkers, tot een coördinator ze nalas en publiceerde.';
COMMENT ON COLUMN signaal.brief_drafts.id IS 'Sleutel van het concept.';
COMMENT ON COLUMN signaal.brief_drafts.scope IS 'Regio-code of vlaanderen.';
COMMENT ON COLUMN signaal.brief_drafts.period IS 'De periode (2026-10, 2026-Q3, 2026).';
COMMENT ON COLUMN signaal.brief_drafts.trigger IS 'scheduled (de planner) of requested (een opdracht).';
COMMENT ON COLUMN signaal.brief_drafts.generated_at IS 'Wanneer het concept samengesteld werd.';
COMMENT ON COLUMN signaal.brief_drafts.model IS 'Het samengestelde model van de brief (JSON).';
COMMENT ON COLUMN signaal.brief_drafts.signal_ids IS 'De signalen die de brief meetelt.';
COMMENT ON COLUMN signaal.brief_drafts.introduction IS 'De inleiding van de coördinator.';
COMMENT ON COLUMN signaal.brief_drafts.problem_codes IS 'De gekozen problemen in hun volgorde; leeg: alle, zoals samengesteld.';
COMMENT ON COLUMN signaal.brief_drafts.dossier_ids IS 'De gekozen dossiers in hun volgorde.';
COMMENT ON COLUMN signaal.brief_drafts.updated_by IS 'Wie het concept laatst bewerkte.';
COMMENT ON COLUMN signaal.brief_drafts.updated_at IS 'Wanneer.';
COMMENT ON COLUMN signaal.brief_drafts.published_brief_id IS 'De gepubliceerde brief (verwijst naar briefs.id), zodra het concept gepubliceerd is.';

COMMENT ON VIEW analytics.cluster_curations IS 'Wat coördinatoren aan terugkerende problemen verbeterden; de medewerker als pseudoniem.';
COMMENT ON COLUMN analytics.cluster_curations.id IS 'Oplopende sleutel.';
COMMENT ON COLUMN analytics.cluster_curations.occurred_at IS 'Wanneer.';
COMMENT ON COLUMN analytics.cluster_curations.action IS 'hernoemd, samengevoegd, gesplitst, vastgezet of uitgehaald.';
COMMENT ON COLUMN analytics.cluster_curations.cluster_code IS 'Het probleem waarover het gaat.';
COMMENT ON COLUMN analytics.cluster_curations.other_cluster_code IS 'Het andere probleem (samenvoegen, splitsen).';
COMMENT ON COLUMN analytics.cluster_curations.signal_ids IS 'De betrokken signalen.';
COMMENT ON COLUMN analytics.cluster_curations.title IS 'Bij hernoemen: de nieuwe titel.';
COMMENT ON COLUMN analytics.cluster_curations.staff_member IS 'Pseudoniem van de medewerker.';

COMMENT ON VIEW analytics.dossiers IS 'Dossiers (structurele signalen), zonder namen van medewerkers.';
COMMENT ON COLUMN analytics.dossiers.id IS 'Sleutel van het dossier.';
COMMENT ON COLUMN analytics.dossiers.region IS 'Het regionale platform; leeg voor een Vlaams dossier.';
COMMENT ON COLUMN analytics.dossiers.title IS 'Titel.';
COMMENT ON COLUMN analytics.dossiers.problem_statement IS 'Het probleem in één zin.';
COMMENT ON COLUMN analytics.dossiers.affected IS 'Wie het treft.';
COMMENT ON COLUMN analytics.dossiers.cause IS 'De regel of werkwijze die het veroorzaakt.';
COMMENT ON COLUMN analytics.dossiers.description IS 'Neutrale beschrijving.';
COMMENT ON COLUMN analytics.dossiers.ask IS 'De vraag aan beleid.';
COMMENT ON COLUMN analytics.dossiers.is_clear IS 'Criterium duidelijk.';
COMMENT ON COLUMN analytics.dossiers.is_neutral IS 'Criterium neutraal.';
COMMENT ON COLUMN analytics.dossiers.is_recognised IS 'Criterium herkend.';
COMMENT ON COLUMN analytics.dossiers.is_shared IS 'Criterium gedeeld.';
COMMENT ON COLUMN analytics.dossiers.recognising_organisations IS 'Organisaties die het herkennen.';
COMMENT ON COLUMN analytics.dossiers.policy_levels IS 'Bevoegde beleidsniveaus.';
COMMENT ON COLUMN analytics.dossiers.addressee IS 'Aan wie gericht.';
COMMENT ON COLUMN analytics.dossiers.krachtlijnen IS 'Krachtlijnen.';
COMMENT ON COLUMN analytics.dossiers.cluster_code IS 'Het terugkerende probleem waaruit het kwam.';
COMMENT ON COLUMN analytics.dossiers.parent_id IS 'Het Vlaamse dossier dat het bundelt.';
COMMENT ON COLUMN analytics.dossiers.state IS 'De toestand.';
COMMENT ON COLUMN analytics.dossiers.presented_at IS 'Wanneer voorgelegd.';
COMMENT ON COLUMN analytics.dossiers.created_at IS 'Wanneer gemaakt.';
COMMENT ON COLUMN analytics.dossiers.owner IS 'Pseudoniem van de trekker.';

COMMENT ON VIEW analytics.dossier_signals IS 'De signalen die het bewijs van een dossier zijn.';
COMMENT ON COLUMN analytics.dossier_signals.dossier_id IS 'Het dossier (analytics.dossiers.id).';
COMMENT ON COLUMN analytics.dossier_signals.signal_id IS 'Het signaal (analytics.signals.id).';
COMMENT ON COLUMN analytics.dossier_signals.added_at IS 'Wanneer het toegevoegd werd.';

COMMENT ON VIEW analytics.dossier_events IS 'Het verloop van elk dossier; de medewerker als pseudoniem.';
COMMENT ON COLUMN analytics.dossier_events.id IS 'Oplopende sleutel.';
COMMENT ON COLUMN analytics.dossier_events.dossier_id IS 'Het dossier.';
COMMENT ON COLUMN analytics.dossier_events.occurred_at IS 'Wanneer vastgelegd.';
COMMENT ON COLUMN analytics.dossier_events.state IS 'De toestand na de stap.';
COMMENT ON COLUMN analytics.dossier_events.addressee IS 'Aan wie voorgelegd.';
COMMENT ON COLUMN analytics.dossier_events.happened_on IS 'Op welke dag voorgelegd of beantwoord.';
COMMENT ON COLUMN analytics.dossier_events.channel IS 'Hoe voorgelegd.';
COMMENT ON COLUMN analytics.dossier_events.response IS 'Het antwoord van beleid.';
COMMENT ON COLUMN analytics.dossier_events.response_link IS 'Link naar het antwoord.';
COMMENT ON COLUMN analytics.dossier_events.outcome IS 'Wat er veranderde.';
COMMENT ON COLUMN analytics.dossier_events.staff_member IS 'Pseudoniem van de medewerker.';

CREATE OR REPLACE VIEW analytics.clusters AS
SELECT
    c.code AS code,
    c.label AS label,
    c.size AS size,
    c.themes[1] AS primary_theme,
    c.themes AS themes,
    c.regions AS regions,
    cardinality(c.regions) AS region_count,
    c.organisation_count AS organisation_count,
    c.first_seen AS first_seen,
    c.last_seen AS last_seen,
    c.emerging AS emerging,
    c.recent_signals AS recent_signals,
    c.expected_recent_signals AS expected_recent_signals,
    c.emerging_p_value AS emerging_p_value,
    c.representative_signal_ids AS representative_signal_ids,
    c.retired_run_id IS NULL AS active,
    c.updated_at AS updated_at,
    c.title AS title,
    c.merged_into AS merged_into
FROM signaal.clusters AS c;

COMMENT ON COLUMN analytics.clusters.title IS 'Titel die een coördinator gaf (vervangt het label); leeg zolang niemand het probleem hernoemde.';
COMMENT ON COLUMN analytics.clusters.merged_into IS 'Het probleem waarin een coördinator dit probleem samenvoegde.';
