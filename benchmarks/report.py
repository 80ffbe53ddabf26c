"""The benchmark's targets (issues 8 and 16) and the Markdown of ``BENCHMARKS.md``."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
MB = 1_000_000
GENERATION_SECONDS = 5.0
GENERATION_SHARE = 0.05
BUILD_PER_PAGE_GROWTH = 1.5
LARGEST_PAGE_GROWTH = 2.0
SEARCH_INDEX_BYTES = 15 * MB
GENERATION_RSS_MB = 300.0
# issue 16: against the same run's plain baseline and libyaml, and bytes written
BUILD_TIME_RATIO = 1.5  # handbook build / plain baseline build of as many pages, M and L
BUILD_RSS_RATIO = 2.0  # the same for peak RSS
MARKDOWN_BYTES = 100 * MB  # the generated tree's *.md files at L
SITE_BYTES = 150 * MB  # the built site at L
YAML_RATIO = 10.0  # generation at L / libyaml parsing the L catalogue

Results = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Check:
    """One target of the issue: measured against its limit; ``passed`` None if not measured."""

    name: str
    measured: str
    limit: str
    passed: bool | None
    target: bool = True  # False: a figure shown for information, with no limit to meet


def machine() -> dict[str, str]:
    """CPU, cores, memory and software versions of this run."""
    cpu = "unknown"
    memory = 0
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
        memory = int(
            next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal"))
        )
    except (OSError, StopIteration):
        pass
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    code = _git("rev-parse", "--short", "HEAD") or "unknown"
    if _git("status", "--porcelain", "--", "generator", "docs_templates", "site_config"):
        code += " + uncommitted changes"
    return {
        "CPU": cpu,
        "Cores": f"{len(os.sched_getaffinity(0))} usable of {os.cpu_count()}",
        "RAM": f"{memory / 1024 / 1024:.1f} GiB",
        "OS": platform.platform(),
        "Python": sys.version.split()[0],
        "MkDocs": version("mkdocs"),
        "Material": version("mkdocs-material"),
        "Date (end of the run)": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "Load average at the end (1/5/15 min)": load,
        "Code": f"{code} (at the end of the run)",
    }


def _git(*args: str) -> str:
    """Output of a read-only git command in the project, or "" without git."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=PROJECT, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def _get(results: Results, size: str, *keys: str) -> Any:
    value: Any = results.get(size)
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def checks(results: Results) -> list[Check]:
    """Every target of issue 8, for the sizes that were run."""
    found = [
        *_generation_checks(results),
        *_regeneration_checks(results),
        *_growth_checks(results),
        _search_check(results),
    ]
    failed = [size for size in ("M", "L") if _get(results, size, "build", "ok") is False]
    if not failed:
        return found
    reason = f"MkDocs build at {' and '.join(failed)} failed or timed out"
    return [replace(c, measured=reason, passed=False) if c.passed is None else c for c in found]


def checks_16(results: Results) -> list[Check]:
    """Every target of issue 16 for the sizes that were run; the build ratios at S (when run)
    for information."""
    ratios = [
        _ratio_check(results, size, key)
        for key in ("seconds", "rss_mb")
        for size in ("S", "M", "L")
        if size != "S" or size in results
    ]
    return [*ratios, _markdown_check(results), _site_check(results), _yaml_check(results)]


def _ratio_check(results: Results, size: str, key: str) -> Check:
    """The handbook's MkDocs build against the plain baseline's, time or peak RSS."""
    target = size != "S"
    limit = BUILD_TIME_RATIO if key == "seconds" else BUILD_RSS_RATIO
    what = "MkDocs build time" if key == "seconds" else "Peak RSS of the MkDocs build"
    name = f"{what} at {size}, handbook / plain baseline"
    limit_text = f"≤ {limit:g} ×" if target else f"none at S (≤ {limit:g} × at M and L)"
    build, baseline = _get(results, size, "build"), _get(results, size, "plain")
    if build is None or baseline is None:
        return Check(name, "–", limit_text, None, target)
    if not build["ok"]:
        failed = f"MkDocs build at {size} failed or timed out"
        return Check(name, failed, limit_text, False if target else None, target)
    if not baseline["ok"]:
        failed = f"plain baseline build failed, see {baseline['log']}"
        return Check(name, failed, limit_text, None, target)
    ratio = build[key] / baseline[key]
    show = _s if key == "seconds" else _mb
    runs = len(build.get("runs_s", [])) or 1
    measured = f"{ratio:.2f} × ({show(build[key])} / {show(baseline[key])}"
    measured += f", medians of {runs})" if runs > 1 else ")"
    return Check(name, measured, limit_text, ratio <= limit if target else None, target)


