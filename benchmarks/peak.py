"""``python -S peak.py FILE COMMAND…``: run COMMAND, then write its peak RSS (kB) and CPU
seconds (its own and its children's) to FILE; exit as it did.

Linux starts a child's peak RSS at the resident size of the process that forked it, and
keeps it across ``exec``: every stage started by the benchmark itself, which holds a
validated catalogue of 1,000 roles, would report at least the benchmark's own 120 MB. This
launcher is a small process; the figure ``wait4`` gives it is the command's own.
"""

import os
import signal
import sys


def main() -> None:
    report, command = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _pid, status, usage = os.wait4(pid, 0)
    with open(report, "w", encoding="utf-8") as stream:
        stream.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}\n")
    if os.WIFSIGNALED(status):  # end the same way, so that the caller sees the signal
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
