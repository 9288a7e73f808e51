#!/usr/bin/env python3
"""Generate dictionaries/countries.txt for palaver.

Usage:  pip install pycountry
        python3 tools/gen_countries.py > dictionaries/countries.txt

Codes (ISO 3166-1 alpha-3 and alpha-2) and the ISO short/official names come
from pycountry (its copy of ISO 3166-1). Everything else -- the common short
names used in news, older names still in use, adjectives, plural demonyms,
capitals and the seats of government used as metonyms -- is general knowledge,
written by hand in FACTS below for this project. Nothing here is copied from
another project's dictionary.

The script checks its own output (7 fields, unique ISO3, non-empty names, every
phrase used by only one country) and exits non-zero on a problem.
"""

import re
import sys
import unicodedata

import pycountry

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO = {
    "ROU": "ROM",  # Romania: CAMEO/GDELT keep the pre-2002 ISO code
}

# ISO names left out: too ambiguous as phrases (matching is case- and accent-insensitive).
ISO_NAMES_LEFT_OUT = {
    "COG": {"Congo"},     # bare "Congo" is the DRC in most news style guides; listed there
    "REU": {"Réunion"},   # folds to the word "reunion"
    "TWN": {"Taiwan, Province of China"},
}

# Countries not in ISO 3166-1 that CAMEO codes.
# (ISO3-like user-assigned code, ISO2-like code, CAMEO)
EXTRA = [
    ("XKX", "XK", "KSV"),  # Kosovo: user-assigned XK/XKX (EU, IMF usage); CAMEO KSV
]

