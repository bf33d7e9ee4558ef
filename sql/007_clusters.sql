-- 007_clusters.sql
-- Terugkerende problemen: de thema's die de classifier aan signalen geeft, de clusters waarin signalen over
-- hetzelfde structurele probleem samenkomen, en de herclusteringen die ze opleveren.
-- Waarom zo: één clustering is de bron voor de weergaven per thema en per regio; clusters houden hun code over
-- herclusteringen heen (de oude cluster wordt aan de nieuwe gekoppeld), zodat beleidsmakers en briefs ernaar kunnen
-- blijven verwijzen. Een run is ook een taak in de wachtrij: daemons nemen ze met FOR UPDATE SKIP LOCKED.

ALTER TABLE signaal.signal_themes
    ADD COLUMN rank smallint NULL,
    ADD COLUMN confidence real NULL,
    ADD CONSTRAINT signal_themes_rank_check CHECK (rank BETWEEN 1 AND 3),
    ADD CONSTRAINT signal_themes_confidence_check CHECK (confidence BETWEEN 0 AND 1);

CREATE TABLE signaal.signal_classifications (
    signal_id bigint NOT NULL,
    themes text[] NOT NULL,
    confidences real[] NOT NULL,
    deciding_terms text[] NOT NULL,
    needs_review boolean NOT NULL,
    model text NOT NULL,
    classified_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signal_classifications_pkey PRIMARY KEY (signal_id),
    CONSTRAINT signal_classifications_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE,
    CONSTRAINT signal_classifications_themes_check CHECK (cardinality(themes) BETWEEN 1 AND 3),
    CONSTRAINT signal_classifications_confidences_check CHECK (cardinality(confidences) = cardinality(themes))
);

CREATE INDEX signal_classifications_needs_review_idx ON signaal.signal_classifications (signal_id) WHERE needs_review;

CREATE TABLE signaal.cluster_runs (
    id bigint GENERATED ALWAYS AS IDENTITY,
    trigger text NOT NULL,
    as_of date NOT NULL,
    status text NOT NULL DEFAULT 'queued',
    requested_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    signal_count integer NULL,
    cluster_count integer NULL,
    unclustered_count integer NULL,
    parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
    vectorizer jsonb NULL,
    error text NULL,
    CONSTRAINT cluster_runs_pkey PRIMARY KEY (id),
    CONSTRAINT cluster_runs_trigger_check CHECK (trigger IN ('nightly', 'requested')),
    CONSTRAINT cluster_runs_status_check CHECK (status IN ('queued', 'running', 'finished', 'failed'))
);

-- Eén nachtelijke run per dag, hoeveel daemons er ook draaien.
CREATE UNIQUE INDEX cluster_runs_nightly_as_of_key ON signaal.cluster_runs (as_of) WHERE trigger = 'nightly';
CREATE INDEX cluster_runs_queued_idx ON signaal.cluster_runs (requested_at) WHERE status = 'queued';

CREATE TABLE signaal.clusters (
    id bigint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    label text NOT NULL,
    size integer NOT NULL,
    themes text[] NOT NULL,
    regions text[] NOT NULL,
    organisation_count integer NOT NULL DEFAULT 0,
    first_seen date NULL,
    last_seen date NULL,
    emerging boolean NOT NULL DEFAULT false,
    recent_signals integer NOT NULL DEFAULT 0,
    expected_recent_signals double precision NOT NULL DEFAULT 0,
    emerging_p_value double precision NOT NULL DEFAULT 1,
    representative_signal_ids bigint[] NOT NULL DEFAULT '{}',
    centroid_terms integer[] NOT NULL DEFAULT '{}',
    centroid_weights real[] NOT NULL DEFAULT '{}',
    admission_similarity real NOT NULL DEFAULT 1,
    created_run_id bigint NULL,
    updated_run_id bigint NULL,
    retired_run_id bigint NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT clusters_pkey PRIMARY KEY (id),
    CONSTRAINT clusters_code_key UNIQUE (code),
    CONSTRAINT clusters_code_format_check CHECK (code ~ '^P[0-9]{4,}$'),
    CONSTRAINT clusters_label_length_check CHECK (char_length(label) BETWEEN 1 AND 200),
    CONSTRAINT clusters_centroid_check CHECK (cardinality(centroid_terms) = cardinality(centroid_weights)),
    CONSTRAINT clusters_created_run_id_fkey FOREIGN KEY (created_run_id) REFERENCES signaal.cluster_runs (id),
    CONSTRAINT clusters_updated_run_id_fkey FOREIGN KEY (updated_run_id) REFERENCES signaal.cluster_runs (id),
    CONSTRAINT clusters_retired_run_id_fkey FOREIGN KEY (retired_run_id) REFERENCES signaal.cluster_runs (id)
);

