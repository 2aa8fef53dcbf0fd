"""Shared pieces of the hostile-input and fault suite: the command line run as a user runs
it (a separate process, its output and exit status), a small log to attack, and the
window fixtures for the dialog tests."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from window_fixtures import TODAY, demo_copy, demo_file, open_window, settings, wait_loaded

__all__ = ["TODAY", "demo_copy", "demo_file", "open_window", "settings", "wait_loaded"]


def foiadesk(*args, timeout=60, **kw) -> subprocess.CompletedProcess:
    """One command in its own process, as typed in a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "foiadesk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


def inproc(*args) -> subprocess.CompletedProcess:
    """The same command run inside the test process (quicker, for long loops)."""
    import contextlib
    import io

    from foiadesk.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    argv = [str(a) for a in args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def refused(done: subprocess.CompletedProcess, *words: str) -> str:
    """The command said one line, naming ``words``, exited 2 and hit no internal error."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if not line.startswith("foiadesk: note:")]
    assert len(lines) == 1 and lines[0].startswith("foiadesk"), done.stderr
    assert "Traceback" not in done.stderr and "went wrong inside" not in done.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def small_log(tmp_path):
    """A log with one filed request (#1 to ICE)."""
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts")
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 11, 2), channel="email"), today=TODAY)
    db.close()
    return path


@pytest.fixture
def no_crash_log(isolated_data_dir):
    """Fails the test if anything was written to the crash log."""
    yield
    assert not (isolated_data_dir / "foiadesk-errors.log").exists()


def mount_tmpfs(folder: Path, size: str = "4m") -> bool:
    """A small file system of its own at ``folder`` (needs root); False when not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)
