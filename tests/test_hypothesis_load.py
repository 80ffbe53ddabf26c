"""Property-based tests of the loader and validator: random input only ever yields located problems.

Each example replaces one file of a valid catalogue (tests/fixtures/small-de) with random bytes,
YAML-like token soup, random YAML data or a mutated copy of the original file, then loads and
validates the root. Nothing may raise; every problem names the catalogue file, a line and a
column inside that file, and prints as ``PATH:LINE:COL: message`` in every report format.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check.report import FORMATS, format_problems
from generator.check.validate import validate
from generator.errors import Location, Problem, Severity
from generator.load.catalogue import load

SHOWN = "cat"
TARGETS = (
    "handbook.yaml",
    "roles/service-agent.yaml",
    "roles/x.yaml",
    "competencies/kommunikation.yaml",
    "paths/service.yaml",
)
FIELDS = (
    "title", "language", "scale", "families", "id", "name", "family", "rank", "summary",
    "description", "competencies", "indicators", "levels", "steps", "role", "requirements",
    "previous_roles", "experience_years", "salary", "amount", "reports_to", "synonyms",
)  # fmt: skip
TOKENS = (
    "\n", "  ", "- ", ": ", ":", "? ", "#", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n",
    "&a ", "*a", "!!python/object:os.system ", "!x ", "!!str ", "[", "]", "{", "}", ",",
    "'", '"', "|", ">-", "\\", "\t", "\r\n", "\ufeff", "\x00", "\x85", "\u2028", "\ud7ff",
    "~", "null", "no", "yes", "1e3", "2026-01-01", "0x1F", "-1", "99999999999999999999",
    "1.5", ".inf", "<<: ", "<script>", "{{ 7*7 }}", "../", "/etc/passwd", "C:\\x",
    "service", "zuhoeren", "teamleitung", "senior-agent", "Service-Agent",
    *(f"{field}: " for field in FIELDS),
)  # fmt: skip
YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML also breaks lines at NEL, LS, PS
LINE = re.compile(r"^(?P<path>[^\n]+):(?P<line>\d+):(?P<column>\d+): \S")

scalars = st.none() | st.booleans() | st.integers(-5, 20) | st.floats() | st.text(max_size=20)
yaml_data = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=25,
)
token_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=60).map("".join)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the small valid catalogue that examples may overwrite."""
    copy = tmp_path_factory.mktemp("fuzz") / "cat"
    shutil.copytree(FIXTURES / "small-de", copy)
    return copy


class _Replaced:
    """Puts ``data`` into ``root/name`` for one example and restores the original after."""

    def __init__(self, root: Path, name: str, data: bytes) -> None:
        self.path, self.data = root / name, data
        self.original = self.path.read_bytes() if self.path.exists() else None

    def __enter__(self) -> Path:
        self.path.write_bytes(self.data)
        return self.path

    def __exit__(self, *_: object) -> None:
        if self.original is None:
            self.path.unlink()
        else:
            self.path.write_bytes(self.original)


def _problems(root: Path) -> Iterator[Problem]:
    result = validate(load(root, SHOWN))
    assert (result.handbook is None) == bool(result.errors)
    yield from result.problems


def _assert_clean(root: Path, name: str, data: bytes) -> list[Problem]:
    """Load and validate with ``name`` replaced; every problem must be located and printable."""
    with _Replaced(root, name, data):
        problems = list(_problems(root))
    lines = len(YAML_BREAKS.findall(data.decode("utf-8", "replace"))) + 2
    for problem in problems:
        assert isinstance(problem, Problem) and isinstance(problem.location, Location)
        assert isinstance(problem.message, str) and problem.message.strip()
        where = problem.location
        assert where.path.startswith(f"{SHOWN}/"), problem
        assert where.line >= 1 and where.column >= 1, problem
        if where.path == f"{SHOWN}/{name}":
            assert where.line <= lines, f"{problem} lies beyond the end of the file"
        assert LINE.match(str(problem)), str(problem)
    for fmt in FORMATS:
        assert isinstance(format_problems(problems, fmt, strict=True), str)
    return problems


def _assert_blamed(problems: list[Problem], name: str) -> None:
    """A new role file nobody refers to can only cause errors in itself."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert all(p.location.path == f"{SHOWN}/{name}" for p in errors), errors


FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_base_catalogue_is_valid(root: Path) -> None:
    """Assert that the catalogue the examples start from has no errors (so errors are ours)."""
    assert not [p for p in _problems(root) if p.severity is Severity.ERROR]


@FUZZ
@given(name=st.sampled_from(TARGETS), data=st.binary(max_size=400))
@example(name="handbook.yaml", data=b"{.")  # an empty value past the file's last line
def test_random_bytes_give_located_problems(root: Path, name: str, data: bytes) -> None:
    """Assert that random bytes in any catalogue file give only located problems."""
    problems = _assert_clean(root, name, data)
    if name == "roles/x.yaml":
        _assert_blamed(problems, name)
        assert problems, "random bytes were accepted as a role"


@FUZZ
@given(name=st.sampled_from(TARGETS), text=token_soup)
@example(name="roles/x.yaml", text="{\ud7ff")
def test_yaml_like_text_gives_located_problems(root: Path, name: str, text: str) -> None:
    """Assert that YAML-like token soup gives only located problems, never an exception."""
    problems = _assert_clean(root, name, text.encode("utf-8", "surrogatepass"))
    if name == "roles/x.yaml":
        _assert_blamed(problems, name)


@FUZZ
@given(name=st.sampled_from(TARGETS), data=yaml_data)
def test_random_yaml_data_gives_located_problems(root: Path, name: str, data: object) -> None:
    """Assert that well-formed YAML of any shape gives only located problems."""
    text = yaml.safe_dump(data, allow_unicode=True)
    problems = _assert_clean(root, name, text.encode("utf-8", "surrogatepass"))
    if name == "roles/x.yaml":
        _assert_blamed(problems, name)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """An existing catalogue file with a few random insertions, deletions and swaps."""
    name = draw(st.sampled_from([t for t in TARGETS if t != "roles/x.yaml"]))
    text = (FIXTURES / "small-de" / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 8))
        insert = draw(st.sampled_from(TOKENS) | st.text(max_size=3))
        text = text[:at] + insert + text[at + size :]
    return name, text.encode("utf-8", "surrogatepass")


@FUZZ
@given(case=mutated())
def test_mutated_files_give_located_problems(root: Path, case: tuple[str, bytes]) -> None:
    """Assert that a valid file with random edits gives only located problems."""
    _assert_clean(root, *case)
