"""Reading a scanned letter: its pages rendered (poppler's pdftoppm) and read by Tesseract.

Both are local programs (Debian's ``tesseract-ocr`` and ``poppler-utils``, which ``./dev``
installs); nothing leaves the machine. Without them a scan is kept and flagged "no text" as
before. Each program runs with a time limit and is killed at it; one page at a time, so a
long scan can be stopped between pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from foiadesk.core.processes import kill_group

ENABLED = True  # tests turn it off, except those about OCR (it takes seconds a page)
MAX_OCR_PAGES = 6  # the letter is at the front; released records after it are not read
PAGE_SECONDS = 60  # no page takes longer than this, whatever time is left
DPI = 300


def available() -> bool:
    """True when Tesseract and pdftoppm are installed."""
    return shutil.which("tesseract") is not None and shutil.which("pdftoppm") is not None


class OcrFailed(Exception):
    """A page could not be read (program failed or ran out of time)."""


def _run(args: list[str], data: bytes | None, seconds: float) -> bytes:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core: the machine stays usable
    try:
        proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # its own process group, killed whole at the time limit
        )
    except OSError as exc:
        raise OcrFailed(str(exc)) from None
    with proc:  # its pipes are closed on the way out, whatever happens
        try:
            out, err = proc.communicate(data, timeout=max(1.0, seconds))
        except subprocess.TimeoutExpired:
            raise OcrFailed(f"{Path(args[0]).name} ran out of time") from None
        finally:
            kill_group(proc)
    if proc.returncode != 0:
        raise OcrFailed(err.decode("utf-8", "replace").strip()[:200] or f"exit status {proc.returncode}")
    return out


def ocr_pdf(
    data: bytes, pages: int, *, deadline: float | None = None, check: Callable[[], None] | None = None
) -> str:
    """The text Tesseract reads on the first pages of a PDF (at most ``MAX_OCR_PAGES``).
    Raises ``OcrFailed`` when no page could be read."""
    texts, failures = [], []
    with tempfile.TemporaryDirectory(prefix="foiadesk-ocr-") as folder:
        pdf = Path(folder) / "scan.pdf"
        pdf.write_bytes(data)
        for number in range(1, min(pages, MAX_OCR_PAGES) + 1):
            if check is not None:
                check()
            left = PAGE_SECONDS if deadline is None else min(PAGE_SECONDS, deadline - time.monotonic())
            if left <= 0:
                break
            try:
                image = _run(
                    [
                        "pdftoppm",
                        "-r",
                        str(DPI),
                        "-gray",
                        "-png",
                        "-f",
                        str(number),
                        "-l",
                        str(number),
                        "-singlefile",
                        str(pdf),
                    ],
                    None,
                    left,
                )
                # pdftoppm writes to stdout when no output root is given
                if not image:
                    raise OcrFailed("no image")
                left = PAGE_SECONDS if deadline is None else min(PAGE_SECONDS, deadline - time.monotonic())
                texts.append(
                    _run(["tesseract", "stdin", "stdout", "-l", "eng"], image, left).decode(
                        "utf-8", "replace"
                    )
                )
            except OcrFailed as exc:
                failures.append(f"page {number}: {exc}")
    if not any(t.strip() for t in texts):
        raise OcrFailed("; ".join(failures) or "no text found")
    return "\n".join(texts)
