"""Writing the output tree: only changed files, own files only, atomic even when killed."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.write import forked
from generator.write.site import replace_site
from generator.write.writer import MANIFEST, write

PROJECT = Path(__file__).resolve().parents[1]
FILES = {
    "docs/index.md": b"# Home\n",
    "docs/roles/junior.md": b"# Junior\n",
    "docs/roles/senior.md": b"# Senior\n",
    "mkdocs.yml": b"site_name: x\n",
}


def tree(out: Path) -> dict[str, bytes]:
    """Every file below ``out`` (relative POSIX path -> content)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of every file, to see which were rewritten."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


def test_first_write_creates_everything(tmp_path: Path) -> None:
    """Assert that the first run writes every file and a manifest, and nothing beside the folder."""
    out = tmp_path / "out"
    report = write(FILES, out)
    assert report.written == tuple(sorted(FILES)) and report.removed == ()
    written = tree(out)
    assert {k: v for k, v in written.items() if k != MANIFEST} == FILES
    assert sorted(json.loads(written[MANIFEST])) == sorted(FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_same_files_write_nothing(tmp_path: Path) -> None:
    """Assert that a run with unchanged files writes zero files and touches no mtime."""
    out = tmp_path / "out"
    write(FILES, out)
    before = stamps(out)
    time.sleep(0.01)
    report = write(FILES, out)
    assert (report.written, report.removed, report.unchanged) == ((), (), len(FILES))
    assert stamps(out) == before


def test_a_change_rewrites_only_that_file(tmp_path: Path) -> None:
    """Assert that changing one file rewrites it alone; the others keep inode and mtime."""
    out = tmp_path / "out"
    write(FILES, out)
    before = stamps(out)
    report = write({**FILES, "docs/roles/senior.md": b"# Senior, new\n"}, out)
    assert report.written == ("docs/roles/senior.md",)
    assert report.unchanged == len(FILES) - 1
    after = stamps(out)
    assert (out / "docs/roles/senior.md").read_bytes() == b"# Senior, new\n"
    for name in ("docs/index.md", "docs/roles/junior.md", "mkdocs.yml"):
        assert after[name] == before[name], name


def test_stale_own_files_and_their_folders_removed(tmp_path: Path) -> None:
    """Assert that files of ours no longer generated disappear, with folders left empty."""
    out = tmp_path / "out"
    write({**FILES, "docs/paths/old.md": b"old\n"}, out)
    report = write(FILES, out)
    assert report.removed == ("docs/paths/old.md",) and report.written == ()
    assert not (out / "docs/paths").exists()
    assert set(tree(out)) == {*FILES, MANIFEST}


def test_foreign_files_are_kept(tmp_path: Path) -> None:
    """Assert that files someone else put into the output survive rewrites, links included."""
    out = tmp_path / "out"
    write(FILES, out)
    (out / "docs/roles/notes.txt").write_bytes(b"mine")
    (out / "extra").mkdir()
    (out / "extra/empty").mkdir()
    (out / "link").symlink_to(out / "extra")
    write({**FILES, "docs/index.md": b"# New home\n"}, out)
    write({k: v for k, v in FILES.items() if k != "docs/roles/junior.md"}, out)
    assert (out / "docs/roles/notes.txt").read_bytes() == b"mine"
    assert (out / "extra/empty").is_dir()
    assert (out / "link").is_symlink() and (out / "link").resolve() == (out / "extra").resolve()


def test_streamed_files_are_written_like_a_mapping(tmp_path: Path) -> None:
    """Assert that files given one by one (a generator) end up exactly as from a dict."""
    out = tmp_path / "out"
    report = write(((name, data) for name, data in FILES.items()), out)
    assert tree(out) == {**FILES, MANIFEST: (out / MANIFEST).read_bytes()}
    assert report.written == tuple(sorted(FILES))
    assert write(iter(FILES.items()), out).written == ()


def test_a_failure_while_streaming_leaves_the_old_tree(tmp_path: Path) -> None:
    """Assert that an error raised by the file source midway changes nothing in the output."""
    out = tmp_path / "out"
    write(FILES, out)
    before = stamps(out)

    def failing() -> Iterator[tuple[str, bytes]]:
        yield "docs/index.md", b"# Changed home\n"
        yield "docs/roles/new.md", b"# New\n"
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError, match="rendering failed"):
        write(failing(), out)
    assert stamps(out) == before
    assert tree(out)["docs/index.md"] == b"# Home\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_sources_alongside_are_staged_in_parallel_into_one_tree(tmp_path: Path) -> None:
    """Assert that files from a second source (a forked worker) land in the same tree."""
    out = tmp_path / "out"
    first = {k: v for k, v in FILES.items() if not k.startswith("docs/roles/")}
    second = {k: v for k, v in FILES.items() if k.startswith("docs/roles/")}
    report = write(iter(first.items()), out, alongside=[iter(second.items())])
    assert report.written == tuple(sorted(FILES))
    assert {k: v for k, v in tree(out).items() if k != MANIFEST} == FILES
    assert write(iter(first.items()), out, alongside=[iter(second.items())]).written == ()


