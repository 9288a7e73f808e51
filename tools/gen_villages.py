#!/usr/bin/env python3
"""Generate palaver's village-level gazetteer for the Sahel (data/gazetteer/villages.tsv).

Usage:
    python3 tools/gen_villages.py [GAZETTEER_DIR]     # default: ../shared/gazetteer

Reads the GeoNames country dumps (geonames/ML.txt, BF.txt, NE.txt, MR.txt) and the Who's On First
localities in GeoNames' 19-column form (wof/NE.txt, TD.txt, NG.txt, MR.txt, CM.txt) and writes one
table in the column layout of data/gazetteer/places.tsv, so the lexicon reads both with one parser:

    geonameid  name  asciiname  alternatenames(;)  iso3  admin1_code  admin1_name  admin2_code
    latitude  longitude  population  feature_code

What is kept, and why:
- populated places (feature class P), except abandoned, historical and destroyed ones (PPLQ, PPLH,
  PPLW): the conflict's reports name villages;
- localities (L.LCTY): some villages exist only as a locality ("Inata");
- third-level divisions (A.ADM3, communes), since reports name communes by their seat's name;
- sites where people of the Sahel live, water their herds or camp, which reports name as they name
  villages ("near Djebok", "in Tahalt", "the Tessit camp"): wells, waterholes, ponds, lakes,
  marshes, wadis, salt pans, camps, ruins, depressions and islands (SITE_CODES). The lexicon takes a
  site only where no settlement of the story's countries bears its name: a report's "in Boni" is the
  village, never a well of that name.
Hills, dunes, streams and the rest are left out: events are seldom placed at them, and their names
would shadow villages abroad.

Rows sharing a geonameid (the 2014 GeoNames dumps of Niger and Mauritania and their Who's On First
localities) are merged: the GeoNames row's fields, the union of both rows' names, the larger
population. A row whose geonameid is also in places.tsv (cities500) is kept too: the lexicon adds
its names to the cities500 place rather than making a second place.

Alternate names: Latin-script only, at most 40 characters, no all-lowercase machine forms, one per
accent/case-folded form, not repeating the name; at most MAX_ALTERNATES per place.

admin1 names come from data/gazetteer/admin1.tsv (the same names the rest of the gazetteer uses),
joined on (country, GeoNames admin1 code). The script checks its output and exits non-zero on a
problem; it prints counts per country and the file's size. Sources and licences: ATTRIBUTION.md.
"""

import os
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer", "villages.tsv")
ADMIN1 = os.path.join(ROOT, "data", "gazetteer", "admin1.tsv")
MAX_ALTERNATES = 10
MAX_ALT_LEN = 40

# Files in the order they are read; for a shared geonameid the first file's fields win.
FILES = [
    "geonames/ML.txt",
    "geonames/BF.txt",
    "geonames/NE.txt",
    "geonames/MR.txt",
    "wof/NE.txt",
    "wof/MR.txt",
    "wof/TD.txt",
    "wof/NG.txt",
    "wof/CM.txt",
]
ISO3 = {"ML": "MLI", "BF": "BFA", "NE": "NER", "MR": "MRT", "TD": "TCD", "NG": "NGA", "CM": "CMR"}
SKIP_CODES = {"PPLQ", "PPLH", "PPLW"}
SITE_CODES = {
    ("H", "WLL"), ("H", "WLLQ"), ("H", "WTRH"), ("H", "PND"), ("H", "PNDI"), ("H", "LK"), ("H", "LKI"),
    ("H", "MRSH"), ("H", "WTLD"), ("H", "WTLDI"), ("H", "WAD"), ("H", "SBKH"), ("S", "CMP"), ("S", "RUIN"),
    ("T", "DPR"), ("T", "ISL"),
}
COLUMNS = ["geonameid", "name", "asciiname", "alternatenames", "iso3", "admin1_code", "admin1_name",
           "admin2_code", "latitude", "longitude", "population", "feature_code"]


