"""The loader: files of a catalogue root into located YAML trees, refusing what could expand.

Problems are asserted as exact ``PATH:LINE:COLUMN: message`` lines; most tests go through
``validate`` as ``handbook validate`` does, so that follow-up errors would show up too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.check.validate import validate
from generator.contract import MAX_DEPTH
from generator.load.catalogue import load
from generator.load.tree import Mapping, Scalar, Sequence

Catalogue = Callable[[dict[str, Any]], Path]

HANDBOOK = (
    "title: H\nlanguage: en\nscale:\n  1: low\n  2: high\nfamilies:\n  - id: team\n    name: Team\n"
)
GROUP = (
    "name: G\ncompetencies:\n  - id: speak\n    name: Speak\n    summary: s\n    indicators: [a]\n"
)
ROLE = "title: Junior\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n"
OTHER_ROLE = "title: Senior\nfamily: team\nsummary: s\ncompetencies:\n  speak: 2\n"
PATH = "title: P\nsteps:\n  - junior\n  - senior\n"
BASE: dict[str, Any] = {
    "handbook.yaml": HANDBOOK,
    "competencies/talk.yaml": GROUP,
    "roles/junior.yaml": ROLE,
    "roles/senior.yaml": OTHER_ROLE,
    "paths/career.yaml": PATH,
}


def problems(catalogue: Catalogue, changes: dict[str, Any], shown: str = "cat") -> list[str]:
    """Problem lines of the base catalogue with ``changes`` (None removes a file)."""
    files = {name: body for name, body in {**BASE, **changes}.items() if body is not None}
    return [str(p) for p in validate(load(catalogue(files), shown)).problems]


def test_base_is_valid(catalogue: Catalogue) -> None:
    """Assert that the base catalogue of these tests loads without any problem."""
    assert problems(catalogue, {}) == []


def test_documents_carry_kind_id_and_positions(catalogue: Catalogue) -> None:
    """Assert that each file becomes a document with its kind, id and located nodes."""
    result = load(catalogue(BASE), "cat")
    kinds = sorted((d.kind, d.id, d.location.path) for d in result.documents)
    assert kinds == [
        ("group", "talk", "cat/competencies/talk.yaml"),
        ("handbook", "handbook", "cat/handbook.yaml"),
        ("path", "career", "cat/paths/career.yaml"),
        ("role", "junior", "cat/roles/junior.yaml"),
        ("role", "senior", "cat/roles/senior.yaml"),
    ]
    role = next(d for d in result.documents if d.id == "junior").root
    assert isinstance(role, Mapping)
    key, value = role.entries[3]
    assert (key.text, key.location.line, key.location.column) == ("competencies", 4, 1)
    assert isinstance(value, Mapping)
    level = value.entries[0][1]
    assert isinstance(level, Scalar)
    assert (level.text, level.plain, str(level.location)) == (
        "1",
        True,
        "cat/roles/junior.yaml:5:10",
    )


def test_scalars_keep_their_text_and_quoting(catalogue: Catalogue) -> None:
    """Assert that scalars are the text written; quoted and block scalars are not plain."""
    text = "a: no\nb: 'no'\nc: 2026.10\nd: |\n  two\n  lines\ne: ~\nf: [1e3, 2026-01-01]\n"
    result = load(catalogue({"handbook.yaml": text}), "cat")
    root = result.documents[0].root
    assert isinstance(root, Mapping)
    values = {key.text: value for key, value in root.entries}
    assert [(values[k].text, values[k].plain) for k in "abcd"] == [  # type: ignore[union-attr]
        ("no", True),
        ("no", False),
        ("2026.10", True),
        ("two\nlines\n", False),
    ]
    assert isinstance(values["e"], Scalar) and values["e"].is_null
    items = values["f"]
    assert isinstance(items, Sequence)
    assert [item.text for item in items.items] == ["1e3", "2026-01-01"]  # type: ignore[union-attr]


# --- anchors, aliases, tags ----------------------------------------------------------------


def test_anchor_and_alias_are_rejected_each_where_written(catalogue: Catalogue) -> None:
    """Assert that an anchor and every alias of it are refused at their positions."""
    text = ROLE.replace("title: Junior", "title: &t Junior") + "description: *t\n"
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:1:8: YAML anchors (&name) are not allowed: write the value out",
        "cat/roles/junior.yaml:6:14: YAML aliases (*name) are not allowed: write the value out",
    ]


def test_file_with_anchor_still_gets_its_other_checks(catalogue: Catalogue) -> None:
    """Assert that an anchor, an alias and a tag do not hide the file's other problems: the
    file is checked as if the values were written out."""
    text = (
        ROLE.replace("title: Junior", "title: &t Junior").replace("summary: s", "summary: !x s")
        + "description: *t\ntargt: 3\n"
    )
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:1:8: YAML anchors (&name) are not allowed: write the value out",
        "cat/roles/junior.yaml:3:10: YAML tags (!x) are not allowed: write plain values",
        "cat/roles/junior.yaml:6:14: YAML aliases (*name) are not allowed: write the value out",
        "cat/roles/junior.yaml:7:1: unknown field 'targt': expected one of title, family, "
        "rank, synonyms, summary, description, responsibilities, requirements, salary, "
        "reports_to, competencies, accept",
    ]


def test_alias_without_anchor_is_rejected(catalogue: Catalogue) -> None:
    """Assert that an alias is refused even when its anchor is missing; without any anchor
    in the file the '*' was likely meant as text, and the message says to quote it."""
    text = ROLE + "description: *nowhere\n"
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:6:14: YAML aliases (*name) are not allowed: write the value out; "
        "if the '*' is part of the text, put the text in quotes"
    ]


def test_alias_bomb_is_rejected_fast(catalogue: Catalogue) -> None:
    """Assert that a billion-laughs document is refused at once, without expanding it."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 12):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    started = time.perf_counter()
    result = problems(catalogue, {"handbook.yaml": "\n".join(lines) + "\n"})
    assert time.perf_counter() - started < 1
    result = [line for line in result if ": note: " not in line]
    assert result[0] == (
        "cat/handbook.yaml:1:5: YAML anchors (&name) are not allowed: write the value out"
    )
    assert any("they expand to over 10000 values" in line for line in result)
    assert len(result) < 50


