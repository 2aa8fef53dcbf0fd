"""PDF copies of letters through LibreOffice, when it is installed.

Each conversion gets its own LibreOffice profile folder (a shared one makes parallel
runs fail silently), a time limit, and a check that a non-empty PDF came out.
LibreOffice runs in its own process group, killed whole when the time is up or the run
ends: killing only the ``soffice`` wrapper would leave ``soffice.bin`` running.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from foiadesk.core.errors import UserError
from foiadesk.core.processes import kill_group

TIMEOUT_SECONDS = 90


class PdfError(UserError):
    """No PDF could be made; the message says why."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_libreoffice(command: list[str], timeout: float, stop: Callable[[], None] | None = None) -> bool:
    """Run LibreOffice in a process group of its own; True if it finished within
    ``timeout`` seconds. ``stop`` is called between waits and may raise to cancel. Whatever
    happens, every process of the group is killed before this returns."""
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own session and process group
    )
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            try:
                proc.wait(timeout=0.2)
                return True
            except subprocess.TimeoutExpired:
                if stop is not None:
                    stop()
        return False
    finally:
        kill_group(proc)


def docx_to_pdf(docx: bytes, name: str = "letter.docx") -> bytes:
    """The PDF of a .docx, or PdfError with what to do instead."""
    program = soffice()
    if program is None:
        raise PdfError(
            "PDF copies need LibreOffice, which is not installed; open the .docx in "
            "Word or LibreOffice and save it as PDF."
        )
    with tempfile.TemporaryDirectory(prefix="foiadesk-pdf-") as tmp:
        work = Path(tmp)
        source = work / Path(name).name
        source.write_bytes(docx)
        command = [
            program,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        if not run_libreoffice(command, TIMEOUT_SECONDS):
            raise PdfError(
                f"LibreOffice took more than {TIMEOUT_SECONDS} s to convert {name}; no PDF was made."
            )
        pdf = work / "out" / (source.stem + ".pdf")
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise PdfError(f"LibreOffice could not convert {name} to PDF.")
        return pdf.read_bytes()
