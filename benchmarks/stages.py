"""One benchmark stage, run in its own process so that its peak memory is its own.

``python benchmarks/stages.py generate ROOT TREE [--profile FILE]`` loads and validates a
catalogue, renders the tree and writes it, timing each stage; the last line printed is a
JSON object with the timings and what was written. With ``--profile`` the whole generation
runs under cProfile, all in one process, and the statistics are written to FILE (and
FILE.txt, readable).

``python benchmarks/stages.py yaml ROOT`` times how long libyaml takes to read and parse the
catalogue's YAML files (PyYAML's ``CSafeLoader``), three times: the yardstick the
generation is measured against.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from itertools import chain
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.check.validate import validate  # noqa: E402
from generator.load.catalogue import load  # noqa: E402
from generator.pipeline import without_cyclic_gc, write_tree  # noqa: E402
from generator.render.plan import RenderPlan  # noqa: E402
from generator.write.writer import MANIFEST, write  # noqa: E402

YAML_RUNS = 3


def generate(root: Path, tree: Path, *, parallel: bool = True) -> dict[str, Any]:
    """Load, validate, render and write one catalogue; seconds of each stage.

    Like ``handbook generate``, with the cyclic garbage collector paused.
    """
    with without_cyclic_gc():
        return _generate(root, tree, parallel=parallel)


def _generate(root: Path, tree: Path, *, parallel: bool) -> dict[str, Any]:
    started = time.perf_counter()
    loaded = load(root)
    loaded_at = time.perf_counter()
    result = validate(loaded)
    validated_at = time.perf_counter()
    if result.handbook is None:
        return {"errors": len(result.errors), "problems": [str(p) for p in result.problems[:5]]}
    plan = RenderPlan(result.handbook)
    # in parallel as `handbook generate` does; else in this process (profiling)
    report = write_tree(plan, tree) if parallel else write(chain(*plan.tree()), tree)
    written_at = time.perf_counter()
    sizes = {
        path.relative_to(tree).as_posix(): path.stat().st_size
        for path in tree.rglob("*")
        if path.is_file() and path.name != MANIFEST
    }
    return {
        "tree_bytes": sum(sizes.values()),
        "markdown_bytes": sum(size for name, size in sizes.items() if name.endswith(".md")),
        "theme_bytes": sum(size for name, size in sizes.items() if name.startswith("overrides/")),
        "load_s": loaded_at - started,
        "validate_s": validated_at - loaded_at,
        "render_write_s": written_at - validated_at,
        "total_s": written_at - started,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "files": len(sizes),
        "pages": sum(1 for name in sizes if name.startswith("docs/") and name.endswith(".md")),
        "tree_by_kind": _bytes_by_kind(sizes),
        "written": list(report.written),
        "removed": list(report.removed),
    }


def _bytes_by_kind(sizes: dict[str, int]) -> dict[str, int]:
    """Bytes of the generated tree per kind (the first folder below docs/, or the file)."""
    kinds: dict[str, int] = {}
    for name, size in sizes.items():
        parts = name.removeprefix("docs/").split("/")
        kind = parts[0] if len(parts) > 1 else parts[0].removesuffix(".md")
        kinds[kind] = kinds.get(kind, 0) + size
    return dict(sorted(kinds.items()))


def profiled(root: Path, tree: Path, output: Path) -> dict[str, Any]:
    """``generate`` under cProfile; the statistics go to ``output`` and ``output``.txt."""
    profile = cProfile.Profile()
    result = profile.runcall(generate, root, tree, parallel=False)  # all of it in this process
    profile.dump_stats(output)
    text = io.StringIO()
    stats = pstats.Stats(profile, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)
    output.with_suffix(".txt").write_text(text.getvalue(), encoding="utf-8")
    result["hotspots"] = hotspots(stats)
    return result


def hotspots(stats: pstats.Stats, count: int = 15) -> list[dict[str, Any]]:
    """The functions with the most own time: where a faster generator would start."""
    rows = []
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": f"{Path(filename).name}:{line}({name})",
                "calls": calls,
                "own_s": own,
                "cumulative_s": cumulative,
            }
        )
    rows.sort(key=lambda row: -row["own_s"])
    return rows[:count]


def parse_yaml(root: Path, runs: int = YAML_RUNS) -> dict[str, Any]:
    """Seconds to read and parse every YAML file of a catalogue with libyaml, ``runs`` times."""
    import yaml

    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        times.append(time.perf_counter() - started)
    return {"files": len(files), "runs_s": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stage", choices=["generate", "yaml"])
    parser.add_argument("root", type=Path)
    parser.add_argument("tree", type=Path, nargs="?")
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()
    if args.stage == "yaml":
        result = parse_yaml(args.root)
    elif args.profile is not None:
        result = profiled(args.root, args.tree, args.profile)
    else:
        result = generate(args.root, args.tree)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