def test_python_tag_is_rejected_and_nothing_runs(catalogue: Catalogue, tmp_path: Path) -> None:
    """Assert that !!python/object/apply is refused and the command in it never runs."""
    marker = tmp_path / "pwned"
    text = ROLE.replace(
        "summary: s", f"summary: !!python/object/apply:os.system ['touch {marker}']"
    )
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:3:10: YAML tags (!!python/object/apply:os.system) are not "
        "allowed: write plain values",
        "cat/roles/junior.yaml:3:10: expected text, found a list",
    ]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("value", "shown"),
    [("!secret x", "!secret"), ("!!int 1", "!!int"), ("!!binary aGk=", "!!binary")],
)
def test_other_tags_are_rejected(catalogue: Catalogue, value: str, shown: str) -> None:
    """Assert that custom and standard non-text tags are refused, shown as written."""
    text = ROLE.replace("summary: s", f"summary: {value}")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        f"cat/roles/junior.yaml:3:10: YAML tags ({shown}) are not allowed: write plain values"
    ]


def test_tag_on_mapping_is_rejected(catalogue: Catalogue) -> None:
    """Assert that a tag on a mapping (e.g. !!python/object:...) is refused too, and the
    mapping is still checked as written."""
    text = "!!python/object:os.Foo\ntitle: x\n"
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:1:1: YAML tags (!!python/object:os.Foo) are not allowed: write "
        "plain values",
        "cat/roles/junior.yaml:1:1: missing required field 'competencies'",
        "cat/roles/junior.yaml:1:1: missing required field 'family'",
    ]


