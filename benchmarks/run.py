"""``make bench``: generate and build synthetic catalogues of three sizes, write BENCHMARKS.md.

Each stage runs in its own process, so the peak memory reported is that stage's own:
generation (load, validate, render, write), a no-op regeneration, the strict MkDocs build
of the generated tree, a one-role edit with its regeneration and a dirty MkDocs rebuild,
and at the largest size a profile of the generation and the reload time of
``handbook serve``. Everything happens under benchmarks/out/ (git-ignored).

    python benchmarks/run.py                 # S, M and L (L takes several minutes)
    python benchmarks/run.py --sizes S,M     # fewer sizes
    python benchmarks/run.py --keep          # keep benchmarks/out/ for a look afterwards
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

import measure  # noqa: E402
import report  # noqa: E402
import synthetic  # noqa: E402

from generator.pipeline import check  # noqa: E402

BIN = Path(sys.executable).parent
OUT = HERE / "out"
SIZES = ("S", "M", "L")
FRESH_RUNS = 3  # generations into an empty tree per size; the median one is reported
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
        "--report-only", action="store_true", help="rewrite the report from a kept run's results"
    )
    args = parser.parse_args()
    sizes = [s for s in SIZES if s in args.sizes.upper().split(",")]
    if not sizes:
        parser.error(f"--sizes: choose from {','.join(SIZES)}")
    if args.report_only:
        results = json.loads((OUT / "results.json").read_text(encoding="utf-8"))
        saved = OUT / "extras.json"  # profiles and serve timing: absent if the run was cut off
        extras = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    else:
        results, extras = measure_all(sizes, args.build_timeout, serve_too=not args.no_serve)
    text = report.document(results, extras)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    if not args.keep and not args.report_only:
        shutil.rmtree(OUT, ignore_errors=True)


def measure_all(
    sizes: list[str], timeout: float, *, serve_too: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every size, then the profiles and the live preview at the largest size run."""
    OUT.mkdir(exist_ok=True)
    results: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    for size in sizes:
        print(f"== {size}", flush=True)
        results[size] = bench_size(size, OUT / size, timeout)
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
    return results, extras


def _save(results: dict[str, Any], extras: dict[str, Any]) -> None:
    """Keep what was measured so far (``--report-only`` rewrites the report from it)."""
    for name, data in (("results.json", results), ("extras.json", extras)):
        (OUT / name).write_text(json.dumps(data, indent=1), encoding="utf-8")


def bench_size(size: str, work: Path, timeout: float) -> dict[str, Any]:
    """Every measurement of one catalogue size."""
    if work.exists():
        shutil.rmtree(work)
    catalogue = synthetic.write_catalogue(size, work / "catalogue")
    tree, site = work / "tree", work / "site"
    before = check(catalogue).handbook
    assert before is not None, f"the {size} catalogue is not valid"
    result: dict[str, Any] = {"catalogue": catalogue_facts(catalogue, before)}
    stamp = code_stamp()
    result["generate"] = fresh_generations(catalogue, tree, work / "logs")
    _say(size, "generation", result["generate"])
    result["noop"] = generate(catalogue, tree, work / "logs" / "noop.log")
    _say(size, "no-op", result["noop"])
    result["build"] = mkdocs_build(tree, site, work / "logs" / "build.log", timeout)
    print(f"   MkDocs build {result['build']['seconds']:.1f} s", flush=True)
    if result["build"]["ok"]:
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


def fresh_generations(catalogue: Path, tree: Path, logs: Path) -> dict[str, Any]:
    """The median of ``FRESH_RUNS`` generations into an empty tree; all totals kept.

    A first generation writes every file, so disk write-back makes it vary from run to run.
    """
    runs = []
    for number in range(1, FRESH_RUNS + 1):
        shutil.rmtree(tree, ignore_errors=True)
        runs.append(generate(catalogue, tree, logs / f"generate-{number}.log"))
    median = sorted(runs, key=lambda run: run["total_s"])[len(runs) // 2]
    return {**median, "runs_total_s": [run["total_s"] for run in runs]}


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
    """``mkdocs build`` of the generated tree (strict, as its mkdocs.yml says)."""
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
