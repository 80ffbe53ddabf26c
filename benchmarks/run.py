"""``make bench``: generate and build synthetic catalogues of three sizes, write BENCHMARKS.md.

Each stage runs in its own process, so the peak memory reported is that stage's own:
generation (load, validate, render, write; every size's before any build, as builds
delete whole sites), the libyaml parse of the catalogue it is
measured against, a no-op regeneration, the strict MkDocs build of the generated tree
alternating with the build of a plain-pages site of as many pages (benchmarks/plain.py,
the same-run baseline), a one-role edit with its regeneration and a dirty MkDocs rebuild,
and at the largest size a profile of the generation and the reload time of
``handbook serve``. Everything happens under benchmarks/out/ (git-ignored).

    python benchmarks/run.py                 # S, M and L (L takes several minutes)
    python benchmarks/run.py --sizes S,M     # fewer sizes
    python benchmarks/run.py --build-runs 2  # fewer alternating handbook/baseline builds
    python benchmarks/run.py --keep          # keep benchmarks/out/ for a look afterwards
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

import measure  # noqa: E402
import plain  # noqa: E402
import report  # noqa: E402
import synthetic  # noqa: E402

from generator.pipeline import check  # noqa: E402

BIN = Path(sys.executable).parent
OUT = HERE / "out"
SIZES = ("S", "M", "L")
FRESH_RUNS = 3  # generations into an empty tree per size; the median one is reported
# Builds of the handbook and of the plain baseline per size, alternating (handbook, plain,
# handbook, plain, ...); medians reported. At L one round takes about a minute.
BUILD_RUNS = 3
SERVE_TIMEOUT = 1800.0
BUILD_TIMEOUT = 3600.0  # seconds; a build that takes longer fails the targets anyway


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated: S,M,L")
    parser.add_argument("--keep", action="store_true", help="keep benchmarks/out/ afterwards")
    parser.add_argument("--no-serve", action="store_true", help="skip the handbook serve reload")
    parser.add_argument("--output", type=Path, default=PROJECT / "BENCHMARKS.md")
    parser.add_argument(
        "--build-timeout", type=float, default=BUILD_TIMEOUT, help="seconds per MkDocs build"
    )
    parser.add_argument(
        "--build-runs",
        type=int,
        default=BUILD_RUNS,
        help="alternating builds of the handbook and of the plain baseline per size",
    )
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from a kept run's results"
    )
    args = parser.parse_args()
    sizes = [s for s in SIZES if s in args.sizes.upper().split(",")]
    if not sizes:
        parser.error(f"--sizes: choose from {','.join(SIZES)}")
    if args.build_runs < 1:
        parser.error("--build-runs: at least 1")
    if args.report_only:
        results = json.loads((OUT / "results.json").read_text(encoding="utf-8"))
        saved = OUT / "extras.json"  # profiles and serve timing: absent if the run was cut off
        extras = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    else:
        results, extras = measure_all(
            sizes, args.build_timeout, args.build_runs, serve_too=not args.no_serve
        )
    text = report.document(results, extras)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    if not args.keep and not args.report_only:
        shutil.rmtree(OUT, ignore_errors=True)


def measure_all(
    sizes: list[str], timeout: float, build_runs: int, *, serve_too: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every size, then the profiles and the live preview at the largest size run."""
    OUT.mkdir(exist_ok=True)
    retired = _retire_previous_run(sizes)
    results: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    # Every generation first: builds delete whole sites, and deletions slow the file
    # creation of what follows for minutes (see ``fresh_generations``).
    for size in sizes:
        print(f"== {size}: generation", flush=True)
        results[size] = bench_generation(size, OUT / size, retired)
        _save(results, extras)
    for size in sizes:
        print(f"== {size}: builds", flush=True)
        stamp = results[size]["stamp"]
        results[size].update(bench_builds(size, OUT / size, timeout, build_runs, stamp))
        _save(results, extras)
    largest = sizes[-1]
    print(f"== profile of the generation at {largest}", flush=True)
    extras["profile"] = profile(largest, OUT / largest)
    middle = "M" if "M" in sizes else largest
    print(f"== profile of the MkDocs build at {middle}", flush=True)
    extras["build_profile"] = profile_build(middle, OUT / middle, timeout)
    _save(results, extras)
    if not serve_too:
        pass
    elif not results[largest]["build"]["ok"]:
        extras["serve"] = {"size": largest, "error": "skipped: the MkDocs build did not finish"}
    else:
        for mode in ("full", "dirty"):
            print(f"== handbook serve at {largest} ({mode} rebuilds)", flush=True)
            extras["serve" if mode == "full" else "serve_dirty"] = serve(
                largest, OUT / largest, dirty=mode == "dirty"
            )
            _save(results, extras)
    extras["machine"] = report.machine()
    _save(results, extras)
    _remove_retired(retired)
    return results, extras


