"""Output safety, end to end through the `handbook` command.

The generator writes only inside its output folder, never deletes or overwrites a file it
did not write, and a generation killed with SIGKILL at any moment leaves the previous output
or the new one, complete, never a mix.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_CATALOGUE, FIXTURES, PROJECT

HANDBOOK = [sys.executable, "-m", "generator.cli"]
KILLS = 12


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HANDBOOK, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=PROJECT
    )


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (links as their target text) by relative path."""
    files = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            files[name] = f"-> {os.readlink(path)}".encode()
        elif path.is_file():
            files[name] = path.read_bytes()
    return files


def _everything(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def _copy_catalogue(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def _edit(root: Path, name: str, change: dict[str, object]) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# ------------------------------------------------------------------------------------------
# Nothing outside the output folder


@pytest.mark.parametrize(
    ("name", "edit"),
    [
        ("competencies/kommunikation.yaml", ("competencies", 0, "id", "../../ausserhalb")),
        ("competencies/kommunikation.yaml", ("competencies", 0, "id", "/tmp/absolut")),
        ("competencies/kommunikation.yaml", ("competencies", 0, "id", "..\\..\\fenster")),
        ("handbook.yaml", ("families", 0, "id", "../familie")),
        ("paths/service.yaml", ("steps", 0, None, "../../service-agent")),
        ("roles/service-agent.yaml", ("reports_to", None, None, "/etc/passwd")),
    ],
)
def test_traversal_ids_write_nothing(
    tmp_path: Path, name: str, edit: tuple[str, int | None, str | None, str]
) -> None:
    """Assert that ids or references with ../, / or \\ are refused and nothing is written."""
    root = _copy_catalogue(FIXTURES / "small-de", tmp_path / "cat")
    data = yaml.safe_load((root / name).read_text(encoding="utf-8"))
    field, index, key, value = edit
    if index is None:
        data[field] = value
    elif key is None:
        data[field][index] = value
    else:
        data[field][index][key] = value
    (root / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    before = _everything(tmp_path)
    result = _run("generate", root, "--out", tmp_path / "work" / "out")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{name}:" in result.stderr
    assert _everything(tmp_path) == before


def test_generation_writes_only_inside_its_output_folder(tmp_path: Path) -> None:
    """Assert that a generation leaves nothing beside its output folder and all files inside."""
    parent = tmp_path / "work"
    parent.mkdir()
    (parent / "neighbour.txt").write_text("bleibt", encoding="utf-8")
    for _ in range(2):  # a first and a repeated generation
        result = _run("generate", FIXTURES / "small-de", "--out", parent / "out")
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in parent.iterdir()) == ["neighbour.txt", "out"]
    assert (parent / "neighbour.txt").read_text(encoding="utf-8") == "bleibt"
    assert (parent / "out" / "mkdocs.yml").is_file()


# ------------------------------------------------------------------------------------------
# Foreign files


FOREIGN = {
    "NOTIZEN.md": b"meine Notizen\n",
    "docs/eigene-seite.md": b"# Eigene Seite\n",
    "docs/roles/entwurf.txt": b"Entwurf\n",
    "eigenes/tief/verschachtelt.bin": bytes(range(256)),
}


def test_foreign_files_survive_regeneration_and_stale_removal(tmp_path: Path) -> None:
    """Assert that files someone else put into the output survive, while stale pages go."""
    root = _copy_catalogue(FIXTURES / "small-de", tmp_path / "cat")
    out = tmp_path / "out"
    assert _run("generate", root, "--out", out).returncode == 0
    for name, data in FOREIGN.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    (out / "docs" / "link-nach-aussen").symlink_to(tmp_path / "cat")
    assert (out / "docs" / "roles" / "senior-agent.md").is_file()
    # drop a role: its page becomes stale and must go, the foreign files must not
    (root / "roles" / "senior-agent.yaml").unlink()
    path = yaml.safe_load((root / "paths" / "service.yaml").read_text(encoding="utf-8"))
    path["steps"] = [s for s in path["steps"] if "senior-agent" not in str(s)]
    (root / "paths" / "service.yaml").write_text(yaml.safe_dump(path), encoding="utf-8")
    for role in (root / "roles").glob("*.yaml"):
        text = role.read_text(encoding="utf-8").replace("senior-agent", "service-agent")
        role.write_text(text, encoding="utf-8")
    result = _run("generate", root, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (out / "docs" / "roles" / "senior-agent.md").exists()
    for name, data in FOREIGN.items():
        assert (out / name).read_bytes() == data, name
    assert os.readlink(out / "docs" / "link-nach-aussen") == str(tmp_path / "cat")
    assert (tmp_path / "cat" / "handbook.yaml").is_file()


def test_a_foreign_file_in_the_way_is_not_overwritten(tmp_path: Path) -> None:
    """Assert that a page name taken by a file someone else wrote is refused, not overwritten."""
    root = _copy_catalogue(FIXTURES / "small-de", tmp_path / "cat")
    out = tmp_path / "out"
    assert _run("generate", root, "--out", out).returncode == 0
    mine = out / "docs" / "roles" / "neue-rolle.md"
    mine.write_text("von Hand geschrieben\n", encoding="utf-8")
    before = _tree(out)
    shutil.copy(root / "roles" / "service-agent.yaml", root / "roles" / "neue-rolle.yaml")
    result = _run("generate", root, "--out", out)
    assert result.returncode == 1
    assert "neue-rolle.md" in result.stderr and "Traceback" not in result.stderr
    assert _tree(out) == before


def test_a_folder_not_made_by_the_generator_is_refused(tmp_path: Path) -> None:
    """Assert that a non-empty folder without the generator's manifest is left untouched."""
    out = tmp_path / "projekt"
    out.mkdir()
    (out / "wichtig.txt").write_text("nicht löschen", encoding="utf-8")
    result = _run("generate", FIXTURES / "small-de", "--out", out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert _tree(out) == {"wichtig.txt": "nicht löschen".encode()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["projekt"]


# ------------------------------------------------------------------------------------------
# SIGKILL midway


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The default catalogue (old) and an edited copy (new), with their complete outputs."""
    base = tmp_path_factory.mktemp("versions")
    new = _copy_catalogue(DEFAULT_CATALOGUE, base / "new")
    for role in (new / "roles").glob("*.yaml"):
        data = yaml.safe_load(role.read_text(encoding="utf-8"))
        _edit(new, f"roles/{role.name}", {"summary": f"Neu: {data['summary']}"})
    _edit(new, "handbook.yaml", {"version": "2099.1"})
    trees = {}
    for name, root in (("old", DEFAULT_CATALOGUE), ("new", new)):
        result = _run("generate", root, "--out", base / f"{name}-out")
        assert result.returncode == 0, result.stderr
        trees[name] = _tree(base / f"{name}-out")
    assert trees["old"] != trees["new"]
    return {"new_root": new, "old_out": base / "old-out", **trees}


def _kill_after(process: subprocess.Popen[bytes], seconds: float, watch: Path | None) -> None:
    """SIGKILL ``process`` ``seconds`` after start, or after ``watch`` appears when given."""
    if watch is not None:
        deadline = time.monotonic() + 60
        while process.poll() is None and not watch.exists() and time.monotonic() < deadline:
            time.sleep(0.0005)
    time.sleep(seconds)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def _mix(tree: dict[str, bytes], versions: dict[str, object]) -> str:
    """Which files of ``tree`` differ from the old and from the new output."""
    parts = []
    for name in ("old", "new"):
        other = versions[name]
        assert isinstance(other, dict)
        differ = sorted(n for n in tree.keys() | other.keys() if tree.get(n) != other.get(n))
        parts.append(f"{len(differ)} file(s) differ from {name}, e.g. {differ[:3]}")
    return "; ".join(parts)


@pytest.mark.slow
def test_killed_generation_leaves_old_or_new_output(
    tmp_path: Path, versions: dict[str, object]
) -> None:
    """Assert that SIGKILL at random moments leaves the old or the new output, never a mix."""
    old_out = versions["old_out"]
    assert isinstance(old_out, Path)
    out = tmp_path / "out"
    staging = tmp_path / f".{out.name}.handbook-new"
    started = time.monotonic()
    assert _run("generate", versions["new_root"], "--out", tmp_path / "probe").returncode == 0
    duration = time.monotonic() - started
    chance = random.Random(6)
    outcomes = []
    for attempt in range(KILLS):
        for folder in (out, staging):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(old_out, out, symlinks=True)
        watch = staging if attempt % 2 else None  # half aimed at the writing phase
        delay = chance.uniform(0, 0.02) if watch else chance.uniform(0, duration * 1.1)
        process = subprocess.Popen(
            [*HANDBOOK, "generate", str(versions["new_root"]), "--out", str(out)],
            cwd=PROJECT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _kill_after(process, delay, watch)
        tree = _tree(out)
        state = "old" if tree == versions["old"] else "new" if tree == versions["new"] else None
        assert state, f"attempt {attempt} (delay {delay:.3f}s) left a mix: {_mix(tree, versions)}"
        outcomes.append(state)
        leftovers = {p.name for p in tmp_path.iterdir()} - {"out", "probe"}
        assert leftovers <= {f".{out.name}.handbook-new", f".{out.name}.handbook-old"}
    result = _run("generate", versions["new_root"], "--out", out)  # recovers from any leftover
    assert result.returncode == 0, result.stderr
    assert _tree(out) == versions["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "probe"]
    assert "old" in outcomes, outcomes


@pytest.mark.slow
def test_a_build_stopped_by_sigterm_cleans_up_after_itself(tmp_path: Path) -> None:
    """Assert that SIGTERM (a cancelled CI job) during `handbook build` keeps the previous
    site and leaves neither the half-built site beside it nor a temporary tree behind
    (both were left: SIGTERM ended the process on the spot)."""
    site = tmp_path / "site"
    assert _run("build", FIXTURES / "small-de", "--site", site).returncode == 0
    before = _tree(site)
    staging = tmp_path / f".{site.name}.handbook-new"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [*HANDBOOK, "build", str(FIXTURES / "small-de"), "--site", str(site)],
        cwd=PROJECT,
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and not staging.exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    assert process.poll() is None, "the build ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr.decode()
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tmp"]
    assert list(temporary.iterdir()) == []
