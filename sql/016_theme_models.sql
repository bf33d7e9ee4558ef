-- 016_theme_models.sql
-- De themaclassifier leert van de mensen die hem verbeteren: modellen krijgen een versie, met hun gemeten kwaliteit;
-- één ervan is actief, en elke classificatie onthoudt welke versie haar maakte.
-- Waarom: de thema's die coördinatoren zetten en signaalgevers kiezen, zijn de beste voorbeelden die Signaal heeft.
-- `signaal themes train --from-database` bouwt er een nieuw model mee, meet het op gegroepeerde folds tegen het
-- actieve, en activeert het enkel als het niet slechter is; de daemon neemt het actieve model op zonder herstart.

CREATE TABLE signaal.theme_models (
    version bigint GENERATED ALWAYS AS IDENTITY,
    digest text NOT NULL,
    origin text NOT NULL,
    trained_on text NOT NULL,
    model jsonb NOT NULL,
    labelled_examples integer NOT NULL DEFAULT 0,
    database_examples integer NOT NULL DEFAULT 0,
    examples_until timestamptz NULL,
    folds integer NULL,
    problem_groups integer NULL,
    grouped_accuracy double precision NULL,
    baseline_version bigint NULL,
    baseline_grouped_accuracy double precision NULL,
    random_accuracy double precision NULL,
    decision text NOT NULL,
    active boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    activated_at timestamptz NULL,
    CONSTRAINT theme_models_pkey PRIMARY KEY (version),
    CONSTRAINT theme_models_digest_key UNIQUE (digest),
    CONSTRAINT theme_models_origin_check CHECK (origin IN ('meegeleverd', 'getraind')),
    CONSTRAINT theme_models_decision_check CHECK (decision IN ('meegeleverd', 'geactiveerd', 'niet_beter')),
    CONSTRAINT theme_models_baseline_version_fkey FOREIGN KEY (baseline_version) REFERENCES signaal.theme_models (version)
);

CREATE UNIQUE INDEX theme_models_one_active_idx ON signaal.theme_models (active) WHERE active;

ALTER TABLE signaal.signal_classifications
    ADD COLUMN theme_model_version bigint NULL,
    ADD CONSTRAINT signal_classifications_theme_model_version_fkey
        FOREIGN KEY (theme_model_version) REFERENCES signaal.theme_models (version);

CREATE VIEW analytics.theme_models AS
SELECT
    m.version AS version,
    m.origin AS origin,
    m.trained_on AS trained_on,
    m.labelled_examples AS labelled_examples,
    m.database_examples AS database_examples,
    m.examples_until AS examples_until,
    m.folds AS folds,
    m.problem_groups AS problem_groups,
    m.grouped_accuracy AS grouped_accuracy,
    m.baseline_version AS baseline_version,
    m.baseline_grouped_accuracy AS baseline_grouped_accuracy,
    m.random_accuracy AS random_accuracy,
    m.decision AS decision,
    m.active AS active,
    m.created_at AS created_at,
    m.activated_at AS activated_at,
    (SELECT count(*) FROM signaal.signal_classifications AS sc WHERE sc.theme_model_version = m.version)
        AS classifications
FROM signaal.theme_models AS m;

CREATE OR REPLACE VIEW analytics.signal_classifications AS
SELECT
    sc.signal_id AS signal_id,
    sc.themes AS themes,
    sc.confidences AS confidences,
    sc.deciding_terms AS deciding_terms,
    sc.needs_review AS needs_review,
    sc.classified_at AS classified_at,
    sc.theme_model_version AS theme_model_version
FROM signaal.signal_classifications AS sc;

GRANT SELECT ON analytics.theme_models, analytics.signal_classifications TO signaal_analyst;

COMMENT ON TABLE signaal.theme_models IS
    'Elke versie van het themamodel: het meegeleverde en elk model dat `signaal themes train --from-database` '
    'bouwde, met zijn gemeten kwaliteit en of het actief werd. Hoogstens één is actief.';
COMMENT ON COLUMN signaal.theme_models.version IS 'Versienummer; signal_classifications.theme_model_version verwijst ernaar.';
COMMENT ON COLUMN signaal.theme_models.digest IS 'SHA-256 van het model (JSON), zodat hetzelfde model één versie houdt.';
COMMENT ON COLUMN signaal.theme_models.origin IS 'meegeleverd (met het programma) of getraind (uit de databank).';
COMMENT ON COLUMN signaal.theme_models.trained_on IS 'Waaruit het model gebouwd werd, in woorden.';
COMMENT ON COLUMN signaal.theme_models.model IS 'Het model zelf (gewichten, voorbeelden); elke daemon kan het laden.';
COMMENT ON COLUMN signaal.theme_models.labelled_examples IS 'Signalen uit de meegeleverde gelabelde set.';
COMMENT ON COLUMN signaal.theme_models.database_examples IS
    'Signalen uit de databank met thema''s die een coördinator zette of de signaalgever koos.';
