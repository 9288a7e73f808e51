#!/usr/bin/env python3
"""Generate dictionaries/fr/countries.txt: French names of the countries of dictionaries/countries.txt.

Usage:  pip install pycountry
        python3 tools/gen_countries_fr.py > dictionaries/fr/countries.txt

The countries (ISO3, ISO2 and CAMEO codes) are those of dictionaries/countries.txt, read from it,
so the two files always have the same lines in the same order. The ISO 3166-1 French short and
official names come from pycountry's French translation catalogue (iso3166-1, the Debian
iso-codes translations). Everything else -- the short forms used in the press, former names,
adjectives, plural demonyms, capitals and seats of government -- is general knowledge, written by
hand in FACTS below for this project.

Adjectives: the matcher does not inflect, so every form is listed. FACTS gives the masculine
singular and the script writes the feminine and the plurals by the regular rules (malien ->
malienne, maliens, maliennes; sénégalais -> sénégalaise, sénégalaises; russe -> russes); IRREGULAR
holds the others, and a form written "=burkinabè" is taken as it is (invariable). People (plural
demonyms, capitalised as nouns: "Maliens; Maliennes") are made from the same forms unless FACTS
gives them. A masculine plural adjective and its people ("maliens", "Maliens") are one phrase
once case and accents are folded; they stay on the same line, in both fields.

The script checks its own output (7 fields, same ISO3 set as the English file, non-empty names,
no phrase on two lines) and exits non-zero on a problem. It also warns (without failing) where a
French phrase names another country in dictionaries/countries.txt.
"""

import gettext
import os
import sys
import unicodedata

import pycountry

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_countries  # noqa: E402  (the English generator: its list helpers)

HERE = os.path.dirname(os.path.abspath(__file__))
ENGLISH = os.path.join(HERE, "..", "dictionaries", "countries.txt")

# ISO French names left out: ordinary French words or first names (the matcher needs only one
# capitalised word: "La grenade a explosé" would be Grenada), or ambiguous.
ISO_NAMES_LEFT_OUT = {
    "GRD": {"Grenade"},       # the weapon; "île de la Grenade" is listed instead
    "MUS": {"Maurice"},       # a first name; "île Maurice" is listed instead
    "DMA": {"Dominique"},     # a first name; "la Dominique" is listed instead
    "COG": {"Congo"},         # bare "Congo": DR Congo in the English file, Brazzaville in AFP style; left out
}

# Adjectives whose feminine or plural is not regular: every form, masculine singular first.
IRREGULAR = {
    "turc": ["turc", "turque", "turcs", "turques"],
    "grec": ["grec", "grecque", "grecs", "grecques"],
    "ouzbek": ["ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes"],
    "basotho": ["basotho"],
}