def test_str_tag_is_plain_text(catalogue: Catalogue) -> None:
    """Assert that !!str only marks text, which text fields accept."""
    text = ROLE.replace("summary: s", "summary: !!str 2026.10")
    result = validate(load(catalogue({**BASE, "roles/junior.yaml": text}), "cat"))
    assert result.problems == ()
    assert result.handbook is not None
    assert result.handbook.role("junior").summary == "2026.10"


# --- encodings and line ends -----------------------------------------------------------------


def test_invalid_utf8_names_line_and_column(catalogue: Catalogue) -> None:
    """Assert that a Latin-1 byte is reported at its line and column."""
    data = "title: Junior\nfamily: team\nsummary: Grüße\n".encode("latin-1")
    assert problems(catalogue, {"roles/junior.yaml": data}) == [
        "cat/roles/junior.yaml:3:12: file is not valid UTF-8 text: save it as UTF-8"
    ]


def test_invalid_utf8_after_bom_and_multibyte(catalogue: Catalogue) -> None:
    """Assert that the column counts characters, not bytes, and not the BOM."""
    data = "\ufefftitle: Jü".encode() + b"\xff\n"
    assert problems(catalogue, {"roles/junior.yaml": data}) == [
        "cat/roles/junior.yaml:1:10: file is not valid UTF-8 text: save it as UTF-8"
    ]


def test_bom_and_crlf_are_accepted_with_right_positions(catalogue: Catalogue) -> None:
    """Assert that a BOM and CRLF line ends load, and positions still match the editor's."""
    text = "\ufeff" + ROLE.replace("speak: 1", "speak: 1\n  speek: 7").replace("\n", "\r\n")
    assert problems(catalogue, {"roles/junior.yaml": text.encode()}) == [
        "cat/roles/junior.yaml:6:3: unknown competency 'speek': did you mean 'speak'?",
        "cat/roles/junior.yaml:6:10: target level 7 is outside the scale: expected a level from "
        "1 to 2",
    ]


def test_bom_and_crlf_text_has_no_stray_characters(catalogue: Catalogue) -> None:
    """Assert that neither the BOM nor carriage returns end up in the loaded text."""
    text = "\ufeff" + ROLE.replace("title: Junior", "title: Jo") + "description: |\n  a\n  b\n"
    result = validate(load(catalogue({**BASE, "roles/junior.yaml": text.replace("\n", "\r\n")})))
    assert result.handbook is not None
    role = result.handbook.role("junior")
    assert (role.title, role.description) == ("Jo", "a\nb")


def test_binary_data_is_refused(catalogue: Catalogue) -> None:
    """Assert that a NUL byte is reported at its position."""
    assert problems(catalogue, {"roles/junior.yaml": b"title: J\nfam\x00ily: x\n"}) == [
        "cat/roles/junior.yaml:2:4: file contains binary data"
    ]


# --- document shapes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "1:1: the file is empty: expected its fields, one 'key: value' per line"),
        (
            "# only a comment\n",
            "1:1: the file is empty: expected its fields, one 'key: value' per line",
        ),
        ("\ufeff\r\n", "1:1: the file is empty: expected its fields, one 'key: value' per line"),
        ("~\n", "1:1: expected a mapping (key: value), found nothing"),
        ("- title: Junior\n", "1:1: expected a mapping (key: value), found a list"),
        ("just text\n", "1:1: expected a mapping (key: value), found 'just text'"),
    ],
)
def test_empty_and_non_mapping_files(catalogue: Catalogue, body: str, message: str) -> None:
    """Assert that an empty file or a document that is no mapping is one clear error."""
    assert problems(catalogue, {"roles/junior.yaml": body}) == [f"cat/roles/junior.yaml:{message}"]


def test_several_documents_in_one_file(catalogue: Catalogue) -> None:
    """Assert that a second YAML document is refused at its start."""
    assert problems(catalogue, {"roles/junior.yaml": ROLE + "---\ntitle: Other\n"}) == [
        "cat/roles/junior.yaml:6:1: expected one YAML document, found several"
    ]