def _markdown_check(results: Results) -> Check:
    gen = _get(results, "L", "generate") or {}
    markdown, tree, theme = (
        gen.get(key) for key in ("markdown_bytes", "tree_bytes", "theme_bytes")
    )
    measured = _mb(None if markdown is None else markdown / MB)
    if markdown is not None and tree is not None and theme is not None:
        measured += (
            f" (whole tree {_mb(tree / MB)}, of it {_mb(theme / MB)} theme templates "
            "in `overrides/`)"
        )
    return Check(
        "Generated Markdown at L (`*.md` files of the tree)",
        measured,
        f"≤ {MARKDOWN_BYTES / MB:.0f} MB",
        None if markdown is None else markdown <= MARKDOWN_BYTES,
    )


def _site_check(results: Results) -> Check:
    name, limit = "Site at L", f"≤ {SITE_BYTES / MB:.0f} MB"
    if _get(results, "L", "build", "ok") is False:
        return Check(name, "MkDocs build at L failed or timed out", limit, False)
    size = _get(results, "L", "site", "site_bytes")
    measured = _mb(None if size is None else size / MB)
    baseline = _get(results, "L", "plain", "site_bytes")
    if size is not None and baseline:
        measured += f" (plain baseline {_mb(baseline / MB)})"
    floor = site_floor(_get(results, "L", "site") or {})
    if floor is not None:
        measured += f"; before any markup {_mb(floor / MB)} (see below)"
    return Check(name, measured, limit, None if size is None else size <= SITE_BYTES)


def site_floor(site: dict[str, Any]) -> int | None:
    """Bytes a site cannot go below without saying less: what its pages say, each page in the
    theme's least frame (its smallest page), and its files that are not pages."""
    if "text_bytes" not in site:
        return None
    frames = site["html_pages"] * site["smallest_bytes"]
    return int(site["text_bytes"] + frames + site["site_bytes"] - site["html_bytes"])


def _yaml_check(results: Results) -> Check:
    seconds = _get(results, "L", "generate", "total_s")
    parse = _get(results, "L", "yaml", "median_s")
    ratio = seconds / parse if seconds is not None and parse else None
    runs = (
        len(_get(results, "L", "generate", "runs_total_s") or [1]),
        len(_get(results, "L", "yaml", "runs_s") or [1]),
    )
    medians = (
        f", medians of {runs[0]} and {runs[1]}" if runs[0] != runs[1] else f", medians of {runs[0]}"
    )
    noop = _get(results, "L", "noop", "total_s")
    # what is not rendering: creating the tree's files (a no-op run creates none)
    without_files = f"; a no-op regeneration {noop / parse:.1f} ×" if noop and parse else ""
    after = _get(results, "L", "generate_after_deletion", "total_s")
    if after and parse:
        without_files += f"; right after deleting a tree {after / parse:.1f} ×"
    return Check(
        "Generation at L / libyaml parse of the L catalogue",
        "–"
        if ratio is None
        else f"{ratio:.1f} × ({_s(seconds)} / {_ms(parse)}{medians}{without_files})",
        f"≤ {YAML_RATIO:.0f} ×",
        None if ratio is None else ratio <= YAML_RATIO,
    )


def _after_deletion_rows(after: dict[str, Any] | None) -> list[tuple[str, str]]:
    if not after:
        return []
    return [("Generation total, right after deleting a tree as large", _s(after["total_s"]))]


def _generation_checks(results: Results) -> list[Check]:
    seconds = _get(results, "L", "generate", "total_s")
    build = _get(results, "L", "build", "seconds")
    rss = _get(results, "L", "generate", "rss_mb")
    share = seconds / build if seconds is not None and build else None
    return [
        Check(
            "Generation at L (load+validate+render+write)",
            _s(seconds) + _spread(_get(results, "L", "generate", "runs_total_s")),
            f"≤ {GENERATION_SECONDS:.0f} s",
            None if seconds is None else seconds <= GENERATION_SECONDS,
        ),
        Check(
            "Generation at L / MkDocs build at L",
            _pct(share),
            f"≤ {GENERATION_SHARE:.0%}",
            None if share is None else share <= GENERATION_SHARE,
        ),
        Check(
            "Peak RSS of generation at L",
            _mb(rss),
            f"≤ {GENERATION_RSS_MB:.0f} MB",
            None if rss is None else rss <= GENERATION_RSS_MB,
        ),
    ]


