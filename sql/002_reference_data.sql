-- 002_reference_data.sql
-- Referentietabellen (opzoeklijsten) met hun vaste inhoud: regionale platformen,
-- thema's, krachtlijnen van sterk sociaal werk, beleidsniveaus, statussen en bronnen
-- van signalen.
-- Waarom: signalen verwijzen naar deze lijsten via een smallint-sleutel; de tekstcode
-- (code) is de stabiele, leesbare sleutel voor applicatie en analyse, de naam (name)
-- is de Nederlandstalige weergavenaam.

CREATE TABLE signaal.regions (
    id smallint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    name text NOT NULL,
    CONSTRAINT regions_pkey PRIMARY KEY (id),
    CONSTRAINT regions_code_key UNIQUE (code),
    CONSTRAINT regions_code_format_check CHECK (code ~ '^[a-z][a-z0-9-]*$')
);

CREATE TABLE signaal.themes (
    id smallint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    CONSTRAINT themes_pkey PRIMARY KEY (id),
    CONSTRAINT themes_code_key UNIQUE (code),
    CONSTRAINT themes_code_format_check CHECK (code ~ '^[a-z][a-z0-9-]*$')
);

CREATE TABLE signaal.krachtlijnen (
    id smallint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    CONSTRAINT krachtlijnen_pkey PRIMARY KEY (id),
    CONSTRAINT krachtlijnen_code_key UNIQUE (code),
    CONSTRAINT krachtlijnen_code_format_check CHECK (code ~ '^[a-z][a-z0-9-]*$')
);

CREATE TABLE signaal.policy_levels (
    id smallint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    name text NOT NULL,
    CONSTRAINT policy_levels_pkey PRIMARY KEY (id),
    CONSTRAINT policy_levels_code_key UNIQUE (code),
    CONSTRAINT policy_levels_code_format_check CHECK (code ~ '^[a-z][a-z0-9-]*$')
);

CREATE TABLE signaal.signal_statuses (
    id smallint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    CONSTRAINT signal_statuses_pkey PRIMARY KEY (id),
    CONSTRAINT signal_statuses_code_key UNIQUE (code),
    CONSTRAINT signal_statuses_code_format_check CHECK (code ~ '^[a-z][a-z0-9-]*$')
);

CREATE TABLE signaal.signal_sources (
    id smallint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    name text NOT NULL,
    CONSTRAINT signal_sources_pkey PRIMARY KEY (id),
    CONSTRAINT signal_sources_code_key UNIQUE (code),
    CONSTRAINT signal_sources_code_format_check CHECK (code ~ '^[a-z][a-z0-9-]*$')
);

INSERT INTO signaal.regions (code, name) VALUES
    ('antwerpen', 'Regionaal Platform Antwerpen'),
    ('limburg', 'Regionaal Platform Limburg'),
    ('oost-vlaanderen', 'Regionaal Platform Oost-Vlaanderen'),
    ('west-vlaanderen', 'Regionaal Platform West-Vlaanderen'),
    ('vlaams-brabant', 'Regionaal Platform Vlaams-Brabant'),
    ('brussel', 'Regionaal Platform Brussel');