def test_explicit_document_markers_are_fine(catalogue: Catalogue) -> None:
    """Assert that one document between --- and ... is accepted."""
    assert problems(catalogue, {"roles/junior.yaml": "---\n" + ROLE + "...\n"}) == []


def test_nesting_depth_is_limited(catalogue: Catalogue) -> None:
    """Assert that nesting deeper than the limit is refused at the first node too deep."""
    deep = "description: " + "[" * 100 + "]" * 100 + "\n"
    started = time.perf_counter()
    assert problems(catalogue, {"roles/junior.yaml": ROLE + deep}) == [
        f"cat/roles/junior.yaml:6:{14 + MAX_DEPTH}: nesting is deeper than {MAX_DEPTH} levels"
    ]
    huge = "description: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert len(problems(catalogue, {"roles/junior.yaml": ROLE + huge})) == 1
    assert time.perf_counter() - started < 2


def test_nesting_at_the_limit_loads(catalogue: Catalogue) -> None:
    """Assert that the loader itself accepts nesting up to the limit."""
    nested = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    result = load(catalogue({"handbook.yaml": nested}), "cat")
    assert result.problems == ()


def test_invalid_yaml_names_position(catalogue: Catalogue) -> None:
    """Assert that a YAML syntax error names the line and column the parser stopped at."""
    assert problems(catalogue, {"roles/junior.yaml": "title: J\nfamily: [team\nsummary: s\n"}) == [
        "cat/roles/junior.yaml:3:8: invalid YAML: did not find expected ',' or ']'"
    ]


SYNTAX_HINTS = {
    "key without colon": (
        ROLE.replace("summary: s", "summary Solves cases"),
        "3:1: invalid YAML: a colon is missing after the key: write 'summary: Solves cases'",
    ),
    "key without colon before a key": (
        ROLE.replace("title: Junior", "title Junior"),
        "1:1: invalid YAML: a colon is missing after the key: write 'title: Junior'",
    ),
    "list item without space": (
        ROLE + "responsibilities:\n  - plans\n  -records cases\nrank: 1\n",
        "8:3: invalid YAML: a list item needs a space after '-': write '- records cases'",
    ),
    "unclosed double quote": (
        ROLE.replace("summary: s", 'summary: "Answers requests') + "rank: 1\n",
        '3:10: invalid YAML: this quotation mark (") is never closed: end the text with "',
    ),
    "apostrophe in single quotes": (
        ROLE.replace("summary: s", "summary: 'the customers' requests'"),
        "3:10: invalid YAML: the text in quotes ends at its second ', before the line does: "
        "inside '…' write an apostrophe twice ('') or put the text in double quotes",
    ),
    "markdown emphasis first": (
        ROLE.replace("summary: s", "summary: *Leads* a team"),
        "3:10: invalid YAML: YAML reads text that starts with '*' as an alias: put the text "
        "in quotes (summary: '*Leads* a team')",
    ),
    "at sign first": (
        ROLE + "responsibilities:\n  - @mentions colleagues\n",
        "7:5: invalid YAML: YAML reserves '@' at the start of text: put the text in quotes "
        "(- '@mentions colleagues')",
    ),
    "entry indented by one more space": (
        ROLE.replace("  speak: 1\n", "   speak: 1\n  listen: 2\n"),
        "6:3: invalid YAML: line 5 is indented by 3 spaces and line 6 by 2: entries of the "
        "same list or mapping start in the same column",
    ),
    "entry indented under a value": (
        ROLE.replace("  speak: 1\n", "  speak: 1\n    listen: 2\n"),
        "6:5: invalid YAML: line 6 is indented more than line 5, which has its value already: "
        "start it in the same column as line 5",
    ),
}


@pytest.mark.parametrize("case", sorted(SYNTAX_HINTS))
def test_syntax_error_names_the_line_to_fix_and_what_to_write(
    catalogue: Catalogue, case: str
) -> None:
    """Assert that the mistakes HR makes most in YAML are reported on the line where they
    are (not where PyYAML noticed them), with what to write instead."""
    text, expected = SYNTAX_HINTS[case]
    assert problems(catalogue, {"roles/junior.yaml": text}) == [f"cat/roles/junior.yaml:{expected}"]