# ISO3 | names (short common name first) | adjectives | people (plural) | capitals and seats of government
# The ISO short and official names from pycountry are appended to the names
# unless they are inverted ("Korea, Republic of") or carry parentheses.
FACTS = r"""
ABW | Aruba | Aruban | Arubans | Oranjestad
AFG | Afghanistan | Afghan | Afghans | Kabul
AGO | Angola | Angolan | Angolans | Luanda
AIA | Anguilla | Anguillan | Anguillans |
ALA | Åland Islands; Åland; Aland | Ålandic; Ålander | Ålanders | Mariehamn
ALB | Albania | Albanian | Albanians | Tirana; Tiranë
AND | Andorra | Andorran | Andorrans | Andorra la Vella
ARE | United Arab Emirates; UAE; U.A.E. | Emirati | Emiratis | Abu Dhabi
ARG | Argentina; Argentine Republic | Argentine; Argentinian; Argentinean | Argentines; Argentinians; Argentineans | Buenos Aires; Casa Rosada
ARM | Armenia | Armenian | Armenians | Yerevan
ASM | American Samoa | American Samoan | American Samoans | Pago Pago
ATA | Antarctica | Antarctic | |
ATF | French Southern and Antarctic Lands; French Southern Territories; TAAF | | |
ATG | Antigua and Barbuda; Antigua | Antiguan; Barbudan | Antiguans; Barbudans |
AUS | Australia; Commonwealth of Australia | Australian | Australians; Aussies | Canberra
AUT | Austria | Austrian | Austrians | Vienna
AZE | Azerbaijan | Azerbaijani; Azeri | Azerbaijanis; Azeris | Baku
BDI | Burundi | Burundian | Burundians | Gitega; Bujumbura
BEL | Belgium | Belgian | Belgians |
BEN | Benin | Beninese | Beninese people | Porto-Novo; Cotonou
BES | Caribbean Netherlands; Bonaire; Sint Eustatius; BES islands | Bonairean | Bonaireans | Kralendijk
BFA | Burkina Faso; Burkina | Burkinabe; Burkinabè | Burkinabes; Burkinabe people | Ouagadougou; Kosyam
BGD | Bangladesh | Bangladeshi | Bangladeshis | Dhaka
BGR | Bulgaria | Bulgarian | Bulgarians | Sofia
BHR | Bahrain | Bahraini | Bahrainis | Manama
BHS | Bahamas; The Bahamas | Bahamian | Bahamians | Nassau
BIH | Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia | Bosnian; Herzegovinian | Bosnians; Herzegovinians | Sarajevo
BLM | Saint Barthélemy; St. Barthélemy; St Barthélemy; St. Barts; St Barts | Barthélemois | | Gustavia
BLR | Belarus; Republic of Belarus | Belarusian; Belarussian | Belarusians; Belarussians | Minsk
BLZ | Belize | Belizean | Belizeans | Belmopan
BMU | Bermuda | Bermudian; Bermudan | Bermudians; Bermudans |
BOL | Bolivia; Plurinational State of Bolivia | Bolivian | Bolivians | La Paz; Sucre
BRA | Brazil | Brazilian | Brazilians | Brasília; Planalto; Planalto Palace
BRB | Barbados | Barbadian; Bajan | Barbadians; Bajans | Bridgetown
BRN | Brunei; Brunei Darussalam | Bruneian | Bruneians | Bandar Seri Begawan
BTN | Bhutan | Bhutanese | Bhutanese people | Thimphu
BVT | Bouvet Island | | |
BWA | Botswana | Botswanan; Motswana | Batswana; Botswanans | Gaborone
CAF | Central African Republic | Central African | Central Africans | Bangui
CAN | Canada | Canadian | Canadians | Ottawa
CCK | Cocos Islands; Keeling Islands | Cocossian | |
CHE | Switzerland; Swiss Confederation | Swiss | Swiss people | Bern; Berne
CHL | Chile | Chilean | Chileans | Santiago; La Moneda
CHN | China; People's Republic of China; PRC; P.R.C.; mainland China | Chinese | Chinese people | Beijing
CIV | Côte d'Ivoire; Ivory Coast; Republic of Côte d'Ivoire | Ivorian; Ivoirian | Ivorians; Ivoirians | Yamoussoukro; Abidjan
CMR | Cameroon | Cameroonian | Cameroonians | Yaoundé
COD | Democratic Republic of the Congo; DR Congo; DRC; D.R.C.; Congo-Kinshasa; Democratic Republic of Congo; DR of Congo; Congo; Zaire | Congolese; Zairean; Zairian | Congolese people | Kinshasa
COG | Republic of the Congo; Congo-Brazzaville; Congo Republic; Republic of Congo | | | Brazzaville
COK | Cook Islands | Cook Islander | Cook Islanders | Avarua
COL | Colombia | Colombian | Colombians | Bogotá; Casa de Nariño
COM | Comoros; Union of the Comoros | Comoran; Comorian | Comorans; Comorians | Moroni
CPV | Cabo Verde; Cape Verde; Republic of Cabo Verde | Cape Verdean; Cabo Verdean | Cape Verdeans; Cabo Verdeans | Praia
CRI | Costa Rica | Costa Rican | Costa Ricans | San José
CUB | Cuba | Cuban | Cubans | Havana
CUW | Curaçao | Curaçaoan | Curaçaoans | Willemstad
CXR | Christmas Island | Christmas Islander | Christmas Islanders | Flying Fish Cove
CYM | Cayman Islands; Caymans | Caymanian | Caymanians |
CYP | Cyprus | Cypriot | Cypriots | Nicosia
CZE | Czech Republic; Czechia; Czechoslovakia | Czech; Czechoslovak | Czechs; Czechoslovaks | Prague
DEU | Germany; Federal Republic of Germany; West Germany | German; West German | Germans; West Germans | Berlin
DJI | Djibouti | Djiboutian | Djiboutians |
DMA | Dominica; Commonwealth of Dominica | | | Roseau
DNK | Denmark | Danish | Danes | Copenhagen
DOM | Dominican Republic | Dominican | Dominicans | Santo Domingo
DZA | Algeria | Algerian | Algerians | Algiers
ECU | Ecuador | Ecuadorian; Ecuadorean | Ecuadorians; Ecuadoreans | Quito
EGY | Egypt | Egyptian | Egyptians | Cairo
ERI | Eritrea; State of Eritrea | Eritrean | Eritreans | Asmara
ESH | Western Sahara; Sahrawi Arab Democratic Republic; SADR | Sahrawi; Saharawi; Western Saharan | Sahrawis; Saharawis |
ESP | Spain | Spanish | Spaniards | Madrid; Moncloa
EST | Estonia | Estonian | Estonians | Tallinn
ETH | Ethiopia | Ethiopian | Ethiopians | Addis Ababa
FIN | Finland | Finnish | Finns | Helsinki
FJI | Fiji | Fijian | Fijians | Suva
FLK | Falkland Islands; Falklands; Malvinas; Islas Malvinas | Falkland Islander | Falkland Islanders; Falklanders |
FRA | France; French Republic | French | Frenchmen; Frenchwomen; French people | Paris; Élysée; Elysee; Élysée Palace; Matignon; Quai d'Orsay
FRO | Faroe Islands; Faroes; Faeroe Islands | Faroese | Faroese people; Faroe Islanders | Tórshavn
FSM | Micronesia; Federated States of Micronesia | Micronesian | Micronesians | Palikir
GAB | Gabon; Gabonese Republic | Gabonese | Gabonese people | Libreville
GBR | United Kingdom; Britain; Great Britain; UK; U.K.; United Kingdom of Great Britain and Northern Ireland; England; Scotland; Wales; Northern Ireland | British | Britons; Brits; British people | London; Downing Street; Whitehall; Westminster
GEO | Georgia | Georgian | Georgians | Tbilisi
GGY | Guernsey; Bailiwick of Guernsey | Guernseyman | Guernsey people | St Peter Port; St. Peter Port; Saint Peter Port
GHA | Ghana | Ghanaian | Ghanaians | Accra
GIB | Gibraltar | Gibraltarian | Gibraltarians |
GIN | Guinea; Guinea-Conakry; Republic of Guinea | Guinean | Guineans | Conakry
GLP | Guadeloupe | Guadeloupean | Guadeloupeans | Basse-Terre
GMB | Gambia; The Gambia; Republic of the Gambia | Gambian | Gambians | Banjul
GNB | Guinea-Bissau | Bissau-Guinean | Bissau-Guineans | Bissau
GNQ | Equatorial Guinea | Equatorial Guinean; Equatoguinean | Equatorial Guineans; Equatoguineans | Malabo
GRC | Greece; Hellenic Republic | Greek; Hellenic | Greeks | Athens
GRD | Grenada | Grenadian | Grenadians |
GRL | Greenland | Greenlandic | Greenlanders | Nuuk
GTM | Guatemala | Guatemalan | Guatemalans | Guatemala City
GUF | French Guiana | French Guianese | French Guianese people |
GUM | Guam | Guamanian | Guamanians | Hagåtña; Hagatna
GUY | Guyana | Guyanese | Guyanese people | Georgetown
HKG | Hong Kong; Hong Kong SAR | | Hong Kongers; Hongkongers |
HMD | Heard Island and McDonald Islands; Heard Island; McDonald Islands | | |
HND | Honduras | Honduran | Hondurans | Tegucigalpa
HRV | Croatia | Croatian; Croat | Croatians; Croats | Zagreb
HTI | Haiti | Haitian | Haitians | Port-au-Prince
HUN | Hungary | Hungarian | Hungarians | Budapest
IDN | Indonesia | Indonesian | Indonesians | Jakarta
IMN | Isle of Man | Manx | Manx people |
IND | India; Republic of India | Indian | Indians | New Delhi
IOT | British Indian Ocean Territory; Chagos Islands; Chagos Archipelago; Chagos | Chagossian | Chagossians |
IRL | Ireland; Republic of Ireland; Irish Republic; Eire; Éire | Irish | Irish people; Irishmen | Dublin
IRN | Iran; Islamic Republic of Iran | Iranian | Iranians | Tehran; Teheran
IRQ | Iraq | Iraqi | Iraqis | Baghdad
ISL | Iceland | Icelandic | Icelanders | Reykjavik; Reykjavík
ISR | Israel; State of Israel | Israeli | Israelis | Jerusalem
ITA | Italy; Italian Republic | Italian | Italians | Rome; Palazzo Chigi
JAM | Jamaica | Jamaican | Jamaicans | Kingston
JEY | Jersey; Bailiwick of Jersey | Jerseyman | Jersey people | St Helier; St. Helier; Saint Helier
JOR | Jordan; Hashemite Kingdom of Jordan | Jordanian | Jordanians | Amman
JPN | Japan | Japanese | Japanese people | Tokyo
KAZ | Kazakhstan | Kazakh; Kazakhstani | Kazakhs; Kazakhstanis | Astana; Nur-Sultan; Akorda
KEN | Kenya | Kenyan | Kenyans | Nairobi
KGZ | Kyrgyzstan; Kyrgyz Republic | Kyrgyz; Kyrgyzstani | Kyrgyzstanis; Kyrgyz people | Bishkek
KHM | Cambodia; Kingdom of Cambodia; Kampuchea | Cambodian; Khmer; Kampuchean | Cambodians | Phnom Penh
KIR | Kiribati | I-Kiribati; Kiribatian | I-Kiribati people | Tarawa; South Tarawa
KNA | Saint Kitts and Nevis; St. Kitts and Nevis; St Kitts and Nevis; St. Kitts; St Kitts; Saint Kitts | Kittitian; Nevisian | Kittitians; Nevisians | Basseterre
KOR | South Korea; Republic of Korea; ROK; R.O.K. | South Korean | South Koreans | Seoul; Blue House
KWT | Kuwait; State of Kuwait | Kuwaiti | Kuwaitis | Kuwait City
LAO | Laos; Lao PDR; Lao People's Democratic Republic | Laotian; Lao | Laotians; Lao people | Vientiane
LBN | Lebanon; Lebanese Republic | Lebanese | Lebanese people | Beirut; Baabda
LBR | Liberia | Liberian | Liberians | Monrovia
LBY | Libya; State of Libya | Libyan | Libyans | Tripoli
LCA | Saint Lucia; St. Lucia; St Lucia | Saint Lucian; St. Lucian; St Lucian | Saint Lucians; St. Lucians; St Lucians | Castries
LIE | Liechtenstein | Liechtensteiner | Liechtensteiners | Vaduz
LKA | Sri Lanka | Sri Lankan | Sri Lankans | Colombo; Sri Jayawardenepura Kotte
LSO | Lesotho | Basotho; Mosotho | Basotho people | Maseru
LTU | Lithuania | Lithuanian | Lithuanians | Vilnius
LUX | Luxembourg; Grand Duchy of Luxembourg | Luxembourgish; Luxembourger | Luxembourgers |
LVA | Latvia | Latvian | Latvians | Riga
MAC | Macao; Macau; Macao SAR; Macau SAR | Macanese | Macanese people |
MAF | Saint Martin; St. Martin; St Martin; Collectivity of Saint Martin | Saint-Martinoise | | Marigot
MAR | Morocco | Moroccan | Moroccans | Rabat
MCO | Monaco | Monégasque; Monegasque | Monégasques; Monegasques |
MDA | Moldova; Republic of Moldova | Moldovan | Moldovans | Chișinău; Chisinau
MDG | Madagascar | Malagasy | Malagasy people | Antananarivo
MDV | Maldives; The Maldives | Maldivian | Maldivians |
MEX | Mexico; United Mexican States | Mexican | Mexicans | Mexico City
MHL | Marshall Islands; Republic of the Marshall Islands | Marshallese | Marshall Islanders; Marshallese people | Majuro
MKD | North Macedonia; Republic of North Macedonia; Macedonia; FYROM; Former Yugoslav Republic of Macedonia | North Macedonian; Macedonian | North Macedonians; Macedonians | Skopje
MLI | Mali; Republic of Mali | Malian | Malians; Malian people | Bamako; Koulouba
MLT | Malta | Maltese | Maltese people | Valletta
MMR | Myanmar; Burma; Republic of the Union of Myanmar | Burmese | Burmese people | Naypyidaw; Nay Pyi Taw; Naypyitaw
MNE | Montenegro | Montenegrin | Montenegrins | Podgorica
MNG | Mongolia | Mongolian | Mongolians | Ulaanbaatar; Ulan Bator
MNP | Northern Mariana Islands; Northern Marianas | Northern Marianan | Northern Mariana Islanders | Saipan
MOZ | Mozambique | Mozambican | Mozambicans | Maputo
MRT | Mauritania | Mauritanian | Mauritanians | Nouakchott
MSR | Montserrat | Montserratian | Montserratians | Brades
MTQ | Martinique | Martinican; Martiniquais | Martinicans | Fort-de-France
MUS | Mauritius | Mauritian | Mauritians | Port Louis
MWI | Malawi | Malawian | Malawians | Lilongwe
MYS | Malaysia | Malaysian | Malaysians | Kuala Lumpur; Putrajaya
MYT | Mayotte | Mahoran | Mahorans | Mamoudzou
NAM | Namibia | Namibian | Namibians | Windhoek
NCL | New Caledonia | New Caledonian | New Caledonians; Kanaks | Nouméa
NER | Niger; Republic of Niger | Nigerien | Nigeriens | Niamey
NFK | Norfolk Island | Norfolk Islander | Norfolk Islanders |
NGA | Nigeria; Niger Delta; Niger State | Nigerian | Nigerians | Abuja; Aso Rock; Aso Villa
NIC | Nicaragua | Nicaraguan | Nicaraguans | Managua
NIU | Niue | Niuean | Niueans | Alofi
NLD | Netherlands; The Netherlands; Holland | Dutch | Dutchmen; Dutch people | Amsterdam; The Hague
NOR | Norway | Norwegian | Norwegians | Oslo
NPL | Nepal | Nepali; Nepalese | Nepalis; Nepalese people | Kathmandu; Singha Durbar
NRU | Nauru | Nauruan | Nauruans | Yaren
NZL | New Zealand; Aotearoa | | New Zealanders | Wellington
OMN | Oman | Omani | Omanis | Muscat
PAK | Pakistan | Pakistani | Pakistanis | Islamabad
PAN | Panama | Panamanian | Panamanians | Panama City
PCN | Pitcairn Islands; Pitcairn | Pitcairn Islander | Pitcairn Islanders | Adamstown
PER | Peru | Peruvian | Peruvians | Lima
PHL | Philippines; The Philippines | Philippine; Filipino | Filipinos; Filipinas | Manila; Malacañang
PLW | Palau | Palauan | Palauans | Ngerulmud
PNG | Papua New Guinea; PNG | Papua New Guinean | Papua New Guineans | Port Moresby
POL | Poland | Polish | Poles | Warsaw
PRI | Puerto Rico | Puerto Rican | Puerto Ricans | San Juan
PRK | North Korea; Democratic People's Republic of Korea; DPRK; D.P.R.K. | North Korean | North Koreans | Pyongyang
PRT | Portugal | Portuguese | Portuguese people | Lisbon
PRY | Paraguay | Paraguayan | Paraguayans | Asunción
PSE | Palestine; State of Palestine; Palestinian territories; Occupied Palestinian Territories; Occupied Palestinian Territory | Palestinian | Palestinians | Ramallah
PYF | French Polynesia; Tahiti | French Polynesian; Tahitian | French Polynesians; Tahitians | Papeete
QAT | Qatar; State of Qatar | Qatari | Qataris | Doha
REU | Réunion Island; La Réunion | Réunionese | Réunionese people |
ROU | Romania | Romanian | Romanians | Bucharest; Cotroceni
RUS | Russia; Russian Federation; Soviet Union; USSR; Union of Soviet Socialist Republics | Russian; Soviet | Russians; Soviets | Moscow; Kremlin
RWA | Rwanda | Rwandan | Rwandans | Kigali
SAU | Saudi Arabia; Kingdom of Saudi Arabia; KSA | Saudi; Saudi Arabian | Saudis; Saudi Arabians | Riyadh
SDN | Sudan; The Sudan | Sudanese | Sudanese people | Khartoum; Port Sudan
SEN | Senegal | Senegalese | Senegalese people | Dakar
SGP | Singapore | Singaporean | Singaporeans |
SGS | South Georgia and the South Sandwich Islands; South Georgia; South Sandwich Islands | | | King Edward Point
SHN | Saint Helena; St. Helena; St Helena; Ascension Island; Tristan da Cunha | Saint Helenian; St Helenian | Saint Helenians; St Helenians |
SJM | Svalbard and Jan Mayen; Svalbard; Jan Mayen | | | Longyearbyen
SLB | Solomon Islands; Solomons | Solomon Islander | Solomon Islanders | Honiara
SLE | Sierra Leone | Sierra Leonean | Sierra Leoneans | Freetown
SLV | El Salvador | Salvadoran; Salvadorean | Salvadorans; Salvadoreans | San Salvador
SMR | San Marino | Sammarinese | Sammarinese people |
SOM | Somalia; Federal Republic of Somalia | Somali; Somalian | Somalis; Somalians | Mogadishu; Villa Somalia
SPM | Saint Pierre and Miquelon; St. Pierre and Miquelon; St Pierre and Miquelon | Saint-Pierrais; Miquelonnais | |
SRB | Serbia; Republic of Serbia; Yugoslavia; Federal Republic of Yugoslavia; Serbia and Montenegro | Serbian; Serb; Yugoslav | Serbians; Serbs; Yugoslavs | Belgrade
SSD | South Sudan | South Sudanese | South Sudanese people | Juba
STP | São Tomé and Príncipe; Sao Tome and Principe; São Tomé and Principe | São Toméan; Santomean | São Toméans; Santomeans | São Tomé
SUR | Suriname; Surinam | Surinamese | Surinamese people; Surinamers | Paramaribo
SVK | Slovakia; Slovak Republic | Slovak; Slovakian | Slovaks; Slovakians | Bratislava
SVN | Slovenia | Slovenian; Slovene | Slovenians; Slovenes | Ljubljana
SWE | Sweden | Swedish | Swedes | Stockholm
SWZ | Eswatini; Swaziland; Kingdom of Eswatini; Kingdom of Swaziland | Swazi; Emaswati | Swazis; Emaswati people | Mbabane; Lobamba
SXM | Sint Maarten | Sint Maartener | Sint Maarteners | Philipsburg
SYC | Seychelles; The Seychelles | Seychellois | Seychellois people |
SYR | Syria; Syrian Arab Republic | Syrian | Syrians | Damascus
TCA | Turks and Caicos Islands; Turks and Caicos | Turks and Caicos Islander | Turks and Caicos Islanders | Cockburn Town
TCD | Chad; Republic of Chad | Chadian | Chadians | N'Djamena; Ndjamena
TGO | Togo; Togolese Republic | Togolese | Togolese people | Lomé
THA | Thailand; Kingdom of Thailand | Thai | Thais; Thai people | Bangkok
TJK | Tajikistan | Tajik; Tajikistani | Tajiks; Tajikistanis | Dushanbe
TKL | Tokelau | Tokelauan | Tokelauans |
TKM | Turkmenistan | Turkmen | Turkmens; Turkmen people | Ashgabat
TLS | Timor-Leste; East Timor; Democratic Republic of Timor-Leste | Timorese; East Timorese | Timorese people; East Timorese people | Dili
TON | Tonga; Kingdom of Tonga | Tongan | Tongans | Nuku'alofa
TTO | Trinidad and Tobago; Trinidad | Trinidadian; Tobagonian; Trinbagonian | Trinidadians; Tobagonians; Trinbagonians | Port of Spain; Port-of-Spain
TUN | Tunisia | Tunisian | Tunisians | Tunis; Carthage
TUR | Turkey; Türkiye; Turkiye; Republic of Turkey; Republic of Türkiye | Turkish | Turks; Turkish people | Ankara
TUV | Tuvalu | Tuvaluan | Tuvaluans | Funafuti
TWN | Taiwan; Republic of China; Chinese Taipei | Taiwanese | Taiwanese people | Taipei
TZA | Tanzania; United Republic of Tanzania | Tanzanian | Tanzanians | Dodoma; Dar es Salaam
UGA | Uganda | Ugandan | Ugandans | Kampala
UKR | Ukraine | Ukrainian | Ukrainians | Kyiv; Kiev
UMI | United States Minor Outlying Islands; U.S. Minor Outlying Islands | | |
URY | Uruguay; Oriental Republic of Uruguay | Uruguayan | Uruguayans | Montevideo
USA | United States; U.S.; US; USA; U.S.A.; America; United States of America | American | Americans | Washington; White House
UZB | Uzbekistan | Uzbek; Uzbekistani | Uzbeks; Uzbekistanis | Tashkent
VAT | Vatican; Holy See; Vatican City; Vatican City State | | |
VCT | Saint Vincent and the Grenadines; St. Vincent and the Grenadines; St Vincent and the Grenadines; Saint Vincent; St. Vincent; St Vincent | Vincentian | Vincentians | Kingstown
VEN | Venezuela; Bolivarian Republic of Venezuela | Venezuelan | Venezuelans | Caracas; Miraflores; Miraflores Palace
VGB | British Virgin Islands; BVI | British Virgin Islander | British Virgin Islanders | Road Town
VIR | U.S. Virgin Islands; US Virgin Islands; United States Virgin Islands; Virgin Islands of the United States; USVI | U.S. Virgin Islander | U.S. Virgin Islanders | Charlotte Amalie
VNM | Vietnam; Viet Nam; Socialist Republic of Vietnam | Vietnamese | Vietnamese people | Hanoi
VUT | Vanuatu | Vanuatuan; Ni-Vanuatu | Ni-Vanuatu people; Vanuatuans | Port Vila
WLF | Wallis and Futuna | Wallisian; Futunan | Wallisians; Futunans | Mata-Utu
WSM | Samoa; Independent State of Samoa | Samoan | Samoans | Apia
YEM | Yemen; Republic of Yemen | Yemeni | Yemenis | Sanaa; Sana'a; Aden
ZAF | South Africa; Republic of South Africa; RSA | South African | South Africans | Pretoria; Cape Town; Union Buildings
ZMB | Zambia | Zambian | Zambians | Lusaka
ZWE | Zimbabwe | Zimbabwean | Zimbabweans | Harare
XKX | Kosovo; Republic of Kosovo | Kosovar; Kosovan | Kosovars; Kosovans | Pristina; Prishtina
"""

