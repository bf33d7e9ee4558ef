-- The INSERT statement the daemon runs for one signal (SignalStore.insert), with the same lookups, for pgbench.
\set postcode_index random(1, 4)
INSERT INTO signaal.signals (
    tracking_code, description, postcode, municipality_id, region_id, target_group, frequency, observed_on,
    policy_level_id, suggestion, source_id, status_id, received_at, reporting_region_id, organisation, external_id,
    api_key_id
)
VALUES (
    upper(substr(md5(random()::text), 1, 4) || '-' || substr(md5(random()::text), 1, 4)),
    'Steeds meer gezinnen met een budgetmeter zitten dagen zonder stroom omdat ze niet kunnen opladen. De meter sluit af in de winter en niemand registreert het.',
    (ARRAY['2000', '9000', '3500', '8000'])[:postcode_index],
    (SELECT p.municipality_id FROM signaal.postcodes AS p WHERE p.postcode = (ARRAY['2000', '9000', '3500', '8000'])[:postcode_index] LIMIT 1),
    (SELECT m.region_id FROM signaal.postcodes AS p JOIN signaal.municipalities AS m ON m.id = p.municipality_id WHERE p.postcode = (ARRAY['2000', '9000', '3500', '8000'])[:postcode_index] LIMIT 1),
    'gezinnen in armoede', NULL, current_date,
    (SELECT id FROM signaal.policy_levels WHERE code = 'vlaams'), NULL,
    (SELECT id FROM signaal.signal_sources WHERE code = 'api'),
    (SELECT id FROM signaal.signal_statuses WHERE code = 'received'),
    now(), NULL, NULL, NULL, NULL
)
ON CONFLICT (tracking_code) DO NOTHING;
