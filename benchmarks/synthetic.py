"""Deterministic synthetic catalogues for the benchmark, written to the catalogue contract.

Sizes: S is a copy of the default catalogue (``catalogues/``); M and L are generated from a
fixed German word list with a seeded random generator, so the same size always gives the
same bytes. The catalogues are valid and free of quality warnings (``handbook validate
--strict`` passes): every competency is needed, every role stands on exactly one career path,
targets rise by at most one level per step and indicators differ from each other.

Usage: ``python benchmarks/synthetic.py M /tmp/catalogue-m``.
"""

from __future__ import annotations

import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOGUE = PROJECT / "catalogues"
LEVELS = 5
SEED = 20260101


@dataclass(frozen=True)
class Size:
    """How big a synthetic catalogue is."""

    name: str
    roles: int
    competencies: int
    per_role: int
    families: int
    paths: int
    groups: int


SIZES = {
    "M": Size("M", roles=200, competencies=150, per_role=40, families=8, paths=50, groups=10),
    "L": Size("L", roles=1000, competencies=400, per_role=40, families=40, paths=250, groups=20),
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NOUNS = _words(
    """
Angebot Ablauf Analyse Anforderung Arbeitsplan Auftrag Auswertung Beratung Bericht
Besprechung Bestand Budget Datenbasis Dienstleistung Dokumentation Einkauf Entscheidung
Entwicklung Ergebnis Erfahrung Fachwissen Feedback Forderung Gespräch Grundlage Kennzahl
Kunde Kundenbeziehung Lieferant Lösung Markt Maßnahme Methode Netzwerk Planung Priorität
Produkt Projekt Prozess Qualität Rahmenbedingung Reklamation Ressource Richtlinie Risiko
Schnittstelle Service Standard Steuerung Strategie Teamarbeit Termin Umsatz Unterlage
Veränderung Verantwortung Vereinbarung Vertrag Vertrieb Vorgabe Wettbewerb Zielgruppe
Zusammenarbeit Zuständigkeit
"""
)
VERBS = _words(
    """
analysiert bearbeitet begleitet beurteilt bewertet dokumentiert entwickelt erkennt
erläutert fördert gestaltet klärt koordiniert nutzt organisiert plant priorisiert prüft
steuert stimmt überprüft unterstützt verbessert verhandelt vermittelt verfolgt vertritt
wählt setzt sichert
"""
)
ADVERBS = _words(
    """
sorgfältig zügig verlässlich eigenständig vorausschauend termingerecht strukturiert
nachvollziehbar souverän kundenorientiert wirtschaftlich gezielt transparent sachlich
konsequent umsichtig
"""
)
ADJECTIVES = _words(
    """
neue bestehende interne externe komplexe regionale wichtige laufende strategische
operative digitale langfristige kurzfristige zentrale fachliche eigene
"""
)
FILLERS = _words(
    """
und mit für im bei nach über zu gemeinsam sowie
"""
)
LEVEL_TITLES = ("Junior", "", "Senior", "Lead", "Head of")
ROLE_NOUNS = _words(
    """
Referent Spezialist Berater Koordinator Manager Analyst Sachbearbeiter Entwickler Planer
Betreuer
"""
)
TOOLS = (
    "CRM-System",
    "ERP-System",
    "MS Office",
    "Ticketsystem",
    "BI-Dashboard",
    "Wiki",
    "Projektplan",
)
SKILLS = _words(
    """
Empathie Kommunikationsstärke Belastbarkeit Sorgfalt Teamfähigkeit Neugier
"""
)


def slug(text: str) -> str:
    """An id from a German word: lowercase ASCII letters and digits."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return "".join(c for c in text.lower().translate(table) if c.isascii() and c.isalnum())


class _Writer:
    """Builds the documents of one synthetic catalogue from a seeded random generator."""

    def __init__(self, size: Size) -> None:
        self.size = size
        self.rng = random.Random(f"{SEED}-{size.name}")

    def words(self, low: int, high: int) -> str:
        pool = (NOUNS, ADJECTIVES, FILLERS, NOUNS)
        return " ".join(
            self.rng.choice(self.rng.choice(pool)) for _ in range(self.rng.randint(low, high))
        )

    def sentence(self, low: int = 10, high: int = 18) -> str:
        text = (
            f"{self.rng.choice(VERBS)} {self.words(low - 2, high - 2)} {self.rng.choice(ADVERBS)}"
        )
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def indicator(self) -> str:
        return f"{self.rng.choice(VERBS)} {self.words(4, 9)} {self.rng.choice(ADVERBS)}"

    def handbook(self) -> dict[str, Any]:
        families = [
            {
                "id": f"familie-{slug(noun)}-{i + 1}",
                "name": f"{noun} {i + 1}",
                "description": self.paragraph(2),
            }
            for i, noun in enumerate(self.rng.sample(NOUNS, self.size.families))
        ]
        scale = {
            level: f"bringt dies {word} ein"
            for level, word in zip(
                range(1, LEVELS + 1),
                ("kaum", "selten", "regelmäßig", "meistens", "jederzeit"),
                strict=True,
            )
        }
        return {
            "title": f"Kompetenzhandbuch Synthetisch {self.size.name}",
            "organisation": "Beispiel GmbH",
            "language": "de",
            "version": "2026.1",
            "scale": scale,
            "families": families,
        }

    def groups(self) -> dict[str, dict[str, Any]]:
        """Group id -> group document; competency ids are numbered across all groups."""
        groups: dict[str, dict[str, Any]] = {}
        per_group = -(-self.size.competencies // self.size.groups)
        for number in range(self.size.competencies):
            index = number // per_group
            noun = NOUNS[index % len(NOUNS)]
            group = groups.setdefault(
                f"gruppe-{index + 1:02d}-{slug(noun)}",
                {
                    "name": f"{noun} und {NOUNS[(index * 7 + 3) % len(NOUNS)]}",
                    "description": self.paragraph(1),
                    "competencies": [],
                },
            )
            group["competencies"].append(self.competency(number))
        return groups

    def competency(self, number: int) -> dict[str, Any]:
        first, second = self.rng.choice(ADJECTIVES), self.rng.choice(NOUNS)
        return {
            "id": f"{slug(second)}-{number + 1:03d}",
            "name": f"{first.capitalize()} {second} {number + 1}",
            "summary": self.indicator(),
            "indicators": [self.indicator() for _ in range(self.rng.randint(3, 6))],
            "levels": {level: self.sentence(12, 20) for level in (1, 3, 5)},
        }

    def path_lengths(self) -> list[int]:
        """Steps per path (3 to 5) adding up to the number of roles."""
        lengths = [self.size.roles // self.size.paths] * self.size.paths
        for index in range(self.size.roles - sum(lengths)):
            lengths[index % len(lengths)] += 1
        for _ in range(self.size.paths):
            grow, shrink = self.rng.randrange(self.size.paths), self.rng.randrange(self.size.paths)
            if grow != shrink and lengths[grow] < 5 and lengths[shrink] > 3:
                lengths[grow] += 1
                lengths[shrink] -= 1
        return lengths

    def profiles(self, competency_ids: list[str]) -> list[list[str]]:
        """The competencies of each path: ``per_role`` each, every competency used at least once."""
        count = min(self.size.per_role, len(competency_ids))
        profiles = [self.rng.sample(competency_ids, count) for _ in range(self.size.paths)]
        uses = Counter(c for profile in profiles for c in profile)
        for missing in [c for c in competency_ids if not uses[c]]:
            while True:  # replace a competency that another path keeps
                profile = profiles[self.rng.randrange(len(profiles))]
                slot = self.rng.randrange(len(profile))
                if uses[profile[slot]] > 1:
                    break
            uses[profile[slot]] -= 1
            uses[missing] += 1
            profile[slot] = missing
        return profiles


def documents(size: Size) -> dict[str, Any]:
    """Relative file name -> YAML data of one synthetic catalogue."""
    writer = _Writer(size)
    handbook = writer.handbook()
    files: dict[str, Any] = {"handbook.yaml": handbook}
    groups = writer.groups()
    competency_ids = [c["id"] for group in groups.values() for c in group["competencies"]]
    for group_id, group in groups.items():
        files[f"competencies/{group_id}.yaml"] = group
    lengths = writer.path_lengths()
    profiles = writer.profiles(competency_ids)
    families = [family["id"] for family in handbook["families"]]
    number = 0
    for index, (length, profile) in enumerate(zip(lengths, profiles, strict=True)):
        family = families[index % len(families)]
        ids = [
            f"{slug(writer.rng.choice(ROLE_NOUNS))}-{number + step + 1:04d}"
            for step in range(length)
        ]
        number += length
        files.update(_path_roles(writer, family, ids, profile))
        files[f"paths/pfad-{index + 1:03d}.yaml"] = _path(writer, index, ids)
    return files


def _path_roles(writer: _Writer, family: str, ids: list[str], profile: list[str]) -> dict[str, Any]:
    """The role documents of one path: same competencies, targets rising step by step."""
    rng = writer.rng
    levels = {c: rng.randint(1, 3) for c in profile}
    topic = f"{rng.choice(NOUNS)} {rng.choice(NOUNS)}"
    files = {}
    for step, role_id in enumerate(ids):
        if step:
            levels = {c: min(LEVELS, level + rng.randint(0, 1)) for c, level in levels.items()}
        noun = role_id.split("-")[0].capitalize()
        title = " ".join(p for p in (LEVEL_TITLES[min(step, 4)], noun, topic, role_id[-4:]) if p)
        files[f"roles/{role_id}.yaml"] = {
            "title": title,
            "family": family,
            "rank": step + 1,
            "synonyms": [f"{noun} {rng.choice(NOUNS)}" for _ in range(rng.randint(0, 2))],
            "summary": writer.paragraph(2),
            "description": _description(writer),
            "responsibilities": [writer.indicator() for _ in range(rng.randint(5, 7))],
            "requirements": {
                "education": [writer.sentence(6, 12) for _ in range(rng.randint(1, 2))],
                "experience_years": 2 * step,
                "previous_roles": ids[step - 1 : step],
                "skills": rng.sample(SKILLS, rng.randint(2, 4)),
                "tools": rng.sample(TOOLS, rng.randint(2, 4)),
            },
            "salary": {
                "amount": 42000 + 9000 * step + rng.randrange(0, 5000, 500),
                "currency": "EUR",
                "period": "year",
                "note": "brutto, Durchschnitt",
            },
            **({"reports_to": ids[step + 1]} if step + 1 < len(ids) else {}),
            "competencies": dict(levels),
        }
    return files


def _description(writer: _Writer) -> str:
    """Two Markdown paragraphs, the second with a bold lead-in."""
    lead = writer.rng.choice(NOUNS)
    return f"{writer.paragraph(3)}\n\n**{lead}:** {writer.paragraph(2)}"


def _path(writer: _Writer, index: int, ids: list[str]) -> dict[str, Any]:
    steps: list[Any] = [ids[0]]
    for role_id in ids[1:]:
        steps.append(
            {
                "role": role_id,
                "typical_years": writer.rng.randint(1, 4),
                "note": writer.sentence(12, 22),
            }
        )
    return {
        "title": f"Laufbahn {writer.rng.choice(NOUNS)} {index + 1}",
        "description": writer.paragraph(2),
        "steps": steps,
    }


def write_catalogue(size: str | Size, root: Path) -> Path:
    """Write the catalogue of one size (S, M, L or a ``Size``) into ``root``, replacing it."""
    if root.exists():
        shutil.rmtree(root)
    if size == "S":
        shutil.copytree(DEFAULT_CATALOGUE, root)
        return root
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for name, data in documents(SIZES[size] if isinstance(size, str) else size).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(text, encoding="utf-8")
    return root


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("S", *SIZES):
        sys.exit("usage: synthetic.py S|M|L FOLDER")
    print(write_catalogue(sys.argv[1], Path(sys.argv[2])))
