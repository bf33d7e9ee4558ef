-- The statement the daemon runs to store one signal (SignalStore.insert: the signal, its themes, its classification,
-- its contact address and — between reclusterings — its cluster membership, in one statement and one commit), for
-- pgbench. The daemon passes every value as a parameter; here the values that vary are pgbench variables and the rest
-- literals of a typical signal (280 characters, like the median of the labelled set; no theme of the submitter's, one
-- or two classifier themes, five deciding terms, no contact address, no recurring problem yet — as in the benchmark's
-- fresh database).
-- Keep it in step with SignalStore.insert (with SignalClassificationTable.classified and ClusterGrowth.joined).
\set postcode_index random(1, 4)
\set code_a random(0, 65535)
\set code_b random(0, 65535)
\set theme_count random(1, 2)
WITH arrived AS (
    INSERT INTO signaal.signals (
        tracking_code, description, postcode, municipality_id, region_id, target_group, frequency,
        observed_on, policy_level_id, suggestion, source_id, status_id, received_at,
        reporting_region_id, organisation, external_id, api_key_id
    )
    VALUES (
        upper(lpad(to_hex(:code_a::integer), 4, '0') || '-' || lpad(to_hex(:code_b::integer), 4, '0')),
        'Steeds meer gezinnen met een budgetmeter zitten dagen zonder stroom omdat ze niet kunnen opladen. De meter sluit af in de winter en niemand registreert het. Wie zelf geen geld heeft om op te laden, valt uit de statistieken van afsluitingen, terwijl de gevolgen even zwaar zijn.',
        (ARRAY['2000', '9000', '3500', '8000'])[:postcode_index],
        (SELECT id FROM signaal.municipalities WHERE refnis_code = (ARRAY['11002', '44021', '71022', '31005'])[:postcode_index]),
        (SELECT id FROM signaal.regions WHERE code = (ARRAY['antwerpen', 'oost-vlaanderen', 'limburg', 'west-vlaanderen'])[:postcode_index]),
        'gezinnen in armoede', NULL, current_date,
        (SELECT id FROM signaal.policy_levels WHERE code = 'vlaams'),
        NULL,
        (SELECT id FROM signaal.signal_sources WHERE code = 'api'),
        (SELECT id FROM signaal.signal_statuses WHERE code = 'received'),
        coalesce(NULL::timestamptz, now()),
        (SELECT id FROM signaal.regions WHERE code = NULL), NULL,
        NULL, NULL
    )
    ON CONFLICT (tracking_code) DO NOTHING
    RETURNING id, received_at, region_id, observed_on
), themed AS (
    INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank)
    SELECT arrived.id, t.id, true, theme.rank
    FROM arrived
    CROSS JOIN unnest('{}'::text[]) WITH ORDINALITY AS theme (code, rank)
    JOIN signaal.themes AS t ON t.code = theme.code
), classified AS (
    INSERT INTO signaal.signal_classifications (signal_id, themes, confidences, deciding_terms, needs_review, model)
    SELECT arrived.id, (ARRAY['{"energie-water"}', '{"energie-water","inkomen-schulden"}'])[:theme_count]::text[],
        (ARRAY['{"0.83"}', '{"0.71","0.19"}'])[:theme_count]::text[]::real[],
        '{"budgetmeter","stroom","winter","meter","gezin"}', false, 'theme-model'
    FROM arrived WHERE true
    ON CONFLICT (signal_id) DO UPDATE SET themes = excluded.themes, confidences = excluded.confidences,
        deciding_terms = excluded.deciding_terms, needs_review = excluded.needs_review, classified_at = now()
), emailed AS (
    INSERT INTO signaal.contact_emails (signal_id, email)
    SELECT arrived.id, NULL::text FROM arrived WHERE NULL::text IS NOT NULL
), latest AS (
    SELECT max(id) AS run_id FROM signaal.cluster_runs WHERE status = 'finished'
), joined AS (
    INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method)
    SELECT arrived.id, c.id, NULL, 'on_arrival'
    FROM arrived, signaal.clusters AS c
    WHERE c.id = NULL AND c.retired_run_id IS NULL
        AND NULL = (SELECT max(id) FROM signaal.cluster_runs WHERE status = 'finished')
    ON CONFLICT (signal_id) DO NOTHING
    RETURNING cluster_id
), grown AS (
    UPDATE signaal.clusters AS c SET size = c.size + 1, updated_at = now(),
        last_seen = greatest(c.last_seen, arrived.observed_on),
        regions = CASE WHEN r.code = ANY(c.regions) THEN c.regions ELSE c.regions || r.code END
    FROM joined, arrived JOIN signaal.regions AS r ON r.id = arrived.region_id
    WHERE c.id = joined.cluster_id
)
SELECT arrived.id, arrived.received_at, latest.run_id, EXISTS (SELECT 1 FROM joined)
FROM arrived, latest;
