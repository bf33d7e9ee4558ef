-- 008_cluster_views.sql
-- Views voor analisten op de terugkerende problemen: clusters, wie erin zit, per thema en per regio (allemaal
-- afgeleid van één clustering), de runs, en de themaclassificatie met haar uitleg.
-- Waarom: analisten lezen enkel het schema analytics; zo zien ze de clusters zonder de interne kolommen
-- (middelpunten, woordenschat).

CREATE OR REPLACE VIEW analytics.signal_themes AS
SELECT
    st.signal_id AS signal_id,
    t.code AS theme,
    st.is_submitter_choice AS is_submitter_choice,
    st.rank AS rank,
    st.confidence AS confidence
FROM signaal.signal_themes AS st
JOIN signaal.themes AS t ON t.id = st.theme_id;

CREATE VIEW analytics.clusters AS
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
    c.updated_at AS updated_at
FROM signaal.clusters AS c;

CREATE VIEW analytics.cluster_members AS
SELECT
    cm.signal_id AS signal_id,
    c.code AS cluster,
    cm.similarity AS similarity,
    cm.method AS method,
    cm.assigned_at AS assigned_at
FROM signaal.cluster_memberships AS cm
JOIN signaal.clusters AS c ON c.id = cm.cluster_id;

CREATE VIEW analytics.cluster_themes AS
SELECT
    c.code AS cluster,
    theme.code AS theme,
    theme.rank::integer AS rank,
    c.size AS size,
    c.emerging AS emerging
FROM signaal.clusters AS c
CROSS JOIN LATERAL unnest(c.themes) WITH ORDINALITY AS theme (code, rank)
WHERE c.retired_run_id IS NULL;

CREATE VIEW analytics.cluster_regions AS
SELECT
    c.code AS cluster,
    r.code AS region,
    count(*)::integer AS signal_count,
    min(s.observed_on) AS first_seen,
    max(s.observed_on) AS last_seen
FROM signaal.cluster_memberships AS cm
JOIN signaal.clusters AS c ON c.id = cm.cluster_id
JOIN signaal.signals AS s ON s.id = cm.signal_id
JOIN signaal.regions AS r ON r.id = s.region_id
WHERE c.retired_run_id IS NULL
GROUP BY c.code, r.code;

CREATE VIEW analytics.cluster_runs AS
SELECT
    cr.id AS id,
    cr.trigger AS trigger,
    cr.as_of AS as_of,
    cr.status AS status,
    cr.requested_at AS requested_at,
    cr.started_at AS started_at,
    cr.finished_at AS finished_at,
    cr.signal_count AS signal_count,
    cr.cluster_count AS cluster_count,
    cr.unclustered_count AS unclustered_count,
    cr.parameters AS parameters
FROM signaal.cluster_runs AS cr;

CREATE VIEW analytics.signal_classifications AS
SELECT
    sc.signal_id AS signal_id,
    sc.themes AS themes,
    sc.confidences AS confidences,
    sc.deciding_terms AS deciding_terms,
    sc.needs_review AS needs_review,
    sc.classified_at AS classified_at
FROM signaal.signal_classifications AS sc;

GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO signaal_analyst;

COMMENT ON COLUMN analytics.signal_themes.rank IS 'Volgorde bij het signaal: 1 is het hoofdthema (leeg bij oudere gegevens).';
COMMENT ON COLUMN analytics.signal_themes.confidence IS 'Zekerheid van de classifier (0 tot 1); leeg wanneer de signaalgever het thema koos.';

COMMENT ON VIEW analytics.clusters IS
    'Terugkerende problemen: groepen signalen over hetzelfde structurele probleem, over regio''s heen. Eén rij per '
    'cluster; active = false voor clusters die een latere herclustering niet meer vond. Let op: kleine aantallen '
    'zeggen weinig, en signalen zijn geen representatieve steekproef.';
COMMENT ON COLUMN analytics.clusters.code IS 'Vaste code van het probleem (P0001, …), blijft gelijk over herclusteringen heen.';
COMMENT ON COLUMN analytics.clusters.label IS 'Nederlandse naam: de kenmerkende termen van de cluster bij zijn ontstaan (blijft gelijk over herclusteringen).';
COMMENT ON COLUMN analytics.clusters.size IS 'Aantal signalen.';
COMMENT ON COLUMN analytics.clusters.primary_theme IS 'Hoofdthema van de cluster (taxonomiecode).';
COMMENT ON COLUMN analytics.clusters.themes IS 'Alle thema''s van de cluster, hoofdthema eerst.';
COMMENT ON COLUMN analytics.clusters.regions IS 'Regionale platformen met signalen in de cluster, meeste eerst.';
COMMENT ON COLUMN analytics.clusters.region_count IS 'Aantal verschillende regionale platformen.';
COMMENT ON COLUMN analytics.clusters.organisation_count IS 'Aantal verschillende melders (organisaties), 0 wanneer onbekend.';
COMMENT ON COLUMN analytics.clusters.first_seen IS 'Vroegste vaststellingsdatum.';
COMMENT ON COLUMN analytics.clusters.last_seen IS 'Laatste vaststellingsdatum.';
COMMENT ON COLUMN analytics.clusters.emerging IS 'Opkomend probleem: recent significant meer signalen dan het eigen ritme van het jaar ervoor.';
COMMENT ON COLUMN analytics.clusters.recent_signals IS 'Signalen in de 92 dagen tot de peildatum van de laatste run.';
COMMENT ON COLUMN analytics.clusters.expected_recent_signals IS 'Verwacht aantal recente signalen volgens het ritme van het jaar ervoor.';
COMMENT ON COLUMN analytics.clusters.emerging_p_value IS 'Poisson-p-waarde van de opkomend-toets (klein = ongewoon veel).';
COMMENT ON COLUMN analytics.clusters.representative_signal_ids IS 'Signalen (analytics.signals.id) die het probleem het best beschrijven.';
COMMENT ON COLUMN analytics.clusters.active IS 'true zolang de laatste herclustering de cluster nog vond.';
COMMENT ON COLUMN analytics.clusters.updated_at IS 'Laatste wijziging.';