def test_sources_alongside_without_fork_are_staged_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that where fork() does not exist (Windows) the second source is written too."""
    monkeypatch.setattr(forked, "CAN_FORK", False)
    out = tmp_path / "out"
    second = {"docs/roles/junior.md": FILES["docs/roles/junior.md"]}
    first = {k: v for k, v in FILES.items() if k not in second}
    assert write(first, out, alongside=[iter(second.items())]).written == tuple(sorted(FILES))
    assert {k: v for k, v in tree(out).items() if k != MANIFEST} == FILES


def test_a_failing_source_alongside_leaves_the_old_tree(tmp_path: Path) -> None:
    """Assert that an error in a parallel source is raised here and changes nothing."""
    out = tmp_path / "out"
    write(FILES, out)
    before = stamps(out)

    def failing() -> Iterator[tuple[str, bytes]]:
        yield "docs/roles/junior.md", b"# Junior, changed\n"
        raise ValueError("a sheet failed")

    with pytest.raises(ValueError, match="a sheet failed"):
        write({**FILES, "docs/index.md": b"# New\n"}, out, alongside=[failing()])
    assert stamps(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_file_from_two_sources_is_refused(tmp_path: Path) -> None:
    """Assert that two sources naming the same file is an error, not a silent overwrite."""
    with pytest.raises(OutputError, match="docs/index.md"):
        write(FILES, tmp_path / "out", alongside=[iter([("docs/index.md", b"# Other\n")])])
    assert not (tmp_path / "out").exists()


def test_hand_edited_own_file_is_restored(tmp_path: Path) -> None:
    """Assert that a generated file changed by hand is written again."""
    out = tmp_path / "out"
    write(FILES, out)
    (out / "docs/index.md").write_bytes(b"tampered")
    assert write(FILES, out).written == ("docs/index.md",)
    assert (out / "docs/index.md").read_bytes() == FILES["docs/index.md"]


def test_refuses_non_empty_foreign_folder(tmp_path: Path) -> None:
    """Assert that a folder with files but no manifest is refused and left alone."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.tex").write_bytes(b"precious")
    with pytest.raises(OutputError, match="is not empty and was not made by 'handbook generate'"):
        write(FILES, out)
    assert tree(out) == {"thesis.tex": b"precious"}


def test_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    """Assert that an existing empty folder can be the output."""
    out = tmp_path / "out"
    out.mkdir()
    assert len(write(FILES, out).written) == len(FILES)


def test_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    """Assert that a file we did not write is never overwritten, and nothing changes."""
    out = tmp_path / "out"
    write(FILES, out)
    (out / "docs/new.md").write_bytes(b"someone's")
    before = tree(out)
    with pytest.raises(OutputError, match="refusing to overwrite .*docs/new.md"):
        write({**FILES, "docs/new.md": b"ours"}, out)
    assert tree(out) == before


def test_output_that_is_a_file(tmp_path: Path) -> None:
    """Assert that an output path that is a file is refused."""
    (tmp_path / "out").write_bytes(b"x")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        write(FILES, tmp_path / "out")