def test_text_after_hash_is_named_as_a_comment_with_a_hint_to_quote(catalogue: Catalogue) -> None:
    """Assert that `title: #1 Agent` (a comment to YAML, so no title) says why the value is
    missing and how to write it; an empty value with a comment about it says no more."""
    text = ROLE.replace("title: Junior", "title: #1 Agent's job")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:1:7: 'title' needs a value: expected text; YAML reads text "
        "from a '#' after a space as a comment: put the text in quotes "
        "(title: '#1 Agent''s job')"
    ]
    text = ROLE.replace("title: Junior", "title: #")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:1:7: 'title' needs a value: expected text"
    ]


def test_ampersand_starting_text_is_an_anchor_with_a_hint_to_quote(catalogue: Catalogue) -> None:
    """Assert that `- &more than 20 calls` (an anchor to YAML) says to quote the text."""
    text = ROLE + "responsibilities:\n  - &more than 20 calls a day\n"
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:7:5: YAML anchors (&name) are not allowed: write the value out; "
        "if the '&' is part of the text, put the text in quotes"
    ]


TAB_MESSAGE = "invalid YAML: a tab character, which YAML does not allow here: indent with spaces"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title: J\n\tfamily: team\n", "2:1"),  # PyYAML: "... violates indentation"
        ("title: J\ncompetencies:\n\treden: 1\n", "3:1"),  # "... cannot start any token"
    ],
)
def test_tab_is_named_with_spaces_as_the_fix(catalogue: Catalogue, text: str, where: str) -> None:
    """Assert that a tab in YAML is named as a tab, with the advice to use spaces."""
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        f"cat/roles/junior.yaml:{where}: {TAB_MESSAGE}"
    ]


def test_key_must_be_text(catalogue: Catalogue) -> None:
    """Assert that a list used as a key is refused at the key."""
    assert problems(catalogue, {"roles/junior.yaml": "? [a, b]\n: c\n"}) == [
        "cat/roles/junior.yaml:1:3: a key must be plain text, not a list or mapping"
    ]


# --- the catalogue's files ------------------------------------------------------------------


def test_missing_handbook(catalogue: Catalogue) -> None:
    """Assert that a root without handbook.yaml says so, without follow-up errors."""
    assert problems(catalogue, {"handbook.yaml": None}) == [
        "cat/handbook.yaml:1:1: missing file: every catalogue needs a handbook.yaml"
    ]


def test_handbook_yml_is_accepted(catalogue: Catalogue) -> None:
    """Assert that handbook.yml works like handbook.yaml."""
    assert problems(catalogue, {"handbook.yaml": None, "handbook.yml": HANDBOOK}) == []


def test_handbook_yaml_and_yml_together(catalogue: Catalogue) -> None:
    """Assert that handbook.yaml and handbook.yml side by side are refused."""
    assert problems(catalogue, {"handbook.yml": HANDBOOK}) == [
        "cat/handbook.yml:1:1: duplicate file: use handbook.yaml or .yml, not both"
    ]


def test_other_files_are_ignored(catalogue: Catalogue) -> None:
    """Assert that non-YAML files and hidden files in the folders are not read."""
    changes = {"roles/README.md": "notes", "roles/.draft.yaml": "{{ not yaml", "notes.txt": "x"}
    assert problems(catalogue, changes) == []


def test_file_where_folder_belongs(catalogue: Catalogue) -> None:
    """Assert that a file named like a kind folder is reported."""
    changes = {"roles/junior.yaml": None, "roles/senior.yaml": None, "paths/career.yaml": None}
    root = catalogue({k: v for k, v in {**BASE, **changes}.items() if v is not None})
    (root / "roles").write_text("x", encoding="utf-8")
    lines = [str(p) for p in validate(load(root, "cat")).problems]
    assert lines == ["cat/roles:1:1: expected a folder"]