INSERT INTO signaal.themes (code, name, description) VALUES
    ('wonen', 'Wonen en wooncrisis',
        'Wachtlijsten voor sociale huisvesting, private huurmarkt, uithuiszettingen, dak- en thuisloosheid, woonkwaliteit, huurwaarborg, sociale verhuurkantoren (SVK).'),
    ('voorwaardelijkheid', 'Voorwaardelijkheid van rechten',
        'Rechten die ''verdiend'' moeten worden: voorwaarden voor het leefloon en het GPMI, taal- of activeringsvereisten '
        'voor sociale huisvesting of uitkeringen, sancties, vereisten rond domicilie of referentieadres.'),
    ('onderbescherming', 'Niet-gebruik van rechten (onderbescherming)',
        'Mensen die recht hebben op een voorziening of tegemoetkoming maar ze niet ontvangen: complexiteit, geen automatische toekenning, gebrek aan informatie, angst of schaamte.'),
    ('inkomen-schulden', 'Inkomen en schulden',
        'Inkomens onder de armoedegrens, schuldinvordering en gerechtsdeurwaarders, collectieve schuldenregeling, kosten van levensonderhoud.'),
    ('energie-water', 'Energie en water',
        'Energiearmoede, budgetmeters, afsluitingen, waterschulden, energiefacturen.'),
    ('gezondheid', 'Gezondheid en zorg',
        'Toegang tot zorg, wachtlijsten in de geestelijke gezondheidszorg, eerstelijnszones, medische en tandheelkundige kosten.'),
    ('jeugd', 'Kinderen en jongeren',
        'Jeugdhulp, de overgang naar meerderjarigheid (18 worden), kinderarmoede, rechtspositie van minderjarigen.'),
    ('werk', 'Werk en activering',
        'Toegang tot de arbeidsmarkt, krapte op de arbeidsmarkt, precaire arbeid, activeringstrajecten.'),
    ('digitale-kloof', 'Digitale inclusie',
        'Overheidsdiensten die enkel nog online bereikbaar zijn, itsme en eID, sluiting van bankkantoren, online afspraken.'),
    ('onderwijs-opvang', 'Onderwijs en kinderopvang',
        'Schoolkosten, plaatsen in de kinderopvang, vroegtijdig schoolverlaten.'),
    ('migratie', 'Migratie en verblijf',
        'Verblijfsstatus, opvangcrisis, dringende medische hulp voor mensen zonder wettig verblijf.'),
    ('mobiliteit', 'Mobiliteit',
        'Besparingen op het openbaar vervoer, bereikbaarheid van landelijke gebieden, vervoerskosten.'),
    ('discriminatie', 'Discriminatie en racisme',
        'Discriminatie op de woningmarkt, op de arbeidsmarkt en in de dienstverlening.'),
    ('duurzaamheid', 'Rechtvaardige duurzaamheid',
        'Klimaatmaatregelen die mensen in armoede treffen: renovatieverplichtingen, lage-emissiezones, hitte in slechte woningen.'),
    ('structurele-uitsluiting', 'Structurele uitsluiting (overig)',
        'Andere institutionele drempels: sluiting van diensten, van het kastje naar de muur gestuurd worden, procedures die uitsluiten.');

INSERT INTO signaal.krachtlijnen (code, name, description) VALUES
    ('nabijheid', 'Nabijheid',
        'Sociaal werk is aanwezig en bereikbaar in de leefwereld van mensen, laagdrempelig en dichtbij, en bouwt zo vertrouwen op.'),
    ('politiserend', 'Politiserend werken',
        'Sociaal werk brengt structurele oorzaken van uitsluiting en onrecht aan het licht en agendeert ze bij beleid en samenleving.'),
    ('procesmatig', 'Procesmatig werken',
        'Sociaal werk volgt het tempo en het traject van mensen, stap voor stap en met ruimte voor bijsturing, in plaats van vooraf vastgelegde uitkomsten.'),
    ('generalistisch', 'Generalistisch werken',
        'Sociaal werk kijkt naar de hele mens in zijn context, over levensdomeinen en sectorgrenzen heen, en niet enkel naar één afgebakend probleem.'),
    ('verbindend', 'Verbindend werken',
        'Sociaal werk verbindt mensen met elkaar, met voorzieningen en met de samenleving, en werkt samen over organisaties en sectoren heen.');

INSERT INTO signaal.policy_levels (code, name) VALUES
    ('lokaal', 'Lokaal'),
    ('vlaams', 'Vlaams'),
    ('federaal', 'Federaal'),
    ('europees', 'Europees');

INSERT INTO signaal.signal_statuses (code, name, description) VALUES
    ('received', 'Ontvangen',
        'Binnengekomen, nog niet bekeken door een coördinator van het regionale platform.'),
    ('validated', 'Gevalideerd',
        'Bekeken door een coördinator en aanvaard als signaal over een structureel probleem.'),
    ('merged', 'Samengevoegd',
        'Samengevoegd met een ander signaal over hetzelfde probleem (dubbel of sterk gelijkaardig); niet apart meetellen.'),
    ('rejected', 'Afgewezen',
        'Afgewezen door een coördinator, bijvoorbeeld omdat het geen structureel probleem beschrijft, een individuele hulpvraag is of spam is.');

INSERT INTO signaal.signal_sources (code, name) VALUES
    ('form', 'Webformulier'),
    ('api', 'API');

