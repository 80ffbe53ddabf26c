"""Write: work done in a forked child process, so that generation uses a second core.

A fork inherits the validated handbook as it is in memory: nothing is pickled on the way in,
and only the (small) result comes back through a pipe. Where forking is not safe (no
``fork`` on Windows, or other threads running, as in the live preview's server) the work
runs in this process when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")

CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


class Forked(Generic[T]):
    """``work()`` started in a child process at once; ``result()`` waits for its value."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = None
        if not can_fork():
            self._work = work
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        """The value of ``work()``, or the exception it raised, raised here."""
        if self._work is not None:
            return self._work()
        try:
            kind, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(
                f"a generation worker ended without a result (exit code {self._process.exitcode})"
            ) from None
        self._process.join()
        if kind == "error":
            raise value
        result: T = value
        return result

    def cancel(self) -> None:
        """Stop the child (after an error elsewhere) and wait until it is gone."""
        if self._work is None and self._process.is_alive():
            self._process.terminate()
        if self._work is None:
            self._process.join()


def can_fork() -> bool:
    """Whether a child may be forked: a fork copies only the calling thread, so any lock
    another thread holds (logging, a server's) would stay locked in the child forever."""
    return CAN_FORK and threading.active_count() == 1


def _run(work: Callable[[], Any], send: Connection) -> None:
    try:
        send.send(("ok", work()))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        try:
            send.send(("error", error))
        except Exception:  # the exception itself cannot be pickled: send what it says
            send.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