CREATE SEQUENCE signaal.cluster_code_seq;

CREATE TABLE signaal.cluster_memberships (
    signal_id bigint NOT NULL,
    cluster_id bigint NOT NULL,
    similarity real NOT NULL,
    method text NOT NULL,
    run_id bigint NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cluster_memberships_pkey PRIMARY KEY (signal_id),
    CONSTRAINT cluster_memberships_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signaal.signals (id) ON DELETE CASCADE,
    CONSTRAINT cluster_memberships_cluster_id_fkey FOREIGN KEY (cluster_id) REFERENCES signaal.clusters (id),
    CONSTRAINT cluster_memberships_run_id_fkey FOREIGN KEY (run_id) REFERENCES signaal.cluster_runs (id),
    CONSTRAINT cluster_memberships_method_check CHECK (method IN ('recluster', 'on_arrival'))
);

CREATE INDEX cluster_memberships_cluster_id_idx ON signaal.cluster_memberships (cluster_id);

COMMENT ON COLUMN signaal.signal_themes.rank IS
    'Volgorde van het thema bij dit signaal: 1 is het hoofdthema. Leeg bij thema''s van vóór de classifier.';
COMMENT ON COLUMN signaal.signal_themes.confidence IS
    'Zekerheid (0 tot 1) van de classifier voor dit thema; leeg wanneer de signaalgever het thema zelf koos.';

COMMENT ON TABLE signaal.signal_classifications IS
    'Wat de themaclassifier over een signaal besloot, ook wanneer de signaalgever zelf thema''s koos: voorstel, '
    'zekerheid, de termen die de doorslag gaven en of een mens het signaal moet nakijken.';
COMMENT ON COLUMN signaal.signal_classifications.signal_id IS 'Het signaal (signaal.signals.id).';
COMMENT ON COLUMN signaal.signal_classifications.themes IS 'Voorgestelde thema''s (1 tot 3), hoofdthema eerst.';
COMMENT ON COLUMN signaal.signal_classifications.confidences IS 'Zekerheid per voorgesteld thema (0 tot 1), in dezelfde volgorde.';
COMMENT ON COLUMN signaal.signal_classifications.deciding_terms IS
    'De termen en begrippen die het zwaarst doorwogen voor het hoofdthema: de uitleg bij de keuze.';
COMMENT ON COLUMN signaal.signal_classifications.needs_review IS
    'true wanneer de classifier te weinig zeker was en de signaalgever geen thema koos: een mens moet classificeren.';
COMMENT ON COLUMN signaal.signal_classifications.model IS 'Het themamodel dat besliste (waarop het getraind werd).';
COMMENT ON COLUMN signaal.signal_classifications.classified_at IS 'Tijdstip van de classificatie.';

COMMENT ON TABLE signaal.cluster_runs IS
    'Herclusteringen: één rij per volledige run (nachtelijk of op aanvraag). Tegelijk de wachtrij: een run in status '
    'queued wordt door precies één daemon opgenomen (FOR UPDATE SKIP LOCKED).';
COMMENT ON COLUMN signaal.cluster_runs.id IS 'Volgnummer van de run.';
COMMENT ON COLUMN signaal.cluster_runs.trigger IS 'Aanleiding: nightly (elke nacht) of requested (op aanvraag, bv. signaal recluster).';
COMMENT ON COLUMN signaal.cluster_runs.as_of IS 'Peildatum: signalen tot en met deze dag tellen mee; ook de datum van de opkomend-test.';
COMMENT ON COLUMN signaal.cluster_runs.status IS 'queued (wacht), running (bezig), finished (klaar) of failed (mislukt, zie error).';
COMMENT ON COLUMN signaal.cluster_runs.requested_at IS 'Tijdstip van de aanvraag.';
COMMENT ON COLUMN signaal.cluster_runs.started_at IS 'Tijdstip waarop een daemon de run begon.';
COMMENT ON COLUMN signaal.cluster_runs.finished_at IS 'Tijdstip waarop de run klaar of mislukt was.';
COMMENT ON COLUMN signaal.cluster_runs.signal_count IS 'Aantal geclusterde signalen.';
COMMENT ON COLUMN signaal.cluster_runs.cluster_count IS 'Aantal gevonden terugkerende problemen.';
COMMENT ON COLUMN signaal.cluster_runs.unclustered_count IS 'Aantal signalen dat bij geen enkel terugkerend probleem past.';
COMMENT ON COLUMN signaal.cluster_runs.parameters IS 'Instellingen van de clustering (drempel, gewicht van begrippen, minimale grootte).';
COMMENT ON COLUMN signaal.cluster_runs.vectorizer IS 'Woordenschat en gewichten (TF-IDF) van de run: nodig om nieuwe signalen bij aankomst toe te wijzen.';
COMMENT ON COLUMN signaal.cluster_runs.error IS 'Foutmelding wanneer de run mislukte.';