COMMENT ON COLUMN signaal.theme_models.examples_until IS
    'Het moment waarop de voorbeelden gelezen werden: wat mensen later beslisten, zat er niet in.';
COMMENT ON COLUMN signaal.theme_models.folds IS 'Aantal folds van de kruisvalidatie.';
COMMENT ON COLUMN signaal.theme_models.problem_groups IS
    'Aantal groepen in de folds: terugkerende problemen (zoals coördinatoren ze samenvoegden of splitsten) en losse signalen.';
COMMENT ON COLUMN signaal.theme_models.grouped_accuracy IS
    'Juist hoofdthema op folds die elk terugkerend probleem heel houden: het eerlijke cijfer voor nieuwe problemen.';
COMMENT ON COLUMN signaal.theme_models.baseline_version IS 'Het model dat actief was toen dit gemeten werd.';
COMMENT ON COLUMN signaal.theme_models.baseline_grouped_accuracy IS
    'Hetzelfde cijfer, op dezelfde folds, voor het recept van het actieve model (zijn voorbeelden, zonder de nieuwe).';
COMMENT ON COLUMN signaal.theme_models.random_accuracy IS
    'Juist hoofdthema op willekeurige folds (problemen in training en test): ter vergelijking, te optimistisch.';
COMMENT ON COLUMN signaal.theme_models.decision IS
    'meegeleverd, geactiveerd (niet slechter dan het actieve) of niet_beter (bewaard, niet gebruikt).';
COMMENT ON COLUMN signaal.theme_models.active IS 'Het model dat de daemon nu gebruikt.';
COMMENT ON COLUMN signaal.theme_models.created_at IS 'Wanneer het model vastgelegd werd.';
COMMENT ON COLUMN signaal.theme_models.activated_at IS 'Wanneer het (laatst) actief werd.';
COMMENT ON COLUMN signaal.signal_classifications.theme_model_version IS
    'De versie van het themamodel die deze classificatie maakte (signaal.theme_models.version).';

COMMENT ON VIEW analytics.theme_models IS
    'De versies van het themamodel met hun gemeten kwaliteit, zonder het model zelf.';
COMMENT ON COLUMN analytics.theme_models.version IS 'Versienummer.';
COMMENT ON COLUMN analytics.theme_models.origin IS 'meegeleverd of getraind.';
COMMENT ON COLUMN analytics.theme_models.trained_on IS 'Waaruit het model gebouwd werd.';
COMMENT ON COLUMN analytics.theme_models.labelled_examples IS 'Signalen uit de meegeleverde gelabelde set.';
COMMENT ON COLUMN analytics.theme_models.database_examples IS 'Door mensen gelabelde signalen uit de databank.';
COMMENT ON COLUMN analytics.theme_models.examples_until IS 'Tot wanneer beslissingen van mensen meetelden.';
COMMENT ON COLUMN analytics.theme_models.folds IS 'Aantal folds.';
COMMENT ON COLUMN analytics.theme_models.problem_groups IS 'Aantal groepen (problemen en losse signalen) in de folds.';
COMMENT ON COLUMN analytics.theme_models.grouped_accuracy IS 'Juist hoofdthema, gegroepeerde folds.';
COMMENT ON COLUMN analytics.theme_models.baseline_version IS 'Het toen actieve model.';
COMMENT ON COLUMN analytics.theme_models.baseline_grouped_accuracy IS 'Zijn cijfer op dezelfde folds.';
COMMENT ON COLUMN analytics.theme_models.random_accuracy IS 'Juist hoofdthema, willekeurige folds.';
COMMENT ON COLUMN analytics.theme_models.decision IS 'meegeleverd, geactiveerd of niet_beter.';
COMMENT ON COLUMN analytics.theme_models.active IS 'Nu in gebruik.';
COMMENT ON COLUMN analytics.theme_models.created_at IS 'Wanneer vastgelegd.';
COMMENT ON COLUMN analytics.theme_models.activated_at IS 'Wanneer actief geworden.';
COMMENT ON COLUMN analytics.theme_models.classifications IS 'Hoeveel signalen dit model nu classificeert.';
COMMENT ON COLUMN analytics.signal_classifications.theme_model_version IS 'De versie van het themamodel die besliste.';