def test_root_that_does_not_exist(tmp_path: Path) -> None:
    """Assert that a missing root is one problem naming the path as given."""
    result = load(tmp_path / "nowhere", "nowhere")
    assert [str(p) for p in result.problems] == [
        "nowhere:1:1: the catalogue root does not exist: expected a folder with a handbook.yaml"
    ]


def test_root_that_is_a_file(tmp_path: Path) -> None:
    """Assert that a root that is a file is refused."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = load(tmp_path / "file", "file")
    assert [str(p) for p in result.problems] == [
        "file:1:1: the catalogue root is not a folder: expected a folder with a handbook.yaml"
    ]


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("cat", "cat/roles/junior.yaml"),
        ("./cat/", "./cat/roles/junior.yaml"),
        (".", "roles/junior.yaml"),
    ],
)
def test_path_shown_as_given(catalogue: Catalogue, shown: str, expected: str) -> None:
    """Assert that problem paths start with the root exactly as given on the command line."""
    text = ROLE + "titel: x\n"
    assert problems(catalogue, {"roles/junior.yaml": text}, shown) == [
        f"{expected}:6:1: unknown field 'titel': did you mean 'title'?"
    ]


def test_symlink_out_of_root_is_refused(catalogue: Catalogue, tmp_path: Path) -> None:
    """Assert that a catalogue file linking outside the root is not read."""
    root = catalogue(BASE)
    outside = tmp_path / "outside.yaml"
    outside.write_text(OTHER_ROLE, encoding="utf-8")
    (root / "roles" / "senior.yaml").unlink()
    (root / "roles" / "senior.yaml").symlink_to(outside)
    lines = [str(p) for p in validate(load(root, "cat")).problems]
    assert lines == ["cat/roles/senior.yaml:1:1: refusing a link that points outside the catalogue"]


# --- files nothing would read ---------------------------------------------------------------


def test_files_an_author_meant_to_be_read_are_errors(catalogue: Catalogue) -> None:
    """Assert that a role beside handbook.yaml, in a misspelt folder, in a folder inside
    roles/ or with an upper-case ending is an error saying where it belongs, instead of
    vanishing from the handbook."""
    assert problems(
        catalogue,
        {
            "lead.yaml": ROLE,
            "role/coach.yaml": ROLE,
            "Competencys/x.yaml": GROUP,
            "roles/service/agent.yaml": ROLE,
            "roles/lead.YAML": ROLE,
            "pages/guide.MD": "---\ntitle: G\n---\n",
        },
    ) == [
        "cat/Competencys:1:1: folder 'Competencys' is not read: did you mean 'competencies'?",
        "cat/lead.yaml:1:1: file is not read: only handbook.yaml is read here; a role, "
        "competency group or career path belongs in roles/, competencies/ or paths/",
        "cat/pages/guide.MD:1:1: rename the file to 'guide.md': only lower-case endings are read",
        "cat/role:1:1: folder 'role' is not read: did you mean 'roles'?",
        "cat/roles/lead.YAML:1:1: rename the file to 'lead.yaml': only lower-case endings are read",
        "cat/roles/service:1:1: folder 'service' is not read: only files directly in roles/ "
        "are; move its files up into it",
    ]


def test_other_files_of_a_catalogue_stay_unread_in_silence(catalogue: Catalogue) -> None:
    """Assert that files and folders that look like no catalogue part are no problem: a
    README, a schemas folder, dot-files, notes in roles/, images beside the pages."""
    assert (
        problems(
            catalogue,
            {
                "README.md": "# HR\n",
                "schemas/role.schema.json": "{}",
                ".pre-commit-config.yaml": "repos: []\n",
                ".archive/old.yaml": ROLE,
                "roles/notes.txt": "x",
                "roles/.drafts/new.yaml": ROLE,
                "roles/old/readme.txt": "x",
            },
        )
        == []
    )
