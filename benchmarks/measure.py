"""Measurements for the benchmark: child processes, built sites, and what an edit may touch."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.model.handbook import Handbook
from generator.model.relations import Relations
from generator.render import urls


@dataclass(frozen=True)
class Child:
    """A finished child process: wall seconds, CPU seconds (user and system, its own and its
    children's), peak resident memory, its output."""

    seconds: float
    rss_mb: float
    returncode: int
    stdout: str
    log: Path
    cpu_s: float = 0.0

    def json(self) -> dict[str, Any]:
        """The JSON object on the last line of the child's output."""
        lines = self.stdout.strip().splitlines()
        if self.returncode != 0 or not lines:
            tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"stage failed ({self.returncode}), see {self.log}:\n{tail}")
        result: dict[str, Any] = json.loads(lines[-1])
        return result


PEAK = Path(__file__).with_name("peak.py")


def run_child(args: list[str], log: Path, *, timeout: float | None = None) -> Child:
    """Run ``args`` to the end, started by ``peak.py``: its own peak RSS, not this
    process's (a child's peak starts at the size of the process that forks it).

    After ``timeout`` seconds the child (and what it started) is killed.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    usage_file = log.with_name(f"{log.name}.usage")
    usage_file.unlink(missing_ok=True)
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as errors:
        process = subprocess.Popen(
            [sys.executable, "-S", str(PEAK), str(usage_file), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            start_new_session=True,
        )
        timer = threading.Timer(timeout or 0, os.killpg, (process.pid, signal.SIGKILL))
        if timeout:
            timer.start()
        assert process.stdout is not None
        stdout = process.stdout.read()
        process.wait()
        timer.cancel()
    seconds = time.perf_counter() - started
    process.stdout.close()
    rss_kb, cpu = (
        (float(v) for v in usage_file.read_text().split()) if usage_file.exists() else (0, 0)
    )
    return Child(seconds, rss_kb / 1000, process.returncode, stdout, log, cpu)


SHARED = "/_shared/"  # overrides/<kind>/_shared/: the pieces the pages of a kind share


def kind_of(name: str) -> str:
    """The kind of a generated file: roles, sheets, …, the pieces a kind of page shares
    ("sheets (shared)"), or the file name for single files."""
    if name.startswith("overrides/") and SHARED in name:
        return f"{name.split('/')[1]} (shared)"
    path = PurePosixPath(name.removeprefix("docs/").removeprefix("overrides/"))
    if name.startswith(("docs/", "overrides/")) and len(path.parts) > 1:
        return path.parts[0]
    return path.name.removesuffix(".md")


def page_key(name: str) -> str:
    """``docs/roles/x.md`` and ``roles/x/index.html`` both become ``roles/x``."""
    key = name.removeprefix("docs/").removeprefix("overrides/").removesuffix(".md")
    key = key.removesuffix("index.html").removesuffix(".html")
    return key.rstrip("/") or "index"


def site_stats(site: Path) -> dict[str, Any]:
    """Size of a built site, its largest page, its search index, and where the bytes go."""
    total = files = 0
    by_kind: dict[str, list[tuple[int, str]]] = defaultdict(list)
    text: Counter[str] = Counter()
    boxes = 0
    for folder, _dirs, names in os.walk(site):
        for name in names:
            path = Path(folder) / name
            size = path.stat().st_size
            total += size
            files += 1
            if name.endswith(".html"):
                relative = path.relative_to(site).as_posix()
                kind = page_key(relative).split("/")[0]
                by_kind[kind].append((size, relative))
                page = path.read_text(encoding="utf-8")
                text[kind] += content_text_bytes(page)
                boxes += page.count('type="radio"')
    largest = max((max(pages) for pages in by_kind.values()), default=(0, ""))
    smallest = min((min(pages) for pages in by_kind.values()), default=(0, ""))
    index = site / "search" / "search_index.json"
    return {
        "site_bytes": total,
        "site_files": files,
        "html_pages": sum(len(pages) for pages in by_kind.values()),
        "largest_bytes": largest[0],
        "largest_page": largest[1],
        "search_bytes": index.stat().st_size if index.exists() else 0,
        "search_by_kind": search_breakdown(index),
        "html_by_kind": {kind: _kind_stats(site, pages) for kind, pages in sorted(by_kind.items())},
        "nav_bytes": nav_bytes(site / largest[1]) if largest[1] else 0,
        # the floor of the site's size: what its pages say, each in the theme's least frame
        "text_bytes": sum(text.values()),
        "text_by_kind": dict(sorted(text.items())),
        "html_bytes": sum(size for pages in by_kind.values() for size, _ in pages),
        "smallest_bytes": smallest[0],
        "smallest_page": smallest[1],
        "rating_boxes": boxes,
    }


_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


def content_text_bytes(page: str) -> int:
    """UTF-8 bytes of what a page's content says: its article without scripts, markup,
    character references and repeated white space."""
    article = _ARTICLE.search(page)
    if article is None:
        return 0
    words = _TAG.sub(" ", _SCRIPT.sub("", article.group(0)))
    return len(_SPACES.sub(" ", html.unescape(words)).encode("utf-8"))


def _kind_stats(site: Path, pages: list[tuple[int, str]]) -> dict[str, Any]:
    """Pages of one kind: how many, their bytes, the largest and its navigation's bytes."""
    size, name = max(pages)
    return {
        "pages": len(pages),
        "bytes": sum(s for s, _ in pages),
        "largest": size,
        "largest_page": name,
        "nav_bytes": nav_bytes(site / name),
    }


