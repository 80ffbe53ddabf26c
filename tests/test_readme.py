"""The README's promises: its first commands, how to run the tools, and example YAML that the
validator accepts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from test_pipelines import make_targets

from generator.pipeline import check
from generator.resources import STARTER

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    return README[start : README.index("\n## ", start + 1)]


def test_readme_opens_with_serve_and_the_whole_test_suite() -> None:
    """Assert that the first code block is `make serve` and `make test`, both real targets,
    and that the README says how long the suite takes and names the fast subset."""
    first = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first is not None
    commands = [line.split("#")[0].strip() for line in first.group(1).splitlines()]
    assert commands == ["make serve", "make test"]
    assert {"serve", "test", "test-fast"} <= make_targets()
    opening = README[: README.index("\n## ")]
    assert re.search(r"`make test` takes about \d+ minutes", opening)
    assert re.search(r"`make test-fast`.* takes under a minute", opening, re.S)


def test_readme_says_where_the_commands_are() -> None:
    """Assert that the README tells how to run handbook and mkdocs from the venv."""
    opening = README[: README.index("\n## ")]
    assert ".venv/bin/handbook" in opening and ".venv/bin/mkdocs" in opening
    assert "source .venv/bin/activate" in opening


def test_example_yaml_of_each_file_kind_validates(tmp_path: Path) -> None:
    """Assert that the README's example of each file kind, dropped into the English starter
    catalogue in place of its own file, gives no error."""
    blocks = re.findall(r"```yaml\n(.*?)```", section("Writing a catalogue"), re.S)
    root = tmp_path / "catalogues"
    shutil.copytree(STARTER / "en", root)
    names = {"title: Customer Service": "handbook.yaml", "name: Comm": "competencies/"
             "communication.yaml", "title: Senior": "roles/senior-agent.yaml",
             "title: Customer service career": "paths/service.yaml"}  # fmt: skip
    placed = set()
    for block in blocks:
        body = "\n".join(line for line in block.splitlines() if not line.startswith("#"))
        name = next((n for start, n in names.items() if body.startswith(start)), None)
        if name is None:
            continue  # a snippet of one feature, not a whole file
        (root / name).write_text(block, encoding="utf-8")
        placed.add(name)
    assert placed == set(names.values()), "an example of each file kind"
    result = check(root, "catalogues")
    assert not result.errors, [str(p) for p in result.errors]
    assert re.search(r"\nscale:.*\n  1: knows the basics\n  2: ~\n", blocks[0])
