-- 012_classifier_themes_once.sql
-- De thema's die de classifier voorstelt, staan voortaan één keer: in signal_classifications. signal_themes bewaart
-- wat mensen kozen. De view signal_theme_assignments geeft per signaal zijn thema's: die van de signaalgever, anders
-- die van de classifier, zoals signal_themes ze vroeger allebei bevatte.
-- Waarom: de voorstellen van de classifier stonden dubbel (thema's en zekerheden in signal_classifications én als
-- rijen in signal_themes) en konden uit elkaar lopen. Elke import, elke ontvangst en elke herclustering schreef ze
-- twee keer; een herclustering wiste en herschreef per signaal de rijen in signal_themes. De views voor analisten
-- tonen hetzelfde als voorheen.

-- Voorstellen van de classifier (niet door de signaalgever gekozen, met een zekerheid) waarvan de classificatie er is.
DELETE FROM signaal.signal_themes AS st
WHERE NOT st.is_submitter_choice
    AND st.confidence IS NOT NULL
    AND EXISTS (SELECT 1 FROM signaal.signal_classifications AS sc WHERE sc.signal_id = st.signal_id);

CREATE VIEW signaal.signal_theme_assignments AS
SELECT
    st.signal_id AS signal_id,
    st.theme_id AS theme_id,
    st.is_submitter_choice AS is_submitter_choice,
    st.rank AS rank,
    st.confidence AS confidence
FROM signaal.signal_themes AS st
UNION ALL
SELECT
    sc.signal_id,
    t.id,
    false,
    proposal.rank::smallint,
    proposal.confidence
FROM signaal.signal_classifications AS sc
CROSS JOIN LATERAL unnest(sc.themes, sc.confidences) WITH ORDINALITY AS proposal (code, confidence, rank)
JOIN signaal.themes AS t ON t.code = proposal.code
WHERE NOT EXISTS (SELECT 1 FROM signaal.signal_themes AS chosen WHERE chosen.signal_id = sc.signal_id);

CREATE OR REPLACE VIEW analytics.signals AS
SELECT
    s.id AS id,
    s.received_at AS received_at,
    s.observed_on AS observed_on,
    s.description AS description,
    s.postcode AS postcode,
    m.name AS municipality,
    m.refnis_code AS refnis_code,
    r.code AS region,
    COALESCE(
        ARRAY(
            SELECT t.code
            FROM signaal.signal_theme_assignments AS sta
            JOIN signaal.themes AS t ON t.id = sta.theme_id
            WHERE sta.signal_id = s.id
            ORDER BY t.code
        ),
        '{}'::text[]
    ) AS themes,
    s.target_group AS target_group,
    s.frequency AS frequency,
    pl.code AS policy_level,
    s.suggestion AS suggestion,
    so.code AS source,
    st.code AS status
FROM signaal.signals AS s
JOIN signaal.regions AS r ON r.id = s.region_id
JOIN signaal.signal_sources AS so ON so.id = s.source_id
JOIN signaal.signal_statuses AS st ON st.id = s.status_id
LEFT JOIN signaal.municipalities AS m ON m.id = s.municipality_id
LEFT JOIN signaal.policy_levels AS pl ON pl.id = s.policy_level_id;

CREATE OR REPLACE VIEW analytics.signal_themes AS
SELECT
    sta.signal_id AS signal_id,
    t.code AS theme,
    sta.is_submitter_choice AS is_submitter_choice,
    sta.rank AS rank,
    sta.confidence AS confidence
FROM signaal.signal_theme_assignments AS sta
JOIN signaal.themes AS t ON t.id = sta.theme_id;

COMMENT ON TABLE signaal.signal_themes IS
    'Thema''s die mensen aan een signaal gaven (de signaalgever, of later een coördinator): één rij per combinatie '
    'signaal-thema. Wat de classifier voorstelt staat in signal_classifications; signal_theme_assignments brengt '
    'beide samen.';
COMMENT ON COLUMN signaal.signal_themes.is_submitter_choice IS
    'true als de signaalgever dit thema zelf koos; false als het later werd toegevoegd (bv. door een coördinator).';
COMMENT ON COLUMN signaal.signal_themes.rank IS
    'Volgorde van het thema bij dit signaal: 1 is het hoofdthema. Leeg bij oudere gegevens.';
COMMENT ON COLUMN signaal.signal_themes.confidence IS
    'Leeg: een mens koos het thema. (Tot migratie 012 stonden hier ook de voorstellen van de classifier, met hun '
    'zekerheid.)';

COMMENT ON VIEW signaal.signal_theme_assignments IS
    'De thema''s van elk signaal, één rij per combinatie signaal-thema: wat mensen kozen (signal_themes), en voor '
    'een signaal waarvoor niemand koos, de voorstellen van de classifier (signal_classifications).';
COMMENT ON COLUMN signaal.signal_theme_assignments.signal_id IS 'Het signaal (signaal.signals.id).';
COMMENT ON COLUMN signaal.signal_theme_assignments.theme_id IS 'Het thema (signaal.themes.id).';
COMMENT ON COLUMN signaal.signal_theme_assignments.is_submitter_choice IS
    'true als de signaalgever dit thema zelf koos; false voor een voorstel van de classifier of een thema dat een '
    'coördinator toevoegde.';
COMMENT ON COLUMN signaal.signal_theme_assignments.rank IS 'Volgorde bij het signaal: 1 is het hoofdthema.';
COMMENT ON COLUMN signaal.signal_theme_assignments.confidence IS
    'Zekerheid van de classifier (0 tot 1); leeg wanneer een mens het thema koos.';

COMMENT ON COLUMN analytics.signal_themes.is_submitter_choice IS
    'true als de signaalgever dit thema zelf koos; false voor een voorstel van de classifier (met zekerheid) of een '
    'thema dat later werd toegevoegd.';