def _regeneration_checks(results: Results) -> list[Check]:
    found = []
    for size in results:
        written = _get(results, size, "noop", "written")
        if written is not None:
            found.append(
                Check(
                    f"No-op regeneration at {size} writes nothing",
                    f"{len(written)} files",
                    "0 files",
                    not written,
                )
            )
        edit = _get(results, size, "edit", "check")
        if edit is not None:
            measured = f"{edit['written']} files, {edit['unexpected']} unexpected"
            if edit["unexpected"]:
                kinds = ", ".join(f"{k} {n}" for k, n in edit["unexpected_by_kind"].items())
                measured += f" ({kinds})"
            found.append(
                Check(
                    f"One-role edit at {size} rewrites only pages showing the role",
                    measured,
                    "0 unexpected",
                    edit["unexpected"] == 0,
                )
            )
    return found


def _growth_checks(results: Results) -> list[Check]:
    per_page = {size: _per_page(results, size) for size in ("M", "L")}
    largest = {size: _get(results, size, "site", "largest_bytes") for size in ("M", "L")}
    growth = per_page["L"] / per_page["M"] if per_page["L"] and per_page["M"] else None
    ratio = largest["L"] / largest["M"] if largest["L"] and largest["M"] else None
    return [
        Check(
            "MkDocs build time per page, L / M",
            "–"
            if growth is None
            else f"{growth:.2f} × ({_ms(per_page['M'])} → {_ms(per_page['L'])})",
            f"≤ {BUILD_PER_PAGE_GROWTH}",
            None if growth is None else growth <= BUILD_PER_PAGE_GROWTH,
        ),
        Check(
            "Largest HTML page, L / M",
            "–" if ratio is None else f"{ratio:.2f} × ({_kb(largest['M'])} → {_kb(largest['L'])})",
            f"≤ {LARGEST_PAGE_GROWTH:.0f}",
            None if ratio is None else ratio <= LARGEST_PAGE_GROWTH,
        ),
    ]


def _search_check(results: Results) -> Check:
    size = _get(results, "L", "site", "search_bytes")
    return Check(
        "Search index at L",
        _mb(None if size is None else size / MB),
        f"≤ {SEARCH_INDEX_BYTES / MB:.0f} MB",
        None if size is None else size <= SEARCH_INDEX_BYTES,
    )


def _per_page(results: Results, size: str) -> float | None:
    seconds = _get(results, size, "build", "seconds")
    pages = _get(results, size, "site", "html_pages")
    return seconds / pages if seconds and pages else None


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:.1f} ms"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} MB"


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:.0f} kB"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def verdict(check: Check) -> str:
    if not check.target:
        return "information"
    return {True: "PASS", False: "FAIL", None: "not run"}[check.passed]


def target_table(found: list[Check]) -> list[str]:
    """A table of checks; the verdicts of targets in bold."""
    rows = [
        f"| {c.name} | {c.measured} | {c.limit} | "
        + (f"**{verdict(c)}**" if c.target else verdict(c))
        + " |"
        for c in found
    ]
    return ["| Target | Measured | Limit | Result |", "|---|---|---|---|", *rows]