# ISO3 | names (short form first) | adjectives (masculine singular) | people (empty: from the
# adjectives; "-": none) | capitals and seats of government
# The ISO French short and official names from pycountry are appended to the names unless they
# are inverted ("Corée, République de") or carry parentheses.
FACTS = r"""
ABW | Aruba | arubais | | Oranjestad
AFG | Afghanistan | afghan | | Kaboul
AGO | Angola | angolais | | Luanda
AIA | Anguilla | | |
ALA | Åland; Îles Åland | ålandais | | Mariehamn
ALB | Albanie | albanais | | Tirana
AND | Andorre | andorran | | Andorre-la-Vieille
ARE | Émirats arabes unis; Émirats | émirati | | Abou Dhabi; Abu Dhabi
ARG | Argentine | argentin | | Buenos Aires; Casa Rosada
ARM | Arménie | arménien | | Erevan
ASM | Samoa américaines | | |
ATA | Antarctique | | |
ATF | Terres australes et antarctiques françaises; TAAF | | |
ATG | Antigua-et-Barbuda; Antigua | | |
AUS | Australie | australien | | Canberra
AUT | Autriche | autrichien | | Vienne
AZE | Azerbaïdjan | azerbaïdjanais; azéri | | Bakou
BDI | Burundi | burundais | | Gitega; Bujumbura
BEL | Belgique | belge | |
BEN | Bénin | béninois | | Porto-Novo; Cotonou
BES | Pays-Bas caribéens; Bonaire; Saint-Eustache | | | Kralendijk
BFA | Burkina Faso; Burkina; Faso | =burkinabè; =burkinabès | Burkinabè; Burkinabès | Ouagadougou; Ouaga; Kosyam
BGD | Bangladesh | bangladais | | Dacca; Dhaka
BGR | Bulgarie | bulgare | | Sofia
BHR | Bahreïn | bahreïni | | Manama
BHS | Bahamas | bahaméen | | Nassau
BIH | Bosnie-Herzégovine; Bosnie | bosnien | | Sarajevo
BLM | Saint-Barthélemy | | | Gustavia
BLR | Biélorussie; Bélarus | biélorusse | | Minsk
BLZ | Belize | bélizien | | Belmopan
BMU | Bermudes | | |
BOL | Bolivie | bolivien | | La Paz; Sucre
BRA | Brésil | brésilien | | Brasilia; Planalto
BRB | Barbade | barbadien | | Bridgetown
BRN | Brunei; Brunéi | brunéien | | Bandar Seri Begawan
BTN | Bhoutan | bhoutanais | | Thimphou; Thimphu
BVT | Île Bouvet | | |
BWA | Botswana | botswanais | | Gaborone
CAF | Centrafrique; République centrafricaine; RCA | centrafricain | | Bangui
CAN | Canada | canadien | | Ottawa
CCK | Îles Cocos | | |
CHE | Suisse; Confédération suisse | suisse | | Berne
CHL | Chili | chilien | | Santiago; La Moneda
CHN | Chine; République populaire de Chine; Chine populaire | chinois | | Pékin; Beijing
CIV | Côte d'Ivoire; Côte-d'Ivoire; RCI | ivoirien | | Yamoussoukro; Abidjan
CMR | Cameroun | camerounais | | Yaoundé
COD | République démocratique du Congo; RDC; RD Congo; RD-Congo; Congo-Kinshasa; Zaïre | congolais; zaïrois | | Kinshasa
COG | République du Congo; Congo-Brazzaville; Congo Brazzaville | brazzavillois | | Brazzaville
COK | Îles Cook | | | Avarua
COL | Colombie | colombien | | Bogota; Bogotá
COM | Comores; Union des Comores | comorien | | Moroni
CPV | Cap-Vert; Cabo Verde; Cap Vert | cap-verdien | | Praia
CRI | Costa Rica | costaricien; costaricain | | San José
CUB | Cuba | cubain | | La Havane
CUW | Curaçao | | | Willemstad
CXR | Île Christmas | | |
CYM | Îles Caïmans | | |
CYP | Chypre | chypriote | | Nicosie
CZE | Tchéquie; République tchèque; Tchécoslovaquie | tchèque; tchécoslovaque | | Prague
DEU | Allemagne; Allemagne de l'Ouest | allemand; ouest-allemand | | Berlin
DJI | Djibouti | djiboutien | |
DMA | la Dominique; Commonwealth de la Dominique | | | Roseau
DNK | Danemark | danois | | Copenhague
DOM | République dominicaine | dominicain | | Saint-Domingue
DZA | Algérie | algérien | | Alger; El Mouradia
ECU | Équateur | équatorien | | Quito
EGY | Égypte | égyptien | | Le Caire; Caire
ERI | Érythrée | érythréen | | Asmara
ESH | Sahara occidental; République arabe sahraouie démocratique; RASD | sahraoui | |
ESP | Espagne | espagnol | | Madrid; Moncloa
EST | Estonie | estonien | | Tallinn
ETH | Éthiopie | éthiopien | | Addis-Abeba; Addis Abeba
FIN | Finlande | finlandais | | Helsinki
FJI | Fidji; Îles Fidji | fidjien | | Suva
FLK | Îles Malouines; Malouines; Îles Falkland; Falkland | | |
FRA | France; République française; Hexagone | français | | Paris; Élysée; Matignon; Quai d'Orsay
FRO | Îles Féroé; Féroé | féroïen | | Tórshavn
FSM | Micronésie; États fédérés de Micronésie | micronésien | | Palikir
GAB | Gabon | gabonais | | Libreville
GBR | Royaume-Uni; Royaume Uni; Grande-Bretagne; Angleterre; Écosse; pays de Galles; Irlande du Nord | britannique; anglais; écossais; gallois | | Londres; Downing Street; Westminster
GEO | Géorgie | géorgien | | Tbilissi
GGY | Guernesey | | |
GHA | Ghana | ghanéen | | Accra
GIB | Gibraltar | | |
GIN | Guinée; Guinée-Conakry; Guinée Conakry | guinéen | | Conakry
GLP | Guadeloupe | guadeloupéen | | Basse-Terre
GMB | Gambie | gambien | | Banjul
GNB | Guinée-Bissau; Guinée Bissau | bissau-guinéen | | Bissau
GNQ | Guinée équatoriale | équato-guinéen | | Malabo
GRC | Grèce | grec | | Athènes
GRD | île de la Grenade; Grenada | grenadien | |
GRL | Groenland | groenlandais | | Nuuk
GTM | Guatemala | guatémaltèque | |
GUF | Guyane; Guyane française | guyanais | | Cayenne
GUM | Guam | | | Hagåtña
GUY | Guyana | guyanien | | Georgetown
HKG | Hong Kong; Hong-Kong | hongkongais | |
HMD | Îles Heard-et-MacDonald | | |
HND | Honduras | hondurien | | Tegucigalpa
HRV | Croatie | croate | | Zagreb
HTI | Haïti | haïtien | | Port-au-Prince
HUN | Hongrie | hongrois | | Budapest
IDN | Indonésie | indonésien | | Jakarta; Djakarta
IMN | Île de Man | mannois | |
IND | Inde | indien | | New Delhi
IOT | Territoire britannique de l'océan Indien; Chagos; Archipel des Chagos; Îles Chagos | chagossien | |
IRL | Irlande; République d'Irlande; Eire | irlandais | | Dublin
IRN | Iran; République islamique d'Iran | iranien | | Téhéran
IRQ | Irak; Iraq | irakien; iraquien | | Bagdad
ISL | Islande | islandais | | Reykjavik
ISR | Israël; État d'Israël | israélien | | Jérusalem
ITA | Italie | italien | | Rome; Palais Chigi
JAM | Jamaïque | jamaïcain | | Kingston
JEY | Jersey | | |
JOR | Jordanie | jordanien | | Amman
JPN | Japon | japonais | | Tokyo
KAZ | Kazakhstan | kazakh; kazakhstanais | | Astana; Nour-Soultan
KEN | Kenya | kényan | | Nairobi
KGZ | Kirghizistan; Kirghizstan | kirghize | | Bichkek
KHM | Cambodge | cambodgien; khmer | | Phnom Penh
KIR | Kiribati | kiribatien | | Tarawa
KNA | Saint-Christophe-et-Niévès; Saint-Kitts-et-Nevis | | | Basseterre
KOR | Corée du Sud; République de Corée | sud-coréen | | Séoul
KWT | Koweït | koweïtien | | Koweït City
LAO | Laos; République démocratique populaire lao | laotien | | Vientiane
LBN | Liban | libanais | | Beyrouth; Baabda
LBR | Liberia | libérien | | Monrovia
LBY | Libye | libyen | | Tripoli
LCA | Sainte-Lucie | saint-lucien | | Castries
LIE | Liechtenstein | liechtensteinois | | Vaduz
LKA | Sri Lanka | sri-lankais | | Colombo; Sri Jayawardenepura Kotte
LSO | Lesotho | lésothien; =basotho | Lésothiens; Lésothiennes; Basotho | Maseru
LTU | Lituanie | lituanien | | Vilnius
LUX | Luxembourg; Grand-Duché de Luxembourg | luxembourgeois | |
LVA | Lettonie | letton | | Riga
MAC | Macao; Macau | macanais | |
MAF | Saint-Martin | | | Marigot
MAR | Maroc; Royaume chérifien | marocain | | Rabat
MCO | Monaco | monégasque | |
MDA | Moldavie; Moldova; République de Moldavie | moldave | | Chisinau
MDG | Madagascar | malgache | | Antananarivo; Tananarive
MDV | Maldives | maldivien | | Malé
MEX | Mexique | mexicain | | Mexico
MHL | Îles Marshall | marshallais | | Majuro
MKD | Macédoine du Nord; Macédoine; ARYM | macédonien | | Skopje
MLI | Mali | malien | | Bamako; Koulouba
MLT | Malte | maltais | | La Valette
MMR | Birmanie; Myanmar | birman | | Naypyidaw; Naypyitaw
MNE | Monténégro | monténégrin | | Podgorica
MNG | Mongolie | mongol | | Oulan-Bator
MNP | Îles Mariannes du Nord | | | Saipan
MOZ | Mozambique | mozambicain | | Maputo
MRT | Mauritanie | mauritanien | | Nouakchott
MSR | Montserrat | | |
MTQ | Martinique | martiniquais | | Fort-de-France
MUS | île Maurice | mauricien | | Port-Louis
MWI | Malawi | malawite; malawien | | Lilongwe
MYS | Malaisie | malaisien | | Kuala Lumpur; Putrajaya
MYT | Mayotte | mahorais | | Mamoudzou
NAM | Namibie | namibien | | Windhoek
NCL | Nouvelle-Calédonie | néo-calédonien; =kanak; =kanaks | | Nouméa
NER | Niger | nigérien | | Niamey
NFK | Île Norfolk | | |
NGA | Nigeria | nigérian | | Abuja; Aso Rock; Aso Villa
NIC | Nicaragua | nicaraguayen | | Managua
NIU | Niue; Nioué | | | Alofi
NLD | Pays-Bas; Pays Bas | néerlandais; hollandais | | Amsterdam; La Haye
NOR | Norvège | norvégien | | Oslo
NPL | Népal | népalais | | Katmandou
NRU | Nauru | nauruan | |
NZL | Nouvelle-Zélande | néo-zélandais | | Wellington
OMN | Oman; Sultanat d'Oman | omanais | | Mascate
PAK | Pakistan | pakistanais | | Islamabad
PAN | Panama | panaméen | |
PCN | Îles Pitcairn; Pitcairn | | | Adamstown
PER | Pérou | péruvien | | Lima
PHL | Philippines | philippin | | Manille; Malacañang
PLW | Palaos; Palau | palaosien | | Ngerulmud
PNG | Papouasie-Nouvelle-Guinée | papouan-néo-guinéen | | Port Moresby
POL | Pologne | polonais | | Varsovie
PRI | Porto Rico | portoricain | | San Juan
PRK | Corée du Nord; République populaire démocratique de Corée; RPDC | nord-coréen | | Pyongyang
PRT | Portugal | portugais | | Lisbonne
PRY | Paraguay | paraguayen | | Asuncion; Asunción
PSE | Palestine; État de Palestine; Territoires palestiniens; Territoires palestiniens occupés | palestinien | | Ramallah
PYF | Polynésie française; Tahiti | polynésien; tahitien | | Papeete
QAT | Qatar | qatari | | Doha
REU | île de la Réunion | réunionnais | |
ROU | Roumanie | roumain | | Bucarest
RUS | Russie; Fédération de Russie; Union soviétique; URSS | russe; soviétique | | Moscou; Kremlin
RWA | Rwanda | rwandais | | Kigali
SAU | Arabie saoudite | saoudien | | Riyad; Riyadh
SDN | Soudan | soudanais | | Khartoum; Port-Soudan
SEN | Sénégal | sénégalais | | Dakar
SGP | Singapour | singapourien | |
SGS | Géorgie du Sud-et-les îles Sandwich du Sud | | |
SHN | Sainte-Hélène; Île de l'Ascension; Tristan da Cunha | | |
SJM | Svalbard et Jan Mayen; Svalbard | | | Longyearbyen
SLB | Îles Salomon | salomonais | | Honiara
SLE | Sierra Leone | sierra-léonais | | Freetown
SLV | Salvador; El Salvador | salvadorien | | San Salvador
SMR | Saint-Marin | saint-marinais | |
SOM | Somalie | somalien | | Mogadiscio; Villa Somalia
SPM | Saint-Pierre-et-Miquelon | | |
SRB | Serbie; Yougoslavie; Serbie-et-Monténégro | serbe; yougoslave | | Belgrade
SSD | Soudan du Sud; Sud-Soudan | sud-soudanais | | Juba
STP | Sao Tomé-et-Principe; Sao Tomé-et-Príncipe | santoméen | | Sao Tomé
SUR | Suriname; Surinam | surinamais | | Paramaribo
SVK | Slovaquie | slovaque | | Bratislava
SVN | Slovénie | slovène | | Ljubljana
SWE | Suède | suédois | | Stockholm
SWZ | Eswatini; Swaziland | swazi | | Mbabane; Lobamba
SXM | Sint Maarten | | | Philipsburg
SYC | Seychelles | seychellois | |
SYR | Syrie; République arabe syrienne | syrien | | Damas
TCA | Îles Turques-et-Caïques | | |
TCD | Tchad | tchadien | | N'Djamena; Ndjamena
TGO | Togo | togolais | | Lomé
THA | Thaïlande | thaïlandais | | Bangkok
TJK | Tadjikistan | tadjik | | Douchanbé
TKL | Tokelau | | |
TKM | Turkménistan | turkmène | | Achgabat
TLS | Timor oriental; Timor-Leste | est-timorais | | Dili
TON | Tonga | tongien | | Nuku'alofa
TTO | Trinité-et-Tobago | trinidadien | | Port-d'Espagne
TUN | Tunisie | tunisien | | Tunis; Carthage
TUR | Turquie; Türkiye | turc | | Ankara
TUV | Tuvalu | tuvaluan | | Funafuti
TWN | Taïwan; Formose | taïwanais | | Taipei
TZA | Tanzanie | tanzanien | | Dodoma; Dar es Salaam
UGA | Ouganda | ougandais | | Kampala
UKR | Ukraine | ukrainien | | Kiev; Kyiv
UMI | Îles mineures éloignées des États-Unis | | |
URY | Uruguay | uruguayen | | Montevideo
USA | États-Unis; Etats Unis; USA | américain; états-unien; étatsunien | | Washington; Maison Blanche; Maison-Blanche
UZB | Ouzbékistan | ouzbek; ouzbékistanais | | Tachkent
VAT | Vatican; Saint-Siège; Cité du Vatican; État de la Cité du Vatican | | |
VCT | Saint-Vincent-et-les-Grenadines | | | Kingstown
VEN | Venezuela | vénézuélien | | Caracas; Miraflores
VGB | Îles Vierges britanniques | | | Road Town
VIR | Îles Vierges des États-Unis; Îles Vierges américaines | | | Charlotte Amalie
VNM | Viêt Nam; Vietnam | vietnamien | | Hanoï
VUT | Vanuatu | vanuatais | | Port-Vila
WLF | Wallis-et-Futuna; Wallis et Futuna | wallisien; futunien | | Mata-Utu
WSM | Samoa | samoan | | Apia
YEM | Yémen | yéménite | | Sanaa; Aden
ZAF | Afrique du Sud | sud-africain | | Pretoria
ZMB | Zambie | zambien | | Lusaka
ZWE | Zimbabwe | zimbabwéen | | Harare
XKX | Kosovo; République du Kosovo | kosovar | | Pristina; Prishtina
"""