HEADER = """\
# countries.txt -- every ISO 3166-1 country and territory, plus Kosovo (CAMEO KSV).
#
#   ISO3 | ISO2 | CAMEO | names | adjectives | people | capitals and seats of government
#
# Generated by tools/gen_countries.py; edit FACTS there and regenerate rather than editing here.
# Sources: ISO 3166-1 codes and ISO short/official names via the pycountry package (version {version});
# common names, former names still used in news, adjectives, plural demonyms, capitals and
# seats of government are general facts written for this project. CAMEO differs from ISO3 only
# for Romania (ROM) and Kosovo (KSV; not in ISO 3166-1, user-assigned XK/XKX).
# The first name is the display name. Empty fields are allowed (uninhabited territories have no
# people or capital). Phrases are matched case- and accent-insensitively (see README.md), so
# spellings that differ only in case or accents are listed once. Every phrase belongs to one line.
"""


def fold(phrase):
    """Matching key: accents, case and curly quotes folded, hyphens as words."""
    s = phrase.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("-", " - ")
    return " ".join(s.split())


def clean_iso_name(name):
    """ISO names usable as phrases: skip inverted or parenthesised forms."""
    if not name or "," in name or "(" in name:
        return None
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def dedup(items, key=None):
    """The items in order, without blanks and without repeats under `key` (default: fold)."""
    key = key or fold
    seen, out = set(), []
    for it in items:
        it = it.strip()
        if not it:
            continue
        k = key(it)
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


