"""Helper programs (LibreOffice, Tesseract, pdftoppm) run in a process group of their own, so
that stopping one at its time limit also stops whatever it started."""

from __future__ import annotations

import os
import signal
import subprocess


def kill_group(proc: subprocess.Popen) -> None:
    """Kill every process of ``proc``'s group (started with ``start_new_session=True``) and
    reap ``proc``."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    if proc.poll() is None:
        proc.kill()
    proc.wait()