COMMENT ON TABLE signaal.regions IS
    'De zes regionale platformen van het Vlaams Platform Sterk Sociaal Werk. Elk signaal en elke gemeente hoort bij precies één regionaal platform.';
COMMENT ON COLUMN signaal.regions.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik code om te koppelen.';
COMMENT ON COLUMN signaal.regions.code IS
    'Stabiele, leesbare code van het regionale platform, bv. antwerpen, oost-vlaanderen, brussel.';
COMMENT ON COLUMN signaal.regions.name IS
    'Nederlandstalige weergavenaam van het regionale platform, bv. Regionaal Platform Antwerpen.';

COMMENT ON TABLE signaal.themes IS
    'Thema''s waaronder signalen worden ingedeeld (bv. wonen, energie en water). Een signaal kan meerdere thema''s hebben (zie signal_themes).';
COMMENT ON COLUMN signaal.themes.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik code om te koppelen.';
COMMENT ON COLUMN signaal.themes.code IS
    'Stabiele, leesbare code van het thema, bv. wonen, inkomen-schulden, digitale-kloof.';
COMMENT ON COLUMN signaal.themes.name IS
    'Nederlandstalige weergavenaam van het thema, zoals getoond in het formulier.';
COMMENT ON COLUMN signaal.themes.description IS
    'Afbakening van het thema: welke problemen eronder vallen (Nederlandstalig, ter ondersteuning van wie signaleert en wie analyseert).';

COMMENT ON TABLE signaal.krachtlijnen IS
    'De vijf krachtlijnen van sterk sociaal werk (nabijheid, politiserend, procesmatig, generalistisch en verbindend werken). Referentielijst voor rapportering en toelichting.';
COMMENT ON COLUMN signaal.krachtlijnen.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik code om te koppelen.';
COMMENT ON COLUMN signaal.krachtlijnen.code IS
    'Stabiele, leesbare code van de krachtlijn, bv. nabijheid, politiserend.';
COMMENT ON COLUMN signaal.krachtlijnen.name IS
    'Nederlandstalige weergavenaam van de krachtlijn, bv. Politiserend werken.';
COMMENT ON COLUMN signaal.krachtlijnen.description IS
    'Korte Nederlandstalige omschrijving (één zin) van wat de krachtlijn inhoudt.';

COMMENT ON TABLE signaal.policy_levels IS
    'Beleidsniveaus waarop een signaal volgens de signaalgever kan worden aangepakt: lokaal, Vlaams, federaal of Europees.';
COMMENT ON COLUMN signaal.policy_levels.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik code om te koppelen.';
COMMENT ON COLUMN signaal.policy_levels.code IS
    'Stabiele, leesbare code van het beleidsniveau: lokaal, vlaams, federaal of europees.';
COMMENT ON COLUMN signaal.policy_levels.name IS
    'Nederlandstalige weergavenaam van het beleidsniveau.';

COMMENT ON TABLE signaal.signal_statuses IS
    'Mogelijke statussen van een signaal in de verwerking door de regionale coördinatoren: ontvangen, gevalideerd, samengevoegd, afgewezen.';
COMMENT ON COLUMN signaal.signal_statuses.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik code om te koppelen.';
COMMENT ON COLUMN signaal.signal_statuses.code IS
    'Stabiele code van de status (Engelstalig, zoals in de applicatie): received, validated, merged of rejected.';
COMMENT ON COLUMN signaal.signal_statuses.name IS
    'Nederlandstalige weergavenaam van de status, bv. Gevalideerd.';
COMMENT ON COLUMN signaal.signal_statuses.description IS
    'Nederlandstalige uitleg wat de status betekent en hoe ermee om te gaan in analyses.';

COMMENT ON TABLE signaal.signal_sources IS
    'Kanalen waarlangs een signaal is binnengekomen: het webformulier of de API (bv. vanuit het registratiesysteem van een organisatie).';
COMMENT ON COLUMN signaal.signal_sources.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik code om te koppelen.';
COMMENT ON COLUMN signaal.signal_sources.code IS
    'Stabiele code van het kanaal: form (webformulier) of api.';
COMMENT ON COLUMN signaal.signal_sources.name IS
    'Nederlandstalige weergavenaam van het kanaal.';
