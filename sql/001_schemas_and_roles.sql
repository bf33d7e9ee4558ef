-- 001_schemas_and_roles.sql
-- Schema's en rollen voor Signaal.
--   * signaal:   de eigen tabellen van de applicatie (enkel voor de rol signaal_app).
--   * analytics: leesbare views voor data-analisten (enkel voor de rol signaal_analyst).
-- Waarom: analisten mogen nooit rechtstreeks aan de brontabellen (contactgegevens,
-- opvolgcodes); ze krijgen alleen wat analytics bewust toont.
-- Rollen zijn cluster-breed: ze worden enkel aangemaakt (en becommentarieerd) als ze nog niet
-- bestaan, zodat deze migratie op meerdere databanken van dezelfde cluster kan draaien en een
-- databankbeheerder ze vooraf kan aanmaken wanneer de migraties zonder CREATEROLE draaien.
-- De migratierunner maakt schema signaal en tabel signaal.schema_migrations al aan
-- vóór deze migratie; de transactie wordt door de runner gestart (geen BEGIN/COMMIT hier).

CREATE SCHEMA IF NOT EXISTS signaal;
CREATE SCHEMA IF NOT EXISTS analytics;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'signaal_app') THEN
        CREATE ROLE signaal_app NOLOGIN;
        COMMENT ON ROLE signaal_app IS
            'Rol met de rechten van de Signaal-applicatie zelf (lezen en schrijven in schema signaal). Geen login: een loginrol krijgt deze rol toegekend.';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'signaal_analyst') THEN
        CREATE ROLE signaal_analyst NOLOGIN;
        COMMENT ON ROLE signaal_analyst IS
            'Alleen-lezen rol voor data-analisten: enkel SELECT op de views in schema analytics, geen toegang tot schema signaal. '
            'Geen login: een loginrol krijgt deze rol toegekend.';
    END IF;
END
$$;

REVOKE ALL ON SCHEMA signaal FROM PUBLIC;
REVOKE ALL ON SCHEMA analytics FROM PUBLIC;

GRANT USAGE ON SCHEMA signaal TO signaal_app;
GRANT USAGE ON SCHEMA analytics TO signaal_analyst;

-- Rechten op objecten die later (door de eigenaar van de migraties) worden aangemaakt.
ALTER DEFAULT PRIVILEGES IN SCHEMA signaal GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO signaal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA signaal GRANT USAGE, SELECT ON SEQUENCES TO signaal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO signaal_analyst;

-- schema_migrations bestond al vóór de standaardrechten hierboven; de applicatie mag
-- ze lezen (om te controleren welke versie actief is) maar niet wijzigen.
GRANT SELECT ON signaal.schema_migrations TO signaal_app;

COMMENT ON SCHEMA signaal IS
    'Brontabellen van Signaal, het platform voor bottom-upsignalering in het Vlaamse en Brusselse sociaal werk. '
    'Enkel toegankelijk voor de applicatie (rol signaal_app); analisten gebruiken schema analytics.';
COMMENT ON SCHEMA analytics IS
    'Alleen-lezen views voor data-analisten (rol signaal_analyst). Bevat nooit contact-e-mailadressen of opvolgcodes van signalen.';

COMMENT ON TABLE signaal.schema_migrations IS
    'Logboek van de toegepaste databankmigraties (bestanden sql/NNN_naam.sql). Eén rij per migratie; wordt bijgehouden door de migratierunner van de applicatie.';
COMMENT ON COLUMN signaal.schema_migrations.version IS
    'Volgnummer van de migratie (het getal NNN vooraan de bestandsnaam).';
COMMENT ON COLUMN signaal.schema_migrations.name IS
    'Bestandsnaam van de migratie, bv. 001_schemas_and_roles.sql.';
COMMENT ON COLUMN signaal.schema_migrations.checksum IS
    'SHA-256 (hexadecimaal) van de inhoud van het migratiebestand op het moment van toepassen; laat toe te detecteren dat een reeds toegepast bestand achteraf werd gewijzigd.';
COMMENT ON COLUMN signaal.schema_migrations.applied_at IS
    'Tijdstip (met tijdzone) waarop de migratie werd toegepast.';
