"""Benchmark: export a request with many events and large attachments, and report memory.

Builds a temporary log with one request of ``--events`` events, each carrying a
``--size-mb`` MB attachment of random bytes (500 × 1 MB by default, so about 0.5 GB of
files), then exports its evidence bundle in a fresh child process and prints that
process's peak resident memory (ru_maxrss), the peak of Python's own allocations
(tracemalloc) and the time taken. Target: peak memory at most 150 MB whatever the size
of the attachments, because stored files are streamed into the ZIP in chunks.

    python scripts/bench_export.py [--events 500] [--size-mb 1] [--pdf]

It is not part of the normal test suite; ``pytest --run-bench`` runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AS_OF = date(2026, 11, 25)
TARGET_MB = 150


def build(path: Path, events: int, size_mb: float) -> int:
    """A log with one request whose events alternate between a status inquiry sent and an
    interim release received, each with one attachment of random bytes."""
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    db = connect(path)
    component = log.ensure_component(
        db,
        abbr="ICE",
        name="U.S. Immigration and Customs Enforcement",
        agency_abbr="DHS",
        agency_name="Department of Homeland Security",
    )
    request_id = log.add_request(
        db, title="Benchmark request with many large replies", component_id=component
    ).new_id
    start = date(2024, 1, 2)
    log.record_event(db, request_id, log.NewEvent("filed", start, channel="portal"), today=AS_OF)
    size = int(size_mb * (1 << 20))
    for i in range(1, events):
        kind, name, mime = (
            ("interim_release", f"release-{i:04d}.pdf", "application/pdf")
            if i % 2
            else ("status_inquiry", f"inquiry-{i:04d}.eml", "message/rfc822")
        )
        attachment = log.Attachment(name, os.urandom(size), mime)
        log.record_event(
            db, request_id, log.NewEvent(kind, start + timedelta(days=i), files=(attachment,)), today=AS_OF
        )
    db.close()
    return request_id


def export(path: Path, request_id: int, out: Path, pdf: bool, trace: bool) -> dict:
    """Run the export in this process and measure it (called in a fresh child process).
    With ``trace``, tracemalloc records Python's allocations, which slows the export."""
    import tracemalloc

    from foiadesk.core.export.bundle import export_request
    from foiadesk.core.store.db import connect

    db = connect(path)
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = export_request(db, request_id, out, as_of=AS_OF, pdf=pdf, force=True)
    seconds = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "seconds": seconds,
        "rss_mb": rss_kb / 1024,
        "traced_mb": traced / (1 << 20),
        "files": result.files,
        "zip_mb": result.size / (1 << 20),
        "index_pdf": result.index_pdf,
    }


def _child(*args: str) -> dict:
    """Run this script in a fresh process. Linux keeps a process's peak memory across exec,
    so the parent stays small (it never holds attachments) to keep the child's figure honest."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=500)
    p.add_argument("--size-mb", type=float, default=1.0)
    p.add_argument("--pdf", action="store_true", help="also make the index PDF with LibreOffice")
    p.add_argument("--build", metavar="DB", help=argparse.SUPPRESS)
    p.add_argument("--child", nargs=3, metavar=("DB", "REQUEST", "OUT"), help=argparse.SUPPRESS)
    p.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.build:
        started = time.perf_counter()
        request_id = build(Path(args.build), args.events, args.size_mb)
        print(json.dumps({"request": request_id, "seconds": time.perf_counter() - started}))
        return {}
    if args.child:
        db, request_id, out = args.child
        print(json.dumps(export(Path(db), int(request_id), Path(out), args.pdf, args.trace)))
        return {}
    with tempfile.TemporaryDirectory(prefix="foiadesk-bench-") as tmp:
        path = Path(tmp) / "bench.sqlite3"
        built = _child("--build", str(path), "--events", str(args.events), "--size-mb", str(args.size_mb))
        print(
            f"built {args.events} events with {args.size_mb:g} MB attachments "
            f"({path.stat().st_size / (1 << 20):,.0f} MB database) in {built['seconds']:.1f} s"
        )
        run = [
            "--child",
            str(path),
            str(built["request"]),
            str(Path(tmp) / "out.zip"),
            *(["--pdf"] if args.pdf else []),
        ]
        figures = _child(*run)  # time and resident memory, undisturbed
        figures["traced_mb"] = _child(*run, "--trace")["traced_mb"]
    print(
        f"exported {figures['files']} files ({figures['zip_mb']:,.0f} MB ZIP) in {figures['seconds']:.1f} s"
    )
    print(f"peak resident memory (ru_maxrss): {figures['rss_mb']:.0f} MB (target ≤ {TARGET_MB} MB)")
    print(f"peak Python allocations (tracemalloc, second run): {figures['traced_mb']:.1f} MB")
    print(f"index PDF: {figures['index_pdf'] or 'none (run with --pdf for LibreOffice)'}")
    return figures


if __name__ == "__main__":
    main()
