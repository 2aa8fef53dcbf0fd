"""Faults: processes killed at random instants and hostile files thrown at every reader.

Kills: a writer logging events with files through the command line's core calls, a backup
and an export are SIGKILLed at random moments; every commit reported before the kill is in
the log, the log passes SQLite's integrity check, no output appears under its final name
half-written, and the next run cleans the temporary files up.

Files: pipes, devices, huge sparse files, folders, symlinks to devices and randomly mutated
replies go to ``log --file``'s reader and the reply reader in a child process: no crash, no
hang (each within a time limit), and the peak memory stays bounded.

The quick run is part of the suite; ``--run-bench`` runs the long one and prints figures.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foiadesk.core.store.db import connect

REPLIES = Path(__file__).parents[1] / "fixtures" / "replies"

WRITER = r"""
import os, sys
from datetime import date
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.reference.directory import load_directory
db = connect(sys.argv[1])
ice = load_directory().component("ICE")
n = 0
while True:
    if n % 25 == 0:
        request_id = log.add_directory_request(db, ice, title=f"Request {n}").new_id
    data = os.urandom(5000 + n % 5 * 20000)
    changes = log.record_event(db, request_id, log.NewEvent("note", date(2026, 1, 2), summary=f"n{n}",
                               files=(log.Attachment(f"scan-{n}.pdf", data),)))
    print(changes.new_id, flush=True)
    n += 1
"""


def kill_writers(path: Path, kills: int, rng: random.Random) -> dict:
    committed = 0
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        first = proc.stdout.readline()
        assert first.strip(), "writer did not start"
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        reported = [int(x) for x in (first + proc.stdout.read()).split()]
        proc.wait()
        check = sqlite3.connect(path)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = {r[0] for r in check.execute("SELECT id FROM events")}
        orphans = check.execute(
            "SELECT count(*) FROM attachments a LEFT JOIN files f USING (sha256) WHERE f.sha256 IS NULL"
        ).fetchone()[0]
        check.close()
        assert set(reported) <= present and orphans == 0  # nothing reported was lost
        committed += len(reported)
    return {"writer_kills": kills, "commits_reported": committed}


def kill_outputs(path: Path, folder: Path, kills: int, rng: random.Random) -> dict:
    """Kill backups and exports half-way: nothing under the final name, leftovers cleaned."""
    commands = [
        ["backup", "--out", folder / "copy.sqlite3"],
        ["export-list", "--out", folder / "list.xlsx"],
        ["export", "--request", 1, "--no-pdf", "--out", folder / "bundle.zip"],
    ]
    whole = 0
    for i in range(kills):
        command = commands[i % len(commands)]
        target = Path(command[command.index("--out") + 1])
        target.unlink(missing_ok=True)
        proc = subprocess.Popen(
            [sys.executable, "-m", "foiadesk", *map(str, command), "--db", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():  # it finished before the kill: then it must be complete
            whole += 1
            if target.suffix == ".sqlite3":
                assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            else:
                import zipfile

                assert zipfile.ZipFile(target).testzip() is None
    done = subprocess.run(
        [sys.executable, "-m", "foiadesk", "export-list", "--out", folder / "again.csv", "--db", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".part")]
    return {"output_kills": kills, "finished_before_kill": whole}


def kill_both(tmp_path, seed: int, writers: int, outputs: int) -> None:
    path = tmp_path / "log.sqlite3"
    connect(path).close()
    rng = random.Random(seed)
    figures = kill_writers(path, writers, rng)
    out = tmp_path / "out"
    out.mkdir()
    figures |= kill_outputs(path, out, outputs, rng)
    print(f"\nkills: {figures}")


def test_kills_lose_nothing(tmp_path):
    kill_both(tmp_path, 16, 6, 3)


@pytest.mark.bench
def test_kills_lose_nothing_long(tmp_path):
    kill_both(tmp_path, 1616, 150, 45)


READER = r"""
import json, resource, sys, time
from pathlib import Path
from foiadesk.core.errors import UserError
from foiadesk.core.inputs import read_limited
from foiadesk.core.replies import ocr
from foiadesk.core.replies.files import read_reply
ocr.available = lambda: False  # reading scans by OCR takes seconds a page: not what this measures
worst, refused, read = 0.0, 0, 0
for name in json.loads(sys.stdin.read()):
    for fn in (read_limited, read_reply):
        started = time.perf_counter()
        try:
            fn(name)
            read += 1
        except UserError:
            refused += 1
        worst = max(worst, time.perf_counter() - started)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"read": read, "refused": refused, "slowest_s": round(worst, 2), "peak_mb": peak}))
"""


def hostile_files(folder: Path, mutants: int, rng: random.Random) -> list[str]:
    folder.mkdir()
    names = []
    fifo = folder / "pipe.eml"
    os.mkfifo(fifo)
    names.append(fifo)
    for target in ("/dev/zero", "/dev/urandom", "/dev/null"):
        link = folder / f"device-{Path(target).name}.pdf"
        link.symlink_to(target)
        names += [link, Path(target)]
    sparse = folder / "huge.pdf"
    with sparse.open("wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GB on paper, nothing on disk
    names += [sparse, folder, folder / "missing.eml"]
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    names.append(empty)
    sources = sorted(p for p in REPLIES.iterdir() if p.suffix in (".eml", ".pdf", ".msg", ".txt"))
    for i in range(mutants):
        source = sources[i % len(sources)]
        data = bytearray(source.read_bytes())
        for _ in range(rng.randint(1, 40)):
            action = rng.random()
            at = rng.randrange(len(data) or 1)
            if action < 0.5 and data:
                data[at] = rng.randrange(256)
            elif action < 0.8:
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
            else:
                del data[at : at + rng.randint(1, 256)]
        path = folder / f"mutant-{i}{source.suffix}"
        path.write_bytes(bytes(data))
        names.append(path)
    return [str(n) for n in names]


def fuzz(tmp_path, mutants: int, seed: int) -> dict:
    names = hostile_files(tmp_path / "files", mutants, random.Random(seed))
    done = subprocess.run(
        [sys.executable, "-c", READER],
        input=json.dumps(names),
        capture_output=True,
        text=True,
        timeout=60 + mutants,
    )
    assert done.returncode == 0, done.stderr[-2000:]  # no crash: every refusal was a UserError
    figures = json.loads(done.stdout)
    figures["files"] = len(names)
    return figures


def test_hostile_files_neither_crash_nor_hang(tmp_path):
    figures = fuzz(tmp_path, 60, 16)
    print(f"\nfuzzed files: {figures}")
    assert figures["read"] + figures["refused"] == 2 * figures["files"]
    assert figures["peak_mb"] < 400 and figures["slowest_s"] < 10


@pytest.mark.bench
def test_hostile_files_long(tmp_path):
    figures = fuzz(tmp_path, 3000, 1616)
    print(f"\nfuzzed files: {figures}")
    assert figures["peak_mb"] < 400