def search_breakdown(index: Path) -> dict[str, dict[str, int]]:
    """Search index entries and text characters per kind of page."""
    if not index.exists():
        return {}
    docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    result: dict[str, dict[str, int]] = defaultdict(lambda: {"entries": 0, "chars": 0})
    for doc in docs:
        kind = page_key(doc.get("location", "").split("#")[0]).split("/")[0]
        result[kind]["entries"] += 1
        result[kind]["chars"] += len(doc.get("text", "")) + len(doc.get("title", ""))
    return dict(sorted(result.items()))


_NAV_TAG = re.compile(r"<(/?)nav\b")


def nav_bytes(page: Path) -> int:
    """Bytes of the primary navigation (Material's left sidebar) in one HTML page."""
    html = page.read_text(encoding="utf-8", errors="replace")
    start = html.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth = 0
    for match in _NAV_TAG.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end() - start
    return len(html) - start


@dataclass(frozen=True)
class Edit:
    """One target of one role changed, as an HR author would."""

    role_id: str
    competency_id: str
    before: int
    after: int


def choose_edit(handbook: Handbook) -> Edit:
    """A role in the middle of the catalogue and a target it can change without a warning."""
    relations = Relations(handbook)
    roles = relations.roles_in_order
    for role in roles[len(roles) // 2 :] + roles[: len(roles) // 2]:
        for target in role.targets:
            for level in (target.level + 1, target.level - 1):
                in_scale = 1 <= level <= handbook.scale.maximum
                if in_scale and _fits(relations, role.id, target.competency_id, level):
                    return Edit(role.id, target.competency_id, target.level, level)
    role, target = roles[0], roles[0].targets[0]
    return Edit(role.id, target.competency_id, target.level, 1 + target.level % 2)


def _fits(relations: Relations, role_id: str, competency_id: str, level: int) -> bool:
    """Whether ``level`` keeps targets rising (by at most two) along the role's paths."""
    for position in relations.positions.get(role_id, ()):
        below = position.previous and relations.targets(position.previous).get(competency_id)
        above = position.next and relations.targets(position.next).get(competency_id)
        if below and not below <= level <= below + 2:
            return False
        if above and not level <= above <= level + 2:
            return False
    return True


def apply_edit(root: Path, edit: Edit) -> Path:
    """Change the target in the role's file, keeping everything else as written."""
    path = next((root / "roles").glob(f"{edit.role_id}.y*ml"))
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^(\s+{re.escape(edit.competency_id)}:\s*){edit.before}\b", re.M)
    changed, count = pattern.subn(rf"\g<1>{edit.after}", text)
    if count != 1:
        raise RuntimeError(f"cannot find the target {edit.competency_id} in {path}")
    path.write_text(changed, encoding="utf-8")
    return path


def allowed_pages(before: Handbook, after: Handbook, role_id: str) -> dict[str, str]:
    """Page key -> why it shows the role: the pages a change of its targets may rewrite."""
    allowed = {"matrix": "matrix", "catalogue.json": "json", "matrix.csv": "csv"}
    for handbook in (before, after):
        relations = Relations(handbook)
        role = handbook.role(role_id)
        allowed[f"roles/{role.id}"] = "its page"
        allowed[f"sheets/{role.id}"] = "its sheet"
        allowed[f"families/{role.family_id}"] = "its family"
        allowed[f"matrix/{role.family_id}"] = "its family's matrix"
        for position in relations.positions.get(role.id, ()):
            allowed[f"paths/{position.path.id}"] = "its paths"
            for change in relations.step_changes[position.path.id]:
                if role_id in (change.before.id, change.after.id):
                    # sheets/<path>/step-<n>, n counted from 1; change.index is 0-based
                    sheet = f"sheets/{change.path.id}/step-{change.index + 1}"
                    allowed[sheet] = "its readiness sheets"
        for target in role.targets:
            allowed[f"competencies/{target.competency_id}"] = "competencies it lists"
        for other, nearby in relations.nearby.items():
            if any(r.id == role_id for r in nearby):
                allowed.setdefault(f"roles/{other}", "roles listing it as nearby")
    return allowed


def check_edit(written: list[str], allowed: dict[str, str]) -> dict[str, Any]:
    """Which rewritten files the edit explains, and which it does not (by kind). The pieces
    a kind of page shares (``overrides/<kind>/_shared/``) change with any page of the kind
    that shows a new variant of one, so they are explained, as is a file of page bodies
    (``overrides/<kind>/_bodies/``) that holds the body of a page the edit explains."""
    bodies = {f"overrides/{urls.page_body(key + '.md')}" for key in allowed}
    unexpected = [
        name
        for name in written
        if not (name.startswith("docs/") or name.startswith("overrides/"))
        or (SHARED not in name and name not in bodies and page_key(name) not in allowed)
    ]
    return {
        "written": len(written),
        "by_kind": dict(sorted(Counter(kind_of(name) for name in written).items())),
        "unexpected": len(unexpected),
        "unexpected_by_kind": dict(sorted(Counter(kind_of(name) for name in unexpected).items())),
        "unexpected_examples": unexpected[:5],
        "allowed": len(allowed),
    }


def measure_serve(
    command: list[str], catalogue: Path, edit: Edit, port: int, log: Path, timeout: float
) -> dict[str, Any]:
    """``handbook serve``: seconds to the first page, then from a saved edit to the new page.

    The MkDocs server answers page requests only between builds and tells browsers about a
    finished build through its livereload long-poll (``/livereload/<epoch>/<id>``), which
    is what this waits on.
    """
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/roles/{edit.role_id}/"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, str(catalogue), "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            before = _poll(url, started + timeout, process)
            ready = time.perf_counter() - started
            found = _LIVERELOAD.search(before)
            if found is None:
                raise RuntimeError(f"{url} does not come from a MkDocs server with live reload")
            epoch = int(found.group(1))
            apply_edit(catalogue, edit)
            edited = time.perf_counter()
            while int(_poll(f"{base}/livereload/{epoch}/0", edited + timeout, process)) <= epoch:
                pass
            reload = time.perf_counter() - edited
            after = _poll(url, edited + timeout, process)
            peak = _peak_rss_mb(process.pid)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
    return {
        "startup_s": ready,
        "reload_s": reload,
        "page_changed": _LIVERELOAD.sub("", before) != _LIVERELOAD.sub("", after),
        **({"rss_mb": peak} if peak else {}),
    }


def _peak_rss_mb(pid: int) -> float | None:
    """Peak resident memory of a running process (Linux: VmHWM), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) * 1024 / 1_000_000 if found else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


_LIVERELOAD = re.compile(r"livereload\((\d+), \d+\)")


def _poll(url: str, deadline: float, process: Any) -> str:
    """The body of ``url`` once the server answers; fails if it stops or takes too long."""
    from urllib.error import URLError
    from urllib.request import urlopen

    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {process.returncode}")
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no answer from {url} in time")
        try:
            with urlopen(url, timeout=120) as response:  # noqa: S310 - our own local server
                body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
        except (URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)


BUILD_PARTS = (
    ("MkDocs build, total", "mkdocs/commands/build.py", "build"),
    ("Markdown to HTML (Python-Markdown, all extensions)", "markdown/core.py", "convert"),
    ("raw HTML blocks with `markdown` attribute (md_in_html)", "md_in_html.py", "run"),
    ("HTML parsed by html.parser (all callers)", "html/parser.py", "feed"),
    ("search index entries (Material search plugin)", "search/plugin.py", "on_page_context"),
    ("page templates (Material theme)", "jinja2/environment.py", "render"),
    ("navigation in the templates", "partials/nav.html", "root"),
    ("writing HTML files", "mkdocs/utils/__init__.py", "write_file"),
)


def build_profile(stats_file: Path) -> list[dict[str, Any]]:
    """Where a profiled MkDocs build spent its time, by the parts that matter here."""
    import pstats

    stats = pstats.Stats(str(stats_file)).stats  # type: ignore[attr-defined]
    rows = []
    for label, suffix, function in BUILD_PARTS:
        matches = [
            (cumulative, calls)
            for (filename, _line, name), (_cc, calls, _own, cumulative, _callers) in stats.items()
            if name == function and filename.endswith(suffix)
        ]
        if matches:
            cumulative, calls = max(matches)
            rows.append({"part": label, "seconds": cumulative, "calls": calls})
    return rows
