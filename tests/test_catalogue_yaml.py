"""The model as YAML files (render/catalogue_yaml.py): readable, and read back exactly, by
this project's loader and by any YAML reader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.tree import Mapping, Scalar, parse
from generator.pipeline import load_handbook
from generator.render.catalogue_yaml import catalogue_files, dump, inline

PROJECT = Path(__file__).resolve().parents[1]
EVERY_FIELD = PROJECT / "tests" / "fixtures" / "every-field-en"


def read_back(text: str) -> Scalar:
    """The scalar of ``k: <text>`` as the catalogue loader reads it."""
    tree = parse(dump({"k": text}), "t.yaml", [])
    assert isinstance(tree, Mapping)
    [(_, value)] = tree.entries
    assert isinstance(value, Scalar)
    return value


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("no", "'no'"),
        ("yes", "'yes'"),
        ("off", "'off'"),
        ("2026.10", "'2026.10'"),
        ("1e3", "'1e3'"),
        ("0x1F", "'0x1F'"),
        ("12:30", "'12:30'"),
        ("2026-01-01", "'2026-01-01'"),
        ("~", "'~'"),
        ("null", "'null'"),
        (".inf", "'.inf'"),
        ("- a dash", "'- a dash'"),
        ("key: value", "'key: value'"),
        ("text # not a comment", "'text # not a comment'"),
        ("it's", "it's"),
        ("'quoted'", "'''quoted'''"),
        ("Müller & Söhne", "Müller & Söhne"),
        ("account-manager", "account-manager"),
        ("tab\tand bell\a", '"tab\\tand bell\\a"'),
    ],
)
def test_text_another_reader_would_change_is_quoted(text: str, written: str) -> None:
    """Assert that text YAML 1.1 or 1.2 would read as a boolean, number, date or nothing is
    quoted, and other text is written plain."""
    assert inline(text) == written
    assert yaml.safe_load(f"k: {written}") == {"k": text}
    scalar = read_back(text)
    assert (scalar.text, scalar.is_null) == (text, False)


def test_several_lines_are_a_block_and_a_long_line_is_folded() -> None:
    """Assert that text over several lines is a '|' block and a long line a '>' block
    whose lines fit the width."""
    markdown = "Plans their own work:\n\n- estimates it\n- delivers it"
    assert dump({"k": markdown}) == (
        "k: |\n  Plans their own work:\n\n  - estimates it\n  - delivers it\n"
    )
    long = " ".join(["word"] * 40)
    lines = dump({"summary": long}).splitlines()
    assert lines[0] == "summary: >" and all(len(line) < 92 for line in lines)
    assert read_back(long).text.strip() == long


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1).map(str.strip).filter(bool))
def test_any_text_reads_back_as_written(text: str) -> None:
    """Assert that any text of a catalogue (stripped, as the validator keeps it) is written
    so that YAML readers and the catalogue loader give back exactly that text."""
    written = dump({"k": text})
    assert yaml.safe_load(written)["k"].strip() == text
    scalar = read_back(text)
    assert scalar.text.strip() == text and not scalar.is_null


def test_files_read_like_a_person_wrote_them() -> None:
    """Assert that a role file has its fields in the README's order, its targets under
    their group's name and a comment that says what they are."""
    files = catalogue_files(load_handbook(EVERY_FIELD))
    assert files["roles/senior.yaml"] == (
        "title: Senior Builder\n"
        "family: craft\n"
        "rank: 2\n"
        "synonyms:\n"
        "  - Tech lead\n"
        "summary: Builds what matters, and helps others build.\n"
        "responsibilities:\n"
        "  - designs larger changes\n"
        "requirements:\n"
        "  experience_years: 4\n"
        "  previous_roles:\n"
        "    - junior\n"
        "salary:\n"
        "  amount: 6500.75\n"
        "  currency: EUR\n"
        "  period: month\n"
        "reports_to: lead\n"
        "competencies:  # competency id: target level, or level and expects\n"
        "  # People\n"
        "  mentoring: 2\n"
        "  # Building\n"
        "  delivery:\n"
        "    level: 4\n"
        "    expects: |\n"
        "      Delivers across teams:\n"
        "\n"
        "      - plans releases\n"
        "      - removes what blocks others\n"
        "  review: 4\n"
        "  on-call:\n"
        "    level: 2\n"
        "    expects: Leads incidents.\n"
    )
    assert files["paths/fast-track.yaml"] == (
        "title: Fast track\n"
        "steps:  # lowest first\n"
        "  - junior\n"
        "  - role: senior\n"
        "    note: For those who came with experience.\n"
        "accept:\n"
        "  - warning: target-jump\n"
        "    competency: delivery\n"
        "    reason: The same jump as on the builder path.\n"
    )
    assert (
        "scale:  # level: its label, or label and description\n  1: Novice\n  2: ~\n"
        in (files["handbook.yaml"])
    )
    assert sorted(files) == [
        "competencies/building.yaml",
        "competencies/extras.yaml",
        "competencies/people.yaml",
        "handbook.yaml",
        "paths/builder.yaml",
        "paths/fast-track.yaml",
        "roles/junior.yaml",
        "roles/lead.yaml",
        "roles/senior.yaml",
    ]


def test_comments_speak_the_catalogue_language() -> None:
    """Assert that a German catalogue's files carry German comments."""
    files = catalogue_files(load_handbook(PROJECT / "catalogues"))
    assert "competencies:  # Kompetenz-Kennung: Soll-Niveau" in files["roles/account-manager.yaml"]
    assert "  # Kommunikation\n  verbale-kommunikation: 4\n" in files["roles/account-manager.yaml"]


def test_flow_list_items_are_quoted_where_a_comma_or_bracket_would_end_them() -> None:
    """Assert that a word for a flow list (``terms: role: [Job level, Job levels]``) stays
    plain where it reads back as itself there, and is quoted where it would not."""
    from generator.render.catalogue_yaml import inline_in_flow

    assert inline_in_flow("Job level") == "Job level"
    assert inline_in_flow("R&D, Ops") == "'R&D, Ops'"
    assert inline_in_flow("Rolle [alt]") == "'Rolle [alt]'"
    assert inline_in_flow("yes") == inline("yes") != "yes"  # what YAML would misread
    for word in ("Job level", "R&D, Ops", "Rolle [alt]", "it's", "yes"):
        assert yaml.safe_load(f"[{inline_in_flow(word)}, x]") == [word, "x"]
