"""PDF copies of letters through LibreOffice, when it is installed.

Each conversion gets its own LibreOffice profile folder (a shared one makes parallel
runs fail silently), a time limit, and a check that a non-empty PDF came out.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from foiadesk.core.errors import UserError

TIMEOUT_SECONDS = 90


class PdfError(UserError):
    """No PDF could be made; the message says why."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


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
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"LibreOffice took more than {TIMEOUT_SECONDS} s to convert {name}; no PDF was made."
            ) from None
        pdf = work / "out" / (source.stem + ".pdf")
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise PdfError(f"LibreOffice could not convert {name} to PDF.")
        return pdf.read_bytes()