@pytest.mark.parametrize("name", ["../escape.md", "/etc/passwd", "docs/../../x", "a\\..\\b", ""])
def test_refuses_paths_outside_the_output(tmp_path: Path, name: str) -> None:
    """Assert that relative paths climbing out, absolute or empty paths are refused up front."""
    with pytest.raises(OutputError, match="refusing to write outside the output folder"):
        write({**FILES, name: b"x"}, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_write_the_manifest_name(tmp_path: Path) -> None:
    """Assert that a page may not take the manifest's name."""
    with pytest.raises(OutputError, match="manifest"):
        write({MANIFEST: b"{}"}, tmp_path / "out")


def test_tampered_manifest_cannot_reach_outside(tmp_path: Path) -> None:
    """Assert that a manifest naming ../ paths cannot make the writer remove anything outside."""
    out = tmp_path / "out"
    write(FILES, out)
    victim = tmp_path / "victim"
    victim.mkdir()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["../victim/x"] = "0"
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    write({**FILES, "docs/index.md": b"new"}, out)
    assert victim.is_dir()


def test_leftovers_of_an_interrupted_run_are_cleaned(tmp_path: Path) -> None:
    """Assert that staging and retired folders of a killed run neither block nor remain."""
    out = tmp_path / "out"
    write(FILES, out)
    (tmp_path / ".out.handbook-new/docs").mkdir(parents=True)
    (tmp_path / ".out.handbook-old").mkdir()
    write({**FILES, "docs/index.md": b"new"}, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_output_link_keeps_pointing_at_the_new_tree(tmp_path: Path) -> None:
    """Assert that an output path that is a symlink stays a link to the rewritten folder."""
    real = tmp_path / "real"
    write(FILES, real)
    (tmp_path / "out").symlink_to(real)
    write({**FILES, "docs/index.md": b"new"}, tmp_path / "out")
    assert (tmp_path / "out").is_symlink()
    assert (real / "docs/index.md").read_bytes() == b"new"


# --- killed midway ------------------------------------------------------------------------

CHILD = r"""
import json, sys, time
from pathlib import Path
from generator.write import folders, writer as w

out, source, stop = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
files = {k: v.encode() for k, v in json.loads(source.read_text(encoding="utf-8")).items()}

def pause(where):
    print(where, flush=True)
    time.sleep(60)

if stop.startswith("file:"):
    count, limit, write_file = [0], int(stop[5:]), w._write_file
    def counting(path, data):
        write_file(path, data)
        count[0] += 1
        if count[0] == limit:
            pause(stop)
    w._write_file = counting
elif stop == "swap":
    swap = w.swap_in
    w.swap_in = lambda staging, target: (pause(stop), swap(staging, target))
elif stop == "retire":
    remove = folders.remove_tree
    def removing(path):
        if path.name.endswith("handbook-old") and path.exists():
            pause(stop)
        remove(path)
    folders.remove_tree = removing
print("start", flush=True)
w.write(files, out)
print("done", flush=True)
"""


def version(tag: str, count: int) -> dict[str, str]:
    """A tree of ``count`` pages in 20 folders; versions differ in every page and in names."""
    pages = {f"docs/d{i % 20}/{tag}-{i // 2}.md": f"{tag} {i}\n" * 50 for i in range(count)}
    return {**pages, "docs/index.md": f"# {tag}\n", "mkdocs.yml": f"site_name: {tag}\n"}


def run_child(out: Path, source: Path, stop: str, delay: float | None) -> None:
    """Write ``source`` into ``out`` in a child; SIGKILL it at ``stop`` or after ``delay``."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(out), str(source), stop],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "start\n"
    if delay is None:
        line = child.stdout.readline()
        assert line == f"{stop}\n", f"hook {stop} not reached: {line!r}"
    else:
        time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()


def test_killed_generation_leaves_old_or_new_tree(tmp_path: Path) -> None:
    """Assert that a writer killed at any point leaves the complete old or complete new tree."""
    versions = {tag: version(tag, 400) for tag in ("old", "new")}
    sources = {}
    for tag, files in versions.items():
        sources[tag] = tmp_path / f"{tag}.json"
        sources[tag].write_text(json.dumps(files), encoding="utf-8")
    expected = {tag: {k: v.encode() for k, v in files.items()} for tag, files in versions.items()}
    out = tmp_path / "out"
    write(expected["old"], out)
    (out / "foreign.txt").write_bytes(b"kept")
    rng = random.Random(20261123)
    stops = ["file:1", "file:200", "file:402", "file:403", "swap", "retire"]
    plan = [(stop, None) for stop in stops] + [("none", rng.uniform(0, 0.1)) for _ in range(4)]
    seen = set()

    def state() -> str:
        current = tree(out)
        manifest = json.loads(current.pop(MANIFEST))
        assert current.pop("foreign.txt") == b"kept"
        found = next((tag for tag, files in expected.items() if current == files), None)
        assert found is not None, f"mixed tree after killing at {stop} ({delay})"
        assert sorted(manifest) == sorted(expected[found])
        seen.add(found)
        return found

    stop, delay = "nothing", None
    for stop, delay in plan:
        other = "new" if state() == "old" else "old"
        run_child(out, sources[other], stop, delay)
    state()
    assert seen == {"old", "new"}  # kills after the swap left the new tree
    write(expected["new"], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json", "old.json", "out"]


def test_no_fork_while_other_threads_run() -> None:
    """Assert that the writer forks no process while another thread runs (a fork would copy
    only this thread, and any lock the other one holds would stay locked)."""
    idle = threading.Event()
    thread = threading.Thread(target=idle.wait)
    thread.start()
    try:
        assert not forked.can_fork()
    finally:
        idle.set()
        thread.join()


def test_a_failed_site_build_keeps_the_previous_site(tmp_path: Path) -> None:
    """Assert that a site build that fails midway leaves the site built before, whole."""
    site = tmp_path / "site"
    site.mkdir()
    for name in ("index.html", "sitemap.xml", "roles/a/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")

    def half_a_build(folder: Path) -> None:
        folder.mkdir()
        (folder / "index.html").write_text("new", encoding="utf-8")
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError):
        replace_site(site, half_a_build)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.*")) == [
        "index.html",
        "roles/a/index.html",
        "sitemap.xml",
    ]
    assert (site / "index.html").read_text(encoding="utf-8") == "index.html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