def split_list(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def parse_facts():
    facts = {}
    for n, line in enumerate(FACTS.strip().splitlines(), 1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            sys.exit(f"FACTS line {n}: expected 5 fields: {line!r}")
        iso3 = parts[0]
        if iso3 in facts:
            sys.exit(f"FACTS line {n}: duplicate {iso3}")
        facts[iso3] = [split_list(p) for p in parts[1:]]
    return facts


def main():
    facts = parse_facts()
    rows = []
    for c in pycountry.countries:
        rows.append((c.alpha_3, c.alpha_2, CAMEO.get(c.alpha_3, c.alpha_3),
                     [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]))
    for iso3, iso2, cameo in EXTRA:
        rows.append((iso3, iso2, cameo, []))

    errors = []
    missing = [r[0] for r in rows if r[0] not in facts]
    extra = sorted(set(facts) - {r[0] for r in rows})
    if missing:
        errors.append(f"no FACTS for {missing}")
    if extra:
        errors.append(f"FACTS for unknown codes {extra}")

    out = [HEADER.format(version=getattr(pycountry, "__version__", "?"))]
    owner = {}  # folded phrase -> ISO3
    iso3_seen = set()
    for iso3, iso2, cameo, iso_names in sorted(rows):
        if iso3 not in facts:
            continue
        names, adjs, people, caps = facts[iso3]
        iso_names = [n for n in iso_names if n not in ISO_NAMES_LEFT_OUT.get(iso3, ())]
        names = dedup(names + [n for n in map(clean_iso_name, iso_names) if n])
        adjs, people, caps = dedup(adjs), dedup(people), dedup(caps)
        if not names:
            errors.append(f"{iso3}: empty names")
        if iso3 in iso3_seen:
            errors.append(f"{iso3}: duplicate ISO3")
        iso3_seen.add(iso3)
        # A phrase belongs to one country and one field.
        for field, phrases in (("names", names), ("adjectives", adjs), ("people", people), ("capitals", caps)):
            for p in phrases:
                if any(ch in p for ch in "|;#"):
                    errors.append(f"{iso3}: bad character in {p!r}")
                k = fold(p)
                prev = owner.get(k)
                if prev:
                    errors.append(f"{p!r} in {iso3} {field} and {prev[0]} {prev[1]}")
                owner[k] = (iso3, field)
        fields = [iso3, iso2, cameo, "; ".join(names), "; ".join(adjs), "; ".join(people), "; ".join(caps)]
        line = " | ".join(fields)
        if len(line.split(" | ")) != 7:
            errors.append(f"{iso3}: field count")
        out.append(line)

    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        sys.exit(1)
    sys.stdout.write("\n".join(out) + "\n")
    print(f"{len(out) - 1} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