def size_table(result: dict[str, Any]) -> list[str]:
    """The table of one size: every measured figure, one per row."""
    cat, gen, noop = result["catalogue"], result["generate"], result["noop"]
    build, site, edit = result.get("build", {}), result.get("site", {}), result["edit"]
    rows = [
        (
            "Catalogue",
            f"{cat['roles']} roles, {cat['competencies']} competencies, "
            f"{cat['families']} families, {cat['paths']} paths, {cat['files']} files, "
            f"{cat['bytes'] / MB:.2f} MB",
        ),
        ("Validation", f"{gen['errors']} errors, {gen['warnings']} warnings"),
        ("Load + validate", f"{gen['load_s']:.2f} s + {gen['validate_s']:.2f} s"),
        (
            "Render + write (reference pages and sheets in a second process)",
            _s(gen["render_write_s"]),
        ),
        ("Generation total (in process)", _s(gen["total_s"]) + _spread(gen.get("runs_total_s"))),
        *_after_deletion_rows(result.get("generate_after_deletion")),
        ("`handbook generate` wall time (with start-up)", _s(gen["wall_s"])),
        ("Pages / files written", f"{gen['pages']} pages, {len(gen['written'])} files"),
        ("Pages per second (generation total)", f"{gen['pages'] / gen['total_s']:.0f}"),
        ("Peak RSS of generation", _mb(gen["rss_mb"])),
        *_bytes_rows(gen),
        *_yaml_rows(gen, result.get("yaml")),
        ("No-op regeneration", f"{_s(noop['total_s'])}, {len(noop['written'])} files written"),
        (
            "One-role edit",
            f"`{edit['edit']['role_id']}`: {edit['edit']['competency_id']} "
            f"{edit['edit']['before']} → {edit['edit']['after']}",
        ),
        (
            "One-role edit: regeneration",
            f"{_s(edit['generate']['total_s'])}, {edit['check']['written']} files rewritten",
        ),
        ("One-role edit: rewritten by kind", _kinds(edit["check"]["by_kind"])),
        (
            "One-role edit: not showing the role",
            _kinds(edit["check"]["unexpected_by_kind"]) or "none",
        ),
    ]
    if build:
        rows += [
            (
                "MkDocs build (strict)",
                f"{_s(build['seconds'])}, {_ms(build['seconds'] / site['html_pages'])} per page"
                f"{_spread(build.get('runs_s'))}"
                if build.get("ok")
                else _failed(build),
            ),
            (
                "Peak RSS of the MkDocs build",
                _mb(build["rss_mb"]) + _spread_mb(build.get("runs_rss_mb")),
            ),
        ]
    rows += _baseline_rows(build, result.get("plain"))
    if site:
        rows += [
            (
                "Site size",
                f"{site['site_bytes'] / MB:.1f} MB in {site['site_files']} files, "
                f"{site['html_pages']} HTML pages",
            ),
            (
                "Largest HTML page",
                f"{_kb(site['largest_bytes'])}: `{site['largest_page']}` "
                f"(navigation {_kb(site['nav_bytes'])})",
            ),
            ("Search index", _mb(site["search_bytes"] / MB)),
        ]
    if "dirty_build" in result:
        rows.append(("MkDocs `build --dirty` after the edit", _s(result["dirty_build"]["seconds"])))
    return ["| Measure | Value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]


def _failed(build: dict[str, Any]) -> str:
    return (
        f"FAILED{' (timed out)' if build.get('timed_out') else ''} after "
        f"{_s(build['seconds'])}, see {build['log']}"
    )


def _bytes_rows(gen: dict[str, Any]) -> list[tuple[str, str]]:
    """Bytes the generation wrote, by what they are (absent in results of older runs)."""
    if "tree_bytes" not in gen:
        return []
    tree, markdown, theme = gen["tree_bytes"], gen["markdown_bytes"], gen["theme_bytes"]
    return [
        (
            "Bytes written (generated tree)",
            f"{_mb(tree / MB)}: Markdown (`*.md`) {_mb(markdown / MB)}, theme templates "
            f"(`overrides/`) {_mb(theme / MB)}, other {_mb((tree - markdown - theme) / MB)}",
        )
    ]


def _yaml_rows(gen: dict[str, Any], parse: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The libyaml yardstick and the generation against it."""
    if not parse:
        return []
    return [
        (
            "libyaml parse of the catalogue (`CSafeLoader`)",
            f"{_ms(parse['median_s'])}, {parse['files']} files{_spread_ms(parse['runs_s'])}",
        ),
        ("Generation total / libyaml parse", f"{gen['total_s'] / parse['median_s']:.1f} ×"),
    ]


def _baseline_rows(build: dict[str, Any], baseline: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The plain baseline's build and the handbook's build against it."""
    if not baseline:
        return []
    name = f"Plain baseline build (strict, {baseline['pages']} pages)"
    if not baseline["ok"]:
        return [(name, _failed(baseline))]
    rows = [
        (name, _s(baseline["seconds"]) + _spread(baseline.get("runs_s"))),
        (
            "Peak RSS of the plain baseline build",
            _mb(baseline["rss_mb"]) + _spread_mb(baseline.get("runs_rss_mb")),
        ),
        (
            "Plain baseline site",
            f"{baseline['site_bytes'] / MB:.1f} MB in {baseline['site_files']} files, "
            f"{baseline['html_pages']} HTML pages",
        ),
    ]
    if build.get("ok"):
        rows += [
            (
                "Build time, handbook / plain baseline",
                f"{build['seconds'] / baseline['seconds']:.2f} ×",
            ),
            (
                "Peak RSS of the build, handbook / plain baseline",
                f"{build['rss_mb'] / baseline['rss_mb']:.2f} ×",
            ),
        ]
    return rows


def _spread_mb(runs: list[float] | None) -> str:
    """`` (median of 3 runs: 280.4–300.1 MB)``, as ``_spread`` for peak memory."""
    if not runs or len(runs) < 2:
        return ""
    return f" (median of {len(runs)} runs: {min(runs):.1f}–{max(runs):.1f} MB)"


def _spread_ms(runs: list[float] | None) -> str:
    """`` (median of 3 runs: 310.2–330.5 ms)``, as ``_spread`` for short times."""
    if not runs or len(runs) < 2:
        return ""
    return f" (median of {len(runs)} runs: {min(runs) * 1000:.1f}–{max(runs) * 1000:.1f} ms)"


def _spread(runs: list[float] | None) -> str:
    """`` (median of 3 runs: 3.1–3.6 s)`` where several fresh generations were timed."""
    if not runs or len(runs) < 2:
        return ""
    return f" (median of {len(runs)} runs: {min(runs):.2f}–{max(runs):.2f} s)"


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts.items())


METHOD = """\
## Method

- Catalogues: S is `catalogues/`; M (200 roles, 150 competencies, 40 per role, 8 families,
  50 paths) and L (1,000 roles, 400 competencies, 40 per role, 40 families, 250 paths) come
  from `benchmarks/synthetic.py`: German-like text from a fixed word list and a fixed seed,
  3–6 indicators per competency, paths of 3–5 steps with rising targets. They pass
  `handbook validate --strict`.
- Every stage runs in its own process; its peak RSS comes from `wait4()` on that process
  (Linux reports the largest of the process and the children it waited for), called by a
  small launcher (`benchmarks/peak.py`): Linux starts a child's peak at the size of the
  process that forked it, so a stage started by the benchmark itself (which holds a
  validated catalogue) reported at least the benchmark's own size, up to 2026-12-01.
  *Generation* is load + validate + render + write measured inside the process (what the
  5-second target is about), done as `handbook generate` does it: the reference pages
  (competencies, paths) and the sheets are rendered and written by a forked second process
  while the first renders the other pages. The
  `handbook generate` wall time adds Python start-up and imports. A first generation writes
  every file, and how fast the disk takes them varies from run to run: it is timed three
  times, each into a new folder, and the median run is reported, with the range. Every
  size's generations come before any build, and nothing is deleted before or between them
  (a previous run's folders are moved aside and removed at the end): this machine's ext4
  has no journal, and without one ext4 reuses no inode freed in the last one to six
  minutes, checking each such inode again on every file it creates (`recently_deleted` in
  `fs/ext4/ialloc.c`; `perf` showed it as most of the kernel time). One more generation,
  right after deleting one of the fresh trees, is reported beside them ("right after
  deleting a tree"): what it costs depends on where ext4 puts the new files. The generation
  profile runs everything in one process, so that it shows all of the work.
- *libyaml parse*, the yardstick of the generation (issue 16): one process reads and
  parses every YAML file of the catalogue with PyYAML's `CSafeLoader` (libyaml) three
  times, right after the generations (`benchmarks/stages.py yaml`); the median is
  compared with the median generation total.
- *MkDocs build* is `mkdocs build -f tree/mkdocs.yml` (strict) of the generated tree, wall
  time, with the tree's one hook (`hooks/compact.py`: the theme's template tags leave no
  whitespace). Per page = build seconds / HTML pages.
- *Plain baseline* (issue 16): `benchmarks/plain.py` writes a plain MkDocs + Material site
  with as many pages as the generated tree has Markdown pages (`docs/**/*.md`), so both
  sites have as many HTML pages. Each page is a heading, a sentence and a 40-row Markdown
  table of words from the synthetic catalogues' word list; the pages sit in nested folders
  of at most 20 entries, navigated by MkDocs' folder navigation with Material's
  `navigation.indexes` and `navigation.prune`, indexed by the search plugin (German), with
  the `tables` and `toc` (permalinks) extensions, strict. It is built by the same
  `mkdocs build` command in a fresh process, like the handbook.
- The handbook and the baseline are built alternately, back to back, three times each by
  default (handbook, plain, handbook, plain, handbook, plain; `run.py --build-runs N`
  changes the count, and each size's table says how many runs were taken). Seconds and peak
  RSS are the medians of each build's runs, taken separately, with their ranges; the
  ratios are median over median. Alternating means both builds see the same load on the
  shared machine, so the ratio is steadier than either figure. The site statistics and the
  dirty build use the last handbook build's site. The ratios at S are shown for
  information; the targets apply at M and L.
- *Bytes written*: the generated tree without the generator's manifest; *Markdown* is its
  `*.md` files, *theme templates* the page bodies and shared pieces under `overrides/`,
  *other* the rest (`mkdocs.yml`, `catalogue.json`, `matrix.csv`, the sheets' scripts and
  stylesheets). *Site* is every file of the built site. Its *floor* is what no markup
  could save: the text of each page's content (its `<article>` without scripts, tags,
  character references and repeated white space, in UTF-8), plus the site's smallest page
  (the theme's frame around almost nothing) once for every page, plus the files that are
  not pages (search index, `catalogue.json`, `matrix.csv`, assets).
- *No-op regeneration*: the same catalogue generated again into the same tree.
- *One-role edit*: one target of one role raised or lowered by one level (a change that
  keeps the catalogue free of warnings), then generated again. The rewritten files are
  compared with the pages that show the role, computed from the model before and after the
  edit: its page, its sheet, its family, its paths and their readiness sheets, the
  competencies it lists, roles that list it among their nearby roles, its family's matrix
  page, `catalogue.json` and `matrix.csv`. Any other rewritten file is *unexpected*.
- *`build --dirty`*: MkDocs rebuilds only pages whose Markdown is newer than their HTML. The
  generator rewrites only changed files and keeps the others' timestamps, so after a one-role
  edit only the rewritten pages are rebuilt. Navigation of untouched pages and the search
  index are not refreshed in a dirty build, so it is for previews, never for publishing.
- The no-op regeneration, the one-role edit, the dirty build and the live preview are
  single runs on a shared machine; expect ±10 % or more.
"""


def document(results: Results, extras: dict[str, Any]) -> str:
    """The whole BENCHMARKS.md."""
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`benchmarks/run.py`); run `python benchmarks/run.py --sizes S,M`",
        "for a quicker look. Sizes and method are described at the end.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in extras.get("machine", machine()).items()),
        "",
        "## Targets (issue 8): generation at L, regeneration, growth from M to L, search index",
        "",
        *target_table(checks(results)),
        "",
        "## Targets (issue 16): build against a same-run plain baseline, bytes written, "
        "generation against libyaml",
        "",
        *target_table(checks_16(results)),
        "",
        "Issue 16 keeps the no-op regeneration and the one-role edit as they are: their rows",
        "are in the issue-8 table above.",
        "",
    ]
    notes = findings(results, extras)
    if notes:
        lines += ["### What the numbers say", "", *notes, ""]
    for size, result in results.items():
        lines += [f"## Size {size}", "", *size_table(result), ""]
    largest = list(results)[-1]
    lines += breakdown(largest, results[largest])
    if "profile" in extras:
        lines += profile_section(extras["profile"])
    if "build_profile" in extras:
        lines += build_profile_section(extras["build_profile"])
    labels = {"serve": "`handbook serve`", "serve_dirty": "`handbook serve --dirty`"}
    modes = {label: extras[key] for key, label in labels.items() if key in extras}
    if modes:
        size = next(iter(modes.values()))["size"]
        lines += serve_section(modes, results[size])
    lines += [METHOD]
    return "\n".join(lines)


