"""Content checks for the realistic German fixture, a frozen copy of the shipped catalogue
(``tests/fixtures/default``) that page, sheet and path tests rely on.

These tests read the YAML files directly with PyYAML, independent of the project's loader,
so they guard what those tests assume: the competency model it is based on, the roles'
targets along the career paths and the facts taken over for the Account Supervisor.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml

CATALOGUE = Path(__file__).resolve().parent / "fixtures" / "default"

SEED_COMPETENCIES = [
    "Verbale Kommunikationsfähigkeiten",
    "Schriftliche Kommunikationsfähigkeiten",
    "Schreibkompetenz",
    "Präsentationen",
    "Überzeugungsfähigkeit",
    "Besprechungen",
    "Krisenbewältigung",
    "Stressmanagement",
    "Ideen und Innovation",
    "Veränderungsmanagement",
    "Öffentlichkeitsarbeit",
    "Zusammenarbeit mit Geschäftspartnern",
    "Kundenbeziehungen",
    "Kollegialität",
    "Teamgeist",
    "Aufbau und Pflege von Netzwerken",
    "Personalrekrutierung, -auswahl und -einstellung",
    "Personalentwicklung",
    "Mitarbeiterführung",
    "Teamführung",
    "Strategische Planung",
    "Zielsetzung und Prioritäten",
    "Umsetzung von Plänen",
    "Vertriebs- und Marketingcontrolling",
    "Qualitative Arbeitsleistung",
    "Budgetmanagement",
    "Arbeitseinstellung",
    "Entwicklungsbereitschaft",
    "Produktkenntnisse",
    "Kennzahlen",
    "MS-Office",
    "Enterprise-Resource-Planning (ERP)",
    "Unternehmensspezifische Software",
    "Datenschutz und Informationssicherheit",
    "Datenkompetenz (Data Literacy)",
]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _documents(folder: str) -> dict[str, Any]:
    return {path.stem: _load(path) for path in sorted((CATALOGUE / folder).glob("*.yaml"))}


@pytest.fixture(scope="module")
def competencies() -> list[dict[str, Any]]:
    groups = _documents("competencies")
    return [competency for group in groups.values() for competency in group["competencies"]]


@pytest.fixture(scope="module")
def roles() -> dict[str, dict[str, Any]]:
    return _documents("roles")


@pytest.fixture(scope="module")
def paths() -> dict[str, list[str]]:
    return {
        path_id: [step if isinstance(step, str) else step["role"] for step in path["steps"]]
        for path_id, path in _documents("paths").items()
    }


def test_all_seed_competencies_present(competencies: list[dict[str, Any]]) -> None:
    """Assert that the catalogue holds exactly the 35 competencies of the seed model."""
    names = [competency["name"] for competency in competencies]
    assert sorted(names) == sorted(SEED_COMPETENCIES)
    ids = [competency["id"] for competency in competencies]
    assert len(set(ids)) == len(ids) == 35


def test_indicator_total(competencies: list[dict[str, Any]]) -> None:
    """Assert that the competencies carry 150 behavioural indicators in total, like the seed."""
    assert sum(len(competency["indicators"]) for competency in competencies) == 150


def test_every_competency_used_and_every_role_on_a_path(
    competencies: list[dict[str, Any]],
    roles: dict[str, dict[str, Any]],
    paths: dict[str, list[str]],
) -> None:
    """Assert that every competency is a target of some role and every role is on a path."""
    used = {competency_id for role in roles.values() for competency_id in role["competencies"]}
    assert {competency["id"] for competency in competencies} - used == set()
    on_path = {role_id for steps in paths.values() for role_id in steps}
    assert set(roles) - on_path == set()


def test_targets_never_fall_and_rise_gently_along_paths(
    roles: dict[str, dict[str, Any]], paths: dict[str, list[str]]
) -> None:
    """Assert that shared targets never fall and rise by at most two levels per path step."""
    problems = []
    for path_id, steps in paths.items():
        for before, after in pairwise(steps):
            earlier, later = roles[before]["competencies"], roles[after]["competencies"]
            for competency_id in sorted(set(earlier) & set(later)):
                if not 0 <= later[competency_id] - earlier[competency_id] <= 2:
                    problems.append(
                        f"{path_id}: {competency_id} {before}={earlier[competency_id]}"
                        f" -> {after}={later[competency_id]}"
                    )
    assert problems == []


def test_account_supervisor_carries_seed_facts(roles: dict[str, dict[str, Any]]) -> None:
    """Assert that the Account Supervisor carries the facts of the seed role profile."""
    supervisor = roles["account-supervisor"]
    assert supervisor["title"] == "Account Supervisor"
    assert supervisor["salary"]["amount"] == 91500
    assert supervisor["salary"]["currency"] == "EUR"
    assert supervisor["salary"]["period"] == "year"
    assert supervisor["requirements"]["experience_years"] == 4
    assert set(supervisor["synonyms"]) >= {
        "Account Management Supervisor",
        "Teamlead Account Management",
        "Head of Account Management",
        "Head of Partner Management",
    }
    assert set(supervisor["requirements"]["previous_roles"]) == {
        "account-executive",
        "senior-account-executive",
        "account-manager",
    }
    assert "reports_to" not in supervisor
    assert roles["account-representative"]["reports_to"] == "account-supervisor"
    assert roles["account-manager"]["reports_to"] == "account-supervisor"