def _save(results: dict[str, Any], extras: dict[str, Any]) -> None:
    """Keep what was measured so far (``--report-only`` rewrites the report from it)."""
    for name, data in (("results.json", results), ("extras.json", extras)):
        (OUT / name).write_text(json.dumps(data, indent=1), encoding="utf-8")


def _retire_previous_run(sizes: list[str]) -> Path:
    """Move a previous run's folders of ``sizes`` aside, into a folder removed at the end
    (``_remove_retired``): deleting them now would slow this run's generations."""
    retired = OUT / ".retired"
    retired.mkdir(exist_ok=True)
    for size in sizes:
        if (OUT / size).exists():
            (OUT / size).rename(retired / f"{size}-{time.time_ns()}")
    return retired


def _remove_retired(retired: Path) -> None:
    shutil.rmtree(retired, ignore_errors=True)


def bench_generation(size: str, work: Path, retired: Path) -> dict[str, Any]:
    """The generation measurements of one catalogue size: fresh, libyaml, no-op."""
    catalogue = synthetic.write_catalogue(size, work / "catalogue")
    handbook = check(catalogue).handbook
    assert handbook is not None, f"the {size} catalogue is not valid"
    result: dict[str, Any] = {"catalogue": catalogue_facts(catalogue, handbook)}
    result["stamp"] = code_stamp()
    result["generate"] = fresh_generations(catalogue, work)
    _say(size, "generation", result["generate"])
    result["generate_after_deletion"] = generation_after_deletion(catalogue, work, retired)
    _say(size, "generation after a deletion", result["generate_after_deletion"])
    result["yaml"] = parse_yaml(catalogue, work / "logs" / "yaml.log")
    print(f"   libyaml parse: {result['yaml']['median_s'] * 1000:.1f} ms (median)", flush=True)
    result["noop"] = generate(catalogue, work / "tree", work / "logs" / "noop.log")
    _say(size, "no-op", result["noop"])
    return result


def bench_builds(
    size: str, work: Path, timeout: float, build_runs: int, stamp: float
) -> dict[str, Any]:
    """The build measurements of one catalogue size, and the one-role edit (``stamp``: the
    code's age when the tree was generated)."""
    catalogue, tree, site = work / "catalogue", work / "tree", work / "site"
    before = check(catalogue).handbook
    assert before is not None, f"the {size} catalogue is not valid"
    result: dict[str, Any] = {}
    result["build"], result["plain"] = builds_with_baseline(tree, site, work, timeout, build_runs)
    if result["build"]["ok"]:  # the last handbook build's site, kept for the dirty build
        result["site"] = measure.site_stats(site)
    if code_stamp() != stamp:  # the generator changed meanwhile: catch up before the edit
        result["baseline"] = generate(catalogue, tree, work / "logs" / "baseline.log")
    edit = measure.choose_edit(before)
    measure.apply_edit(catalogue, edit)
    after = check(catalogue).handbook
    assert after is not None, "the edit made the catalogue invalid"
    regenerated = generate(catalogue, tree, work / "logs" / "edit.log")
    allowed = measure.allowed_pages(before, after, edit.role_id)
    result["edit"] = {
        "edit": asdict(edit),
        "generate": regenerated,
        "check": measure.check_edit(regenerated["written"], allowed),
    }
    _say(size, "one-role edit", regenerated)
    if result["build"]["ok"]:
        result["dirty_build"] = mkdocs_build(
            tree, site, work / "logs" / "dirty.log", timeout, dirty=True
        )
    return result


def code_stamp() -> float:
    """The newest modification time of the generator's code, templates and site files."""
    folders = [PROJECT / "generator", PROJECT / "docs_templates", PROJECT / "site_config"]
    files = [f for folder in folders for f in folder.rglob("*") if f.is_file()]
    return max(f.stat().st_mtime for f in [*files, PROJECT / "mkdocs.yml"])


