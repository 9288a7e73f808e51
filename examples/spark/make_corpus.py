"""Writes a corpus of short news-like articles as palaver's JSONL records ({"id", "text", "date"}).

The sentences are this project's own templates, filled with actors and places palaver's
dictionaries know, and dated across several months of 2021, so that coded events fall into
several month partitions. With --bad, two records that cannot be coded are mixed in: a line of
malformed JSON and a record without a text.

    python examples/spark/make_corpus.py corpus.jsonl --count 400 --bad
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from typing import Dict, List

STATE_FORCES = [
    "Malian troops", "Nigerien soldiers", "Burkinabe forces", "Chadian troops", "the Nigerian army",
    "French forces", "Malian police", "Nigerien gendarmes",
]  # fmt: skip
ARMED_GROUPS = ["JNIM militants", "Islamic State fighters", "Boko Haram", "jihadist fighters", "armed bandits"]
OFFICIALS = [
    "the government of Mali", "Niger's foreign minister", "the African Union", "ECOWAS", "the United Nations",
    "the president of Burkina Faso", "the European Union", "Chad's prime minister",
]  # fmt: skip
TOWNS = [
    "Mopti", "Gao", "Kidal", "Timbuktu", "Djibo", "Dori", "Diffa", "Maiduguri", "Menaka", "Niono", "Bankass",
    "Tillaberi", "Fada N'Gourma", "Ansongo",
]  # fmt: skip
CAPITALS = ["Bamako", "Niamey", "Ouagadougou", "N'Djamena", "Abuja"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", ""]

# Each template is one sentence; {a} and {b} are actors, {g} an armed group, {o} and {p} officials.
TEMPLATES = [
    "{a} attacked {g} near {town} {day}.",
    "{g} ambushed a patrol of {a} on the road to {town}, killing {n} soldiers.",
    "Gunmen raided a village outside {town} {day}, and {n} civilians were killed.",
    "{o} and {p} signed an agreement on security cooperation in {capital}.",
    "{o} met {p} in {capital} {day} to discuss the border.",
    "{o} accused {g} of burning schools around {town}.",
    "{a} arrested {n} suspected members of {g} in {town} {day}.",
    "{o} promised food aid to families displaced from {town}.",
    "Hundreds of traders protested in {town} {day} against new taxes.",
    "{o} condemned the killing of {n} villagers near {town}.",
    "Heavy rain flooded several streets of {town} {day}.",
    "The weekly market in {town} reopened after a month of closure.",
    "{o} urged {g} to lay down their weapons.",
    "{a} shelled positions held by {g} east of {town}.",
    "A roadside bomb hit a convoy of {a} near {town} {day}.",
    "{o} praised {p} for its help with the elections.",
]


def article(i: int, rng: random.Random, start: datetime.date, days: int) -> Dict[str, str]:
    """One article of two to four sentences, dated within `days` days from `start`."""
    date = start + datetime.timedelta(days=rng.randrange(days))
    sentences: List[str] = []
    for template in rng.sample(TEMPLATES, rng.randint(2, 4)):
        o, p = rng.sample(OFFICIALS, 2)
        s = template.format(
            a=rng.choice(STATE_FORCES),
            g=rng.choice(ARMED_GROUPS),
            o=o,
            p=p,
            town=rng.choice(TOWNS),
            capital=rng.choice(CAPITALS),
            day=rng.choice(DAYS),
            n=rng.randint(2, 30),
        )
        s = s.replace(" .", ".").replace(" ,", ",")
        sentences.append(s[0].upper() + s[1:])
    return {"id": f"art-{i:05d}", "text": " ".join(sentences), "date": date.isoformat()}


def corpus(count: int, seed: int = 15, months: int = 8) -> List[Dict[str, str]]:
    """`count` articles dated over `months` months from January 2021."""
    rng = random.Random(seed)
    start = datetime.date(2021, 1, 1)
    return [article(i, rng, start, months * 30) for i in range(count)]


BAD_LINES = [
    '{"id": "broken-json", "text": "Malian troops attacked a camp near Gao.", "date": "2021-02-0',
    '{"id": "no-text", "date": "2021-02-03", "title": "A record with a title and no text"}',
]


def write(path: str, count: int, bad: bool, seed: int = 15) -> int:
    """Writes the corpus; the bad lines (with --bad) go after the first tenth. Returns lines written."""
    lines = [json.dumps(a, ensure_ascii=False) for a in corpus(count, seed)]
    if bad:
        at = max(1, count // 10)
        lines[at:at] = BAD_LINES
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", help="the JSONL file to write")
    parser.add_argument("--count", type=int, default=400, help="articles (default 400)")
    parser.add_argument("--bad", action="store_true", help="mix in a malformed line and a record without text")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    n = write(args.output, args.count, args.bad, args.seed)
    print(f"{n} lines written to {args.output}")


if __name__ == "__main__":
    main()