HEADER = """\
# countries.txt (French) -- the countries of dictionaries/countries.txt under their French names.
#
#   ISO3 | ISO2 | CAMEO | names | adjectives | people | capitals and seats of government
#
# Generated by tools/gen_countries_fr.py; edit FACTS there and regenerate rather than editing here.
# Sources: the lines, codes and CAMEO codes are those of dictionaries/countries.txt; ISO 3166-1 French
# short and official names via pycountry's French catalogue (pycountry {version}); press short forms,
# former names, adjectives, demonyms, capitals and seats of government are general facts written for
# this project. Phrases are matched case- and accent-insensitively, so "États-Unis" and "Etats-Unis"
# are one phrase, listed once. Every phrase belongs to one line (a masculine plural adjective and its
# people, "maliens"/"Maliens", are one phrase on one line, in both fields).
# Adjectives are written in lower case as French writes them, every form (the matcher does not inflect).
# Left out on purpose: names that are French words or first names ("Grenade", "Maurice", "Dominique",
# "La Réunion" at the start of a sentence is "la réunion", "Le Cap"), bare "Congo" (DR Congo in the
# English file, Brazzaville in AFP style), "Hollande" (François Hollande), "Amérique" (also the
# continent: "Amérique latine"), "EAU" (the word "eau" in capitals), "Bruxelles" (the EU, as in English).
"""