def catalogue_facts(root: Path, handbook: Any) -> dict[str, Any]:
    files = [p for p in root.rglob("*") if p.is_file()]
    return {
        "roles": len(handbook.roles),
        "competencies": len(handbook.competencies),
        "families": len(handbook.families),
        "paths": len(handbook.paths),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }


def fresh_generations(catalogue: Path, work: Path) -> dict[str, Any]:
    """The median of ``FRESH_RUNS`` generations, each into a new folder; all totals kept.
    The last tree becomes ``work/tree``; the others are removed at the end of the run.

    Nothing is deleted before or between them: this machine's ext4 has no journal, and
    without one ext4 does not reuse an inode freed in the last one to six minutes, checking
    each such inode on every file it creates (``recently_deleted`` in fs/ext4/ialloc.c).
    Measured alone, creating 3,645 files took 0.3 to 1 s of kernel time within minutes of
    deleting a tree as large, 0.05 s otherwise; how much a generation meets depends on where
    ext4 puts its files (``generation_after_deletion`` shows it for the run).
    """
    runs = []
    for number in range(1, FRESH_RUNS + 1):
        tree = work / f"fresh-{number}"
        runs.append(generate(catalogue, tree, work / "logs" / f"generate-{number}.log"))
    tree.rename(work / "tree")
    median = sorted(runs, key=lambda run: run["total_s"])[len(runs) // 2]
    return {**median, "runs_total_s": [run["total_s"] for run in runs]}


def generation_after_deletion(catalogue: Path, work: Path, retired: Path) -> dict[str, Any]:
    """One more generation into a new folder right after deleting the first fresh tree:
    what a first generation costs on this machine just after a tree as large was deleted.
    The other fresh trees are removed at the end of the run."""
    shutil.rmtree(work / "fresh-1")
    target = work / "after-deletion"
    result = generate(catalogue, target, work / "logs" / "generate-after-deletion.log")
    for tree in [target, *sorted(work.glob("fresh-*"))]:
        tree.rename(retired / f"{work.name}-{tree.name}-{time.time_ns()}")
    return result


def parse_yaml(catalogue: Path, log: Path) -> dict[str, Any]:
    """The yardstick: libyaml reading and parsing the catalogue's YAML, median of 3 parses."""
    child = measure.run_child(
        [sys.executable, str(HERE / "stages.py"), "yaml", str(catalogue)], log
    )
    result = child.json()
    result["median_s"] = _median(result["runs_s"])
    return result


def builds_with_baseline(
    tree: Path, site: Path, work: Path, timeout: float, runs: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Strict MkDocs builds of the generated tree and of a plain site with as many pages,
    alternating, ``runs`` of each; the medians of time and of peak RSS.

    Back to back and alternating, both builds see the same state of the shared machine, so
    their ratio says more than either's seconds. The last handbook build's site stays in
    ``site``. A handbook build that fails is not repeated.
    """
    pages = sum(1 for _ in (tree / "docs").rglob("*.md"))
    baseline = plain.write_site(pages, work / "plain")
    baseline_site = work / "plain-site"
    logs = work / "logs"
    handbook_runs: list[dict[str, Any]] = []
    plain_runs: list[dict[str, Any]] = []
    for number in range(1, runs + 1):
        handbook_runs.append(mkdocs_build(tree, site, logs / f"build-{number}.log", timeout))
        plain_runs.append(
            mkdocs_build(baseline, baseline_site, logs / f"plain-{number}.log", timeout)
        )
        done, base = handbook_runs[-1], plain_runs[-1]
        print(
            f"   MkDocs build {done['seconds']:.1f} s, {done['rss_mb']:.0f} MB; plain baseline "
            f"({pages} pages) {base['seconds']:.1f} s, {base['rss_mb']:.0f} MB",
            flush=True,
        )
        if not done["ok"]:
            break
    build = _medians(handbook_runs)
    baseline_result = {**_medians(plain_runs), "pages": pages}
    if baseline_result["ok"]:
        stats = measure.site_stats(baseline_site)
        baseline_result.update(
            {key: stats[key] for key in ("site_bytes", "site_files", "html_pages", "search_bytes")}
        )
    shutil.rmtree(baseline_site, ignore_errors=True)
    return build, baseline_result


def _medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several builds as one: median seconds and median peak RSS (each on its own), every
    run's figures kept; ok only if every run was."""
    failed = next((run for run in runs if not run["ok"]), None)
    return {
        "seconds": _median([run["seconds"] for run in runs]),
        "rss_mb": _median([run["rss_mb"] for run in runs]),
        "ok": failed is None,
        "timed_out": any(run["timed_out"] for run in runs),
        "log": (failed or runs[-1])["log"],
        "runs_s": [run["seconds"] for run in runs],
        "runs_rss_mb": [run["rss_mb"] for run in runs],
    }


def _median(values: list[float]) -> float:
    """The middle value; of an even count, the mean of the two middle ones."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def generate(catalogue: Path, tree: Path, log: Path, *extra: str) -> dict[str, Any]:
    """One generation in a fresh process: its timings, files written, peak RSS."""
    args = [sys.executable, str(HERE / "stages.py"), "generate", str(catalogue), str(tree), *extra]
    child = measure.run_child(args, log)
    result = child.json()
    result.update(wall_s=child.seconds, rss_mb=child.rss_mb)
    return result


def mkdocs_build(
    tree: Path, site: Path, log: Path, timeout: float, *, dirty: bool = False
) -> dict[str, Any]:
    """``mkdocs build`` of the generated tree or of the plain baseline (strict, as their
    mkdocs.yml say), in a fresh process."""
    args = [str(BIN / "mkdocs"), "build", "-f", str(tree / "mkdocs.yml"), "-d", str(site)]
    if dirty:  # MkDocs warns about every dirty build, which strict mode turns into an error
        args += ["--dirty", "--no-strict"]
    child = measure.run_child(args, log, timeout=timeout)
    return {
        "seconds": child.seconds,
        "rss_mb": child.rss_mb,
        "ok": child.returncode == 0,
        "timed_out": child.returncode == -signal.SIGKILL,
        "log": str(log),
    }


def profile(size: str, work: Path) -> dict[str, Any]:
    """A cProfile run of a fresh generation; statistics kept in the work folder."""
    target = work / "profile-tree"
    shutil.rmtree(target, ignore_errors=True)
    output = work / "generation.prof"
    result = generate(
        work / "catalogue", target, work / "logs" / "profile.log", "--profile", str(output)
    )
    return {"size": size, "total_s": result["total_s"], "hotspots": result["hotspots"]}


def profile_build(size: str, work: Path, timeout: float) -> dict[str, Any]:
    """A cProfile run of the MkDocs build of the (edited) tree, summarised by parts."""
    output = work / "build.prof"
    args = [sys.executable, "-m", "cProfile", "-o", str(output), str(BIN / "mkdocs"), "build"]
    args += ["-f", str(work / "tree" / "mkdocs.yml"), "-d", str(work / "profile-site")]
    child = measure.run_child(args, work / "logs" / "build-profile.log", timeout=timeout)
    if child.returncode != 0:
        return {"size": size, "error": f"the profiled build failed, see {child.log}"}
    pages = sum(1 for _ in (work / "profile-site").rglob("*.html"))
    return {"size": size, "pages": pages, "parts": measure.build_profile(output)}


def serve(size: str, work: Path, *, dirty: bool = False) -> dict[str, Any]:
    """Seconds from saving a role file to the reload of ``handbook serve [--dirty]``."""
    catalogue = work / "catalogue"
    handbook = check(catalogue).handbook
    assert handbook is not None
    edit = measure.choose_edit(handbook)
    try:
        result = measure.measure_serve(
            [str(BIN / "handbook"), "serve", *(["--dirty"] if dirty else [])],
            catalogue,
            edit,
            measure.free_port(),
            work / "logs" / f"serve{'-dirty' if dirty else ''}.log",
            SERVE_TIMEOUT,
        )
    except RuntimeError as error:
        return {"size": size, "error": str(error)}
    result.update(size=size, dirty=dirty, edit=asdict(edit))
    print(f"   serve: reload {result['reload_s']:.1f} s", flush=True)
    return result


def _say(size: str, what: str, result: dict[str, Any]) -> None:
    print(
        f"   {what}: {result['total_s']:.2f} s in process, {len(result['written'])} files written, "
        f"{result['rss_mb']:.0f} MB peak",
        flush=True,
    )


if __name__ == "__main__":
    main()