COMMENT ON TABLE signaal.clusters IS
    'Terugkerende problemen: groepen signalen die hetzelfde structurele probleem beschrijven, over regio''s heen. De '
    'code blijft dezelfde over herclusteringen heen; een gepensioneerde cluster (retired_run_id) werd niet meer teruggevonden.';
COMMENT ON COLUMN signaal.clusters.id IS 'Interne sleutel.';
COMMENT ON COLUMN signaal.clusters.code IS 'Vaste code van het probleem (P0001, P0002, …) waarnaar briefs en opvolgpagina''s verwijzen.';
COMMENT ON COLUMN signaal.clusters.label IS 'Nederlandse naam uit de kenmerkende termen van de cluster (c-TF-IDF) bij zijn ontstaan; een herclustering die de cluster terugvindt, behoudt die naam.';
COMMENT ON COLUMN signaal.clusters.size IS 'Aantal signalen in de cluster.';
COMMENT ON COLUMN signaal.clusters.themes IS 'Thema''s van de cluster (taxonomiecodes), hoofdthema eerst.';
COMMENT ON COLUMN signaal.clusters.regions IS 'Regionale platformen met signalen in de cluster, meeste signalen eerst.';
COMMENT ON COLUMN signaal.clusters.organisation_count IS 'Aantal verschillende organisaties die het probleem meldden (0 wanneer onbekend).';
COMMENT ON COLUMN signaal.clusters.first_seen IS 'Vroegste vaststellingsdatum (observed_on) in de cluster.';
COMMENT ON COLUMN signaal.clusters.last_seen IS 'Laatste vaststellingsdatum in de cluster.';
COMMENT ON COLUMN signaal.clusters.emerging IS
    'true wanneer het probleem opkomend is: het aantal signalen in de laatste 92 dagen ligt significant boven het '
    'eigen ritme van het jaar ervoor (Poissontoets, zie README), op de peildatum van de run.';
COMMENT ON COLUMN signaal.clusters.recent_signals IS 'Signalen in de recente periode (92 dagen tot de peildatum).';
COMMENT ON COLUMN signaal.clusters.expected_recent_signals IS 'Het aantal dat het eigen ritme van het jaar ervoor liet verwachten.';
COMMENT ON COLUMN signaal.clusters.emerging_p_value IS 'Kans op minstens zoveel recente signalen als er niets veranderd was (Poisson).';
COMMENT ON COLUMN signaal.clusters.representative_signal_ids IS 'De signalen die het probleem het best beschrijven (dichtst bij het midden).';
COMMENT ON COLUMN signaal.clusters.centroid_terms IS 'Midden van de cluster: termnummers in de woordenschat van de run (voor toewijzing bij aankomst).';
COMMENT ON COLUMN signaal.clusters.centroid_weights IS 'Midden van de cluster: gewicht per termnummer.';
COMMENT ON COLUMN signaal.clusters.admission_similarity IS
    'Minimale gelijkenis met het midden om bij aankomst toegewezen te worden: die van het minst typische lid bij de laatste run.';
COMMENT ON COLUMN signaal.clusters.created_run_id IS 'De run die de cluster voor het eerst vond.';
COMMENT ON COLUMN signaal.clusters.updated_run_id IS 'De laatste run die de cluster terugvond.';
COMMENT ON COLUMN signaal.clusters.retired_run_id IS 'De run waarin de cluster niet meer terugkwam (leeg zolang hij bestaat).';
COMMENT ON COLUMN signaal.clusters.updated_at IS 'Laatste wijziging.';
COMMENT ON SEQUENCE signaal.cluster_code_seq IS 'Teller voor de vaste codes van nieuwe clusters.';

COMMENT ON TABLE signaal.cluster_memberships IS
    'Welk signaal bij welk terugkerend probleem hoort. Signalen die nergens bij passen, ontbreken hier (ongeclusterd).';
COMMENT ON COLUMN signaal.cluster_memberships.signal_id IS 'Het signaal.';
COMMENT ON COLUMN signaal.cluster_memberships.cluster_id IS 'De cluster (signaal.clusters.id).';
COMMENT ON COLUMN signaal.cluster_memberships.similarity IS 'Cosinusgelijkenis van het signaal met het midden van de cluster (0 tot 1).';
COMMENT ON COLUMN signaal.cluster_memberships.method IS 'recluster (door een volledige run) of on_arrival (bij aankomst toegewezen).';
COMMENT ON COLUMN signaal.cluster_memberships.run_id IS 'De run die het signaal toewees; leeg bij toewijzing bij aankomst.';
COMMENT ON COLUMN signaal.cluster_memberships.assigned_at IS 'Tijdstip van de toewijzing.';