COMMENT ON VIEW analytics.cluster_members IS
    'Eén rij per signaal dat bij een terugkerend probleem hoort. Ongeclusterde signalen ontbreken.';
COMMENT ON COLUMN analytics.cluster_members.signal_id IS 'Het signaal (analytics.signals.id).';
COMMENT ON COLUMN analytics.cluster_members.cluster IS 'Code van de cluster (analytics.clusters.code).';
COMMENT ON COLUMN analytics.cluster_members.similarity IS 'Gelijkenis met het midden van de cluster (0 tot 1).';
COMMENT ON COLUMN analytics.cluster_members.method IS 'recluster (volledige run) of on_arrival (bij aankomst toegewezen).';
COMMENT ON COLUMN analytics.cluster_members.assigned_at IS 'Tijdstip van de toewijzing.';

COMMENT ON VIEW analytics.cluster_themes IS
    'De actieve clusters per thema (afgeleid van dezelfde clustering): één rij per cluster en thema.';
COMMENT ON COLUMN analytics.cluster_themes.cluster IS 'Code van de cluster.';
COMMENT ON COLUMN analytics.cluster_themes.theme IS 'Taxonomiecode van het thema.';
COMMENT ON COLUMN analytics.cluster_themes.rank IS '1 voor het hoofdthema van de cluster, 2 en 3 voor neventhema''s.';
COMMENT ON COLUMN analytics.cluster_themes.size IS 'Aantal signalen in de cluster.';
COMMENT ON COLUMN analytics.cluster_themes.emerging IS 'Of de cluster opkomend is.';

COMMENT ON VIEW analytics.cluster_regions IS
    'De actieve clusters per regionaal platform (afgeleid van dezelfde clustering): hoeveel signalen elk platform '
    'bijdroeg aan elk terugkerend probleem.';
COMMENT ON COLUMN analytics.cluster_regions.cluster IS 'Code van de cluster.';
COMMENT ON COLUMN analytics.cluster_regions.region IS 'Code van het regionale platform.';
COMMENT ON COLUMN analytics.cluster_regions.signal_count IS 'Aantal signalen uit dit platform in de cluster.';
COMMENT ON COLUMN analytics.cluster_regions.first_seen IS 'Vroegste vaststellingsdatum uit dit platform.';
COMMENT ON COLUMN analytics.cluster_regions.last_seen IS 'Laatste vaststellingsdatum uit dit platform.';

COMMENT ON VIEW analytics.cluster_runs IS 'De herclusteringen: wanneer, waarom, met welk resultaat.';
COMMENT ON COLUMN analytics.cluster_runs.id IS 'Volgnummer van de run.';
COMMENT ON COLUMN analytics.cluster_runs.trigger IS 'nightly of requested.';
COMMENT ON COLUMN analytics.cluster_runs.as_of IS 'Peildatum van de run.';
COMMENT ON COLUMN analytics.cluster_runs.status IS 'queued, running, finished of failed.';
COMMENT ON COLUMN analytics.cluster_runs.requested_at IS 'Tijdstip van de aanvraag.';
COMMENT ON COLUMN analytics.cluster_runs.started_at IS 'Begin van de run.';
COMMENT ON COLUMN analytics.cluster_runs.finished_at IS 'Einde van de run.';
COMMENT ON COLUMN analytics.cluster_runs.signal_count IS 'Aantal geclusterde signalen.';
COMMENT ON COLUMN analytics.cluster_runs.cluster_count IS 'Aantal gevonden terugkerende problemen.';
COMMENT ON COLUMN analytics.cluster_runs.unclustered_count IS 'Aantal signalen zonder cluster.';
COMMENT ON COLUMN analytics.cluster_runs.parameters IS 'Instellingen van de clustering.';

COMMENT ON VIEW analytics.signal_classifications IS
    'De themaclassificatie per signaal met haar uitleg. needs_review = true: een mens moet het thema bepalen.';
COMMENT ON COLUMN analytics.signal_classifications.signal_id IS 'Het signaal (analytics.signals.id).';
COMMENT ON COLUMN analytics.signal_classifications.themes IS 'Voorgestelde thema''s, hoofdthema eerst.';
COMMENT ON COLUMN analytics.signal_classifications.confidences IS 'Zekerheid per voorgesteld thema (0 tot 1).';
COMMENT ON COLUMN analytics.signal_classifications.deciding_terms IS 'De termen en begrippen die de doorslag gaven.';
COMMENT ON COLUMN analytics.signal_classifications.needs_review IS 'true wanneer een mens moet classificeren.';
COMMENT ON COLUMN analytics.signal_classifications.classified_at IS 'Tijdstip van de classificatie.';