def fold(phrase):
    """Matching key: accents, case and curly quotes folded, hyphens as words."""
    s = phrase.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("-", " - ").replace(".", "")
    return " ".join(s.split())


def dedup(items):
    return gen_countries.dedup(items, key=fold)


split_list = gen_countries.split_list


def adjective_forms(lemma):
    """Masculine singular -> [m.sg, f.sg, m.pl, f.pl] (deduplicated by the caller)."""
    if lemma.startswith("="):
        return [lemma[1:]]
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("en"):  # malien, guinéen
        return [lemma, lemma + "ne", lemma + "s", lemma + "nes"]
    if lemma.endswith("e"):  # russe, belge, suisse, britannique
        return [lemma, lemma + "s"]
    if lemma.endswith(("s", "x")):  # sénégalais, chinois
        return [lemma, lemma + "e", lemma + "es"]
    return [lemma, lemma + "e", lemma + "s", lemma + "es"]  # marocain, afghan, espagnol, qatari


def capitalise(word):
    """Demonym as a noun: each hyphenated part capitalised (Sud-Africains, Bissau-Guinéens)."""
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def people_forms(lemma):
    """Plural demonyms from an adjective: masculine and feminine plural, capitalised."""
    if lemma.startswith("="):
        return [capitalise(lemma[1:])]
    forms = adjective_forms(lemma)
    if len(forms) == 2:  # russe, russes
        return [capitalise(forms[1])]
    if len(forms) == 3:  # sénégalais, sénégalaise, sénégalaises
        return [capitalise(forms[0]), capitalise(forms[2])]
    return [capitalise(forms[2]), capitalise(forms[3])]