def fold(s):
    """Accent-, case- and punctuation-folded form, for telling spellings apart."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isalnum())


def latin(s):
    """Whether every letter of a name is Latin script."""
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def keep(row):
    cls, code = row[6], row[7]
    if cls == "P":
        return code not in SKIP_CODES
    return (cls, code) in {("L", "LCTY"), ("A", "ADM3")} or (cls, code) in SITE_CODES


def in_region(lat, lon):
    """Whether a point lies in West and Central Africa, where every row of these files should."""
    return -5 <= lat <= 30 and -20 <= lon <= 30


def admin1_names():
    names = {}
    with open(ADMIN1, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            names[(c[0], c[1])] = c[2]
    return names


def read(path, problems):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            c = line.rstrip("\n").split("\t")
            if len(c) != 19:
                problems.append(f"{path}:{n}: {len(c)} columns, expected 19")
                continue
            yield c


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "gazetteer")
    regions = admin1_names()
    problems = []
    places = {}  # key -> dict
    order = []
    synthetic = 0
    misplaced = []
    for rel in FILES:
        path = os.path.join(src, rel)
        for c in read(path, problems):
            if not keep(c):
                continue
            iso3 = ISO3.get(c[8])
            if iso3 is None:
                continue  # a row of a neighbouring country's file
            gid = int(c[0] or 0)
            if gid == 0:
                synthetic += 1
                key = ("wof", rel, synthetic)
            else:
                key = gid
            names = [c[1], c[2]] + [a for a in c[3].split(",") if a]
            pop = int(c[14] or 0)
            if key in places:
                p = places[key]
                p["names"].extend(names)
                p["population"] = max(p["population"], pop)
                # a place near a border that one file gives a region the country lacks is the
                # other file's ("Toulfé": Mali's file, Burkina Faso's region 12)
                named = regions.get((iso3, c[10]), "")
                if named and not p["admin1_name"]:
                    p.update(iso3=iso3, admin1_code=c[10], admin1_name=named, admin2_code=c[11])
                continue
            try:
                lat, lon = float(c[4]), float(c[5])
            except ValueError:
                problems.append(f"{path}: geonameid {c[0]}: coordinates {c[4]!r}, {c[5]!r}")
                continue
            if (c[6], c[7]) in SITE_CODES and not in_region(lat, lon):
                misplaced.append(f"{rel}: {c[0]} {c[1]}")  # a site filed under the wrong country
                continue
            places[key] = {
                "geonameid": gid,
                "name": c[1],
                "asciiname": c[2] or c[1],
                "names": names,
                "iso3": iso3,
                "admin1_code": c[10],
                "admin1_name": regions.get((iso3, c[10]), ""),
                "admin2_code": c[11],
                "lat": lat,
                "lon": lon,
                "population": pop,
                "feature_code": c[7],
            }
            order.append(key)
    rows = []
    for key in order:
        p = places[key]
        seen = {fold(p["name"])}
        alts = []
        for a in p["names"]:
            a = a.strip()
            f = fold(a)
            if (not f or f in seen or len(a) > MAX_ALT_LEN or not latin(a) or a == a.lower()
                    or ";" in a or "\t" in a):
                continue
            seen.add(f)
            alts.append(a)
        rows.append([
            str(p["geonameid"]), p["name"], p["asciiname"], ";".join(alts[:MAX_ALTERNATES]), p["iso3"],
            p["admin1_code"], p["admin1_name"], p["admin2_code"], f"{p['lat']:.4f}", f"{p['lon']:.4f}",
            str(p["population"]), p["feature_code"],
        ])
    rows.sort(key=lambda r: (r[4], r[1], int(r[0])))
    for r in rows:
        if len(r) != len(COLUMNS) or any("\t" in x or "\n" in x for x in r):
            problems.append(f"bad row {r[:2]}")
        lat, lon = float(r[8]), float(r[9])
        if not in_region(lat, lon):
            problems.append(f"{r[0]} {r[1]}: ({lat}, {lon}) is outside West and Central Africa")
    if problems:
        for p in problems[:20]:
            print("problem:", p, file=sys.stderr)
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# palaver gazetteer: villages, localities, communes and sites (wells, camps, wadis) of Mali, Burkina Faso, Niger, Mauritania, "
                "Chad, Nigeria and Cameroon. Data: GeoNames (CC BY 4.0; the 2014 Niger and Mauritania dumps CC BY 3.0) "
                "and Who's On First (CC0, with GeoNames fields under CC BY 4.0). See ATTRIBUTION.md.\n")
        f.write("# Generated by tools/gen_villages.py; a geonameid also in places.tsv adds names to that place; "
                "geonameid 0 = none known. alternatenames: Latin-script, ';'-separated, at most "
                f"{MAX_ALTERNATES}.\n")
        f.write("# " + "\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    counts = Counter(r[4] for r in rows)
    missing = sum(1 for r in rows if not r[6])
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"total={len(rows)}",
          f"no_admin1_name={missing}", f"bytes={os.path.getsize(OUT)}",
          f"sites_dropped_outside_region={len(misplaced)}")


if __name__ == "__main__":
    main()