def breakdown(size: str, result: dict[str, Any]) -> list[str]:
    """HTML bytes and search index text per kind of page."""
    site = result.get("site")
    if not site:
        return []
    search = site["search_by_kind"]
    lines = [
        f"## Where the bytes go at {size}",
        "",
        "| Kind | HTML pages | HTML total | Largest page | its navigation | Search entries "
        "| Search text |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    empty = {"pages": 0, "bytes": 0, "largest": 0, "nav_bytes": 0}
    for kind in sorted(set(site["html_by_kind"]) | set(search)):
        html = site["html_by_kind"].get(kind, empty)
        index = search.get(kind, {"entries": 0, "chars": 0})
        lines.append(
            f"| {kind} | {html['pages']} | {html['bytes'] / MB:.1f} MB | {_kb(html['largest'])} "
            f"| {_kb(html['nav_bytes'])} | {index['entries']} | {index['chars'] / MB:.2f} M chars |"
        )
    lines += [
        "",
        "The navigation (Material's left sidebar) of the largest page takes "
        f"{_kb(site['nav_bytes'])}.",
        "",
    ]
    return lines


def profile_section(profile: dict[str, Any]) -> list[str]:
    lines = [
        f"## Where the generation time goes at {profile['size']}",
        "",
        f"cProfile of one generation ({profile['total_s']:.2f} s under the profiler); the",
        "functions with the most own time:",
        "",
        "| Function | Calls | Own time | Cumulative |",
        "|---|---:|---:|---:|",
    ]
    for row in profile["hotspots"]:
        lines.append(
            f"| `{row['function']}` | {row['calls']} | {row['own_s']:.3f} s "
            f"| {row['cumulative_s']:.3f} s |"
        )
    return [*lines, ""]


def serve_section(modes: dict[str, dict[str, Any]], result: dict[str, Any]) -> list[str]:
    """``handbook serve`` and ``handbook serve --dirty``: start-up and reload after an edit."""
    size = next(iter(modes.values()))["size"]
    lines = [
        f"## Live preview at {size}",
        "",
        "`handbook serve` generates the catalogue into a temporary tree and builds it with",
        "MkDocs' live-reload server. After a saved edit it generates again (rewriting only the",
        "files that changed) and rebuilds: the whole site by default, or with `--dirty` only",
        "the pages whose Markdown changed. Times from saving one role file (one target changed)",
        "to the moment the server tells the browser to reload:",
        "",
        "| Mode | First page after start | Reload after the edit | Page changed | Peak RSS |",
        "|---|---:|---:|---|---:|",
    ]
    for name, serve in modes.items():
        if "error" in serve:
            lines.append(f"| {name} | not measured: {serve['error']} | | | |")
            continue
        lines.append(
            f"| {name} | {serve['startup_s']:.1f} s | {serve['reload_s']:.1f} s "
            f"| {'yes' if serve['page_changed'] else 'NO'} "
            f"| {_mb(serve['rss_mb']) if 'rss_mb' in serve else '–'} |"
        )
    dirty = result.get("dirty_build", {}).get("seconds")
    full = result.get("build", {}).get("seconds")
    lines += [
        "",
        f"For comparison, the full MkDocs build of the tree took {_s(full)} and",
        f"`mkdocs build --dirty` after the same kind of edit {_s(dirty)}. A full rebuild is as",
        "fast as MkDocs builds the site; `--dirty` is the option that speeds the preview up.",
        "It leaves the navigation of untouched pages and the search index as they were (MkDocs",
        "indexes only the pages it rebuilt), so it is for previews, never for publishing.",
        "",
    ]
    return lines


def build_profile_section(profile: dict[str, Any]) -> list[str]:
    """Where MkDocs spends its time, from a profiled build (cumulative, parts overlap)."""
    title = f"## Where the MkDocs build time goes at {profile['size']}"
    if "error" in profile:
        return [title, "", f"Not measured: {profile['error']}", ""]
    parts = profile["parts"]
    total = parts[0]["seconds"] if parts else 0.0
    lines = [
        title,
        "",
        f"cProfile of one strict build ({profile['pages']} HTML pages; the profiler slows it",
        "down). Parts overlap: the raw HTML rows are inside the Markdown row, the navigation",
        "inside the templates.",
        "",
        "| Part | Calls | Seconds | Share | Per page |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in parts:
        share = row["seconds"] / total if total else 0.0
        per_page = row["seconds"] / profile["pages"] if profile["pages"] else 0.0
        lines.append(
            f"| {row['part']} | {row['calls']} | {row['seconds']:.1f} s | {share:.0%} "
            f"| {_ms(per_page)} |"
        )
    return [*lines, ""]


def findings(results: Results, extras: dict[str, Any]) -> list[str]:
    """Short, data-driven reasons behind the figures of the largest size run."""
    size = list(results)[-1]
    result = results[size]
    notes = [*_generation_notes(size, result, extras), *_edit_notes(results)]
    build = result.get("build", {}).get("seconds")
    generated = result.get("generate", {}).get("total_s")
    if build and generated and generated / build > 0.05:
        notes.append(
            f"- Generation at {size} is {generated / build:.0%} of the MkDocs build because the "
            f"build got faster ({build:.0f} s): issue 16 judges generation against libyaml "
            "instead, and its own time against issue 8's limit of 5 s."
        )
    site = result.get("site")
    if site:
        notes += _site_notes(size, site, results.get("M", {}).get("site") if size != "M" else None)
    parts = {
        row["part"]: row["seconds"] for row in extras.get("build_profile", {}).get("parts", [])
    }
    total = parts.get("MkDocs build, total")
    if total:
        markdown = parts.get("Markdown to HTML (Python-Markdown, all extensions)", 0.0)
        search = parts.get("search index entries (Material search plugin)", 0.0)
        templates = parts.get("page templates (Material theme)", 0.0)
        notes.append(
            f"- MkDocs build at {extras['build_profile']['size']}: Markdown conversion "
            f"{markdown / total:.0%} of the time, the search plugin {search / total:.0%}, the "
            f"theme's templates {templates / total:.0%} (see the build profile below)."
        )
    return notes


def _generation_notes(size: str, result: dict[str, Any], extras: dict[str, Any]) -> list[str]:
    gen = result["generate"]
    notes = [
        f"- Generation at {size}: rendering and writing take "
        f"{gen['render_write_s'] / gen['total_s']:.0%} ({_s(gen['render_write_s'])} of "
        f"{_s(gen['total_s'])}); load {_s(gen['load_s'])}, validate {_s(gen['validate_s'])}."
    ]
    tree = gen.get("tree_by_kind")
    if tree:
        total = sum(tree.values())
        top = sorted(tree.items(), key=lambda item: -item[1])[:3]
        shares = ", ".join(f"{kind} {_mb(count / MB)} ({count / total:.0%})" for kind, count in top)
        notes.append(f"- Generated tree at {size}: {_mb(total / MB)}; largest kinds: {shares}.")
    hotspots = extras.get("profile", {}).get("hotspots", [])[:3]
    if hotspots:
        names = ", ".join(f"`{row['function']}` {row['own_s']:.1f} s" for row in hotspots)
        notes.append(f"- Most own time in the generation profile: {names}.")
    return notes


def _edit_notes(results: Results) -> list[str]:
    notes = []
    for size, result in results.items():
        check = result["edit"]["check"]
        if check["unexpected"]:
            kinds = ", ".join(f"{n} {k}" for k, n in check["unexpected_by_kind"].items())
            example = check["unexpected_examples"][0] if check["unexpected_examples"] else ""
            notes.append(
                f"- One-role edit at {size} also rewrote {kinds} page(s) that do not show the "
                f"role, e.g. `{example}`."
            )
    return notes


def _site_notes(size: str, site: dict[str, Any], middle: dict[str, Any] | None) -> list[str]:
    search = site["search_by_kind"]
    total = sum(kind["chars"] for kind in search.values()) or 1
    top = sorted(search.items(), key=lambda item: -item[1]["chars"])[:2]
    shares = ", ".join(f"{kind} {v['chars'] / total:.0%}" for kind, v in top)
    notes = [
        f"- Search index at {size}: {site['search_bytes'] / MB:.1f} MB; indexed text by kind: "
        f"{shares}.",
        f"- Largest page at {size}: `{site['largest_page']}`, {_kb(site['largest_bytes'])}.",
    ]
    kinds = sorted(site["html_by_kind"].items(), key=lambda item: -item[1]["bytes"])[:4]
    notes.append(
        f"- Site at {size}: {site['site_bytes'] / MB:.1f} MB; HTML by kind: "
        + ", ".join(
            f"{kind} {stats['bytes'] / MB:.1f} MB ({stats['pages']} pages, "
            f"{_kb(stats['bytes'] / stats['pages'])} each)"
            for kind, stats in kinds
        )
        + "."
    )
    floor = site_floor(site)
    if floor is not None:
        others = site["site_bytes"] - site["html_bytes"]
        texts = site["text_by_kind"]
        left = SITE_BYTES - floor
        notes.append(
            f"- Floor of the site at {size}: what its pages say (their content's text without "
            f"markup) is {site['text_bytes'] / MB:.1f} MB, sheets {texts.get('sheets', 0) / MB:.1f}"
            f" MB of it; each of its {site['html_pages']:,} pages in the theme's least frame "
            f"(`{site['smallest_page']}`, {_kb(site['smallest_bytes'])}) adds "
            f"{site['html_pages'] * site['smallest_bytes'] / MB:.1f} MB, the files that are not "
            f"pages (search index, data, assets) {others / MB:.1f} MB: "
            f"{floor / MB:.1f} MB before any markup. "
            + (
                f"A site of {SITE_BYTES / MB:.0f} MB leaves {left / MB:.1f} MB "
                f"({left / site['html_pages'] / 1000:.1f} kB a page) for the markup of every page, "
                f"{site['rating_boxes']:,} rating boxes among it: even with nothing else, "
                f"{left / max(site['rating_boxes'], 1):.0f} bytes a box, where a bare "
                "`<input type=radio name=… value=…>` takes more."
                if left > 0
                else f"That is above the limit of {SITE_BYTES / MB:.0f} MB."
            )
        )
    if middle:
        grown = []
        for kind, stats in site["html_by_kind"].items():
            before = middle["html_by_kind"].get(kind)
            if before and before["largest"]:
                grown.append(
                    f"{kind} {_kb(before['largest'])} → {_kb(stats['largest'])} "
                    f"(navigation {_kb(before.get('nav_bytes'))} → {_kb(stats.get('nav_bytes'))})"
                )
        notes.append("- Largest page per kind, M → " + size + ": " + "; ".join(grown) + ".")
    return notes