def clean_iso_name(name):
    """ISO names usable as phrases: skip inverted or parenthesised forms, drop a leading "L'"."""
    if not name or "," in name or "(" in name:
        return None
    for article in ("L'", "L\u2019"):
        if name.startswith(article):
            name = name[len(article):]
    return name


def read_english():
    """(ISO3, ISO2, CAMEO) of every line of the English countries file, and its phrases by ISO3."""
    rows, phrases = [], {}
    with open(ENGLISH, encoding="utf-8") as f:
        for line in f:
            body = line.split("#", 1)[0].strip()
            if not body:
                continue
            parts = [p.strip() for p in body.split("|")]
            rows.append((parts[0], parts[1], parts[2]))
            for field in parts[3:7]:
                for p in split_list(field):
                    phrases[fold(p)] = parts[0]
    return rows, phrases


def parse_facts():
    facts = {}
    for n, line in enumerate(FACTS.strip().splitlines(), 1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            sys.exit(f"FACTS line {n}: expected 5 fields: {line!r}")
        iso3 = parts[0]
        if iso3 in facts:
            sys.exit(f"FACTS line {n}: duplicate {iso3}")
        facts[iso3] = parts[1:]
    return facts


def main():
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    facts = parse_facts()
    rows, english = read_english()
    errors, warnings = [], []
    extra = sorted(set(facts) - {r[0] for r in rows})
    if extra:
        errors.append(f"FACTS for codes not in the English file: {extra}")

    out = [HEADER.format(version=getattr(pycountry, "__version__", "?"))]
    owner = {}  # folded phrase -> ISO3
    for iso3, iso2, cameo in rows:
        names_f, adjs_f, people_f, caps_f = facts.get(iso3, ["", "", "", ""])
        if iso3 not in facts:
            warnings.append(f"{iso3}: no FACTS, ISO names only")
        iso_names = []
        c = pycountry.countries.get(alpha_3=iso3)
        if c is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(c, attr, None)
                if v:
                    iso_names.append(tr.gettext(v))
        left_out = ISO_NAMES_LEFT_OUT.get(iso3, set())
        iso_names = [n for n in map(clean_iso_name, iso_names) if n and n not in left_out]
        names = dedup(split_list(names_f) + iso_names)
        lemmas = split_list(adjs_f)
        adjs = dedup([f for l in lemmas for f in adjective_forms(l)])
        if people_f == "-":
            people = []
        elif people_f:
            people = dedup(split_list(people_f))
        else:
            people = dedup([p for l in lemmas for p in people_forms(l)])
        caps = dedup(split_list(caps_f))
        if not names:
            errors.append(f"{iso3}: empty names")
        line_keys = set()
        for field, phrases in (("names", names), ("adjectives", adjs), ("people", people), ("capitals", caps)):
            for p in phrases:
                if any(ch in p for ch in "|;#"):
                    errors.append(f"{iso3}: bad character in {p!r}")
                k = fold(p)
                prev = owner.get(k)
                if prev and prev != iso3:
                    errors.append(f"{p!r} in {iso3} {field} and in {prev}")
                owner[k] = iso3
                line_keys.add(k)
                en = english.get(k)
                if en and en != iso3:
                    warnings.append(f"{p!r} ({iso3}) names {en} in the English file")
        fields = [iso3, iso2, cameo, "; ".join(names), "; ".join(adjs), "; ".join(people), "; ".join(caps)]
        line = " | ".join(fields)
        if len(line.split(" | ")) != 7:
            errors.append(f"{iso3}: field count")
        out.append(line)

    for w in warnings:
        print("warning:", w, file=sys.stderr)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        sys.exit(1)
    sys.stdout.write("\n".join(out) + "\n")
    print(f"{len(out) - 1} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
