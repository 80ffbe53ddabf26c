"""The benchmark's synthetic catalogues (benchmarks/synthetic.py) are valid and deterministic."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from generator.pipeline import check
from generator.render import urls

PROJECT = Path(__file__).resolve().parents[1]


def _script(stem: str) -> ModuleType:
    """benchmarks/<stem>.py, which is a script folder, not a package."""
    name = f"benchmarks_{stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, PROJECT / "benchmarks" / f"{stem}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


synthetic = _script("synthetic")
TINY = synthetic.Size("T", roles=11, competencies=14, per_role=6, families=2, paths=3, groups=3)


def test_tiny_catalogue_is_valid_without_warnings(tmp_path: Path) -> None:
    """Assert that a small synthetic catalogue validates with no error and no warning."""
    root = synthetic.write_catalogue(TINY, tmp_path / "cat")
    result = check(root)
    assert result.handbook is not None
    assert [str(p) for p in result.problems] == []
    assert len(result.handbook.roles) == 11
    assert len(result.handbook.competencies) == 14
    assert all(len(role.targets) == 6 for role in result.handbook.roles)


def test_same_size_gives_same_bytes(tmp_path: Path) -> None:
    """Assert that writing the same size twice gives identical files."""
    first = synthetic.write_catalogue(TINY, tmp_path / "one")
    second = synthetic.write_catalogue(TINY, tmp_path / "two")
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_size_m_has_the_numbers_of_the_issue() -> None:
    """Assert that size M has 200 roles, 150 competencies, 40 per role, 8 families, 50 paths."""
    files = synthetic.documents(synthetic.SIZES["M"])
    kinds = Counter(name.split("/")[0] for name in files)
    assert kinds["roles"] == 200
    assert kinds["paths"] == 50
    assert len(files["handbook.yaml"]["families"]) == 8
    competencies = [
        c
        for name, d in files.items()
        if name.startswith("competencies/")
        for c in d["competencies"]
    ]
    assert len({c["id"] for c in competencies}) == 150
    roles = [d for name, d in files.items() if name.startswith("roles/")]
    assert {len(role["competencies"]) for role in roles} == {40}
    paths = [d for name, d in files.items() if name.startswith("paths/")]
    assert {len(path["steps"]) for path in paths} <= {3, 4, 5}
    assert all(3 <= len(c["indicators"]) <= 6 for c in competencies)


def test_size_s_is_the_default_catalogue(tmp_path: Path) -> None:
    """Assert that size S is a copy of catalogues/."""
    root = synthetic.write_catalogue("S", tmp_path / "s")
    default = PROJECT / "catalogues"
    names = sorted(p.relative_to(default) for p in default.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_a_one_role_edit_explains_the_files_of_bodies_it_rewrites() -> None:
    """Assert that the benchmark's edit check counts a rewritten file of page bodies as
    explained when it holds the body of a page that shows the role, and flags any other."""
    measure = _script("measure")
    allowed = {"roles/a": "its page", "sheets/a": "its sheet"}
    own = f"overrides/{urls.page_body('roles/a.md')}"
    other = next(
        f"overrides/{urls.page_body(f'roles/r{n}.md')}"
        for n in range(100)
        if urls.page_body(f"roles/r{n}.md") != urls.page_body("roles/a.md")
    )
    assert measure.check_edit(["docs/roles/a.md", own], allowed)["unexpected"] == 0
    report = measure.check_edit(["docs/roles/a.md", own, other, "docs/roles/b.md"], allowed)
    assert report["unexpected"] == 2 and set(report["unexpected_examples"]) == {
        other,
        "docs/roles/b.md",
    }


def test_floor_counts_what_pages_say_in_the_least_frame(tmp_path: Path) -> None:
    """Assert that the site's floor is its pages' text (no scripts, tags, references or
    repeated spaces; UTF-8 bytes) plus the smallest page once per page plus the other files."""
    measure = _script("measure")
    report = _script("report")
    (tmp_path / "a").mkdir()
    frame = "<html><nav>Menü</nav>{}</html>"
    (tmp_path / "404.html").write_text(frame.format("<article>x</article>"), encoding="utf-8")
    article = (
        '<article><h1 id="t">Größe</h1>\n\n  <p>a &amp; b</p><script>var x = 1</script></article>'
    )
    (tmp_path / "a" / "index.html").write_text(frame.format(article), encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    stats = measure.site_stats(tmp_path)
    # " x " and " Größe a & b " (the tags became spaces; ö and ß take two bytes each)
    assert stats["text_bytes"] == len(" x ") + len(" Größe a & b ".encode())
    assert stats["smallest_page"] == "404.html"
    smallest = len(frame.format("<article>x</article>").encode())
    assert report.site_floor(stats) == stats["text_bytes"] + 2 * smallest + len("{}")
