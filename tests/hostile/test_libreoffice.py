"""LibreOffice dies with its time limit: it runs in a process group of its own and the whole
group is killed, so no ``soffice.bin`` is left running (killing only the ``soffice``
wrapper used to leave it at 100% CPU). Skipped where LibreOffice is not installed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from foiadesk.core.letters import pdf

pytestmark = pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice is not installed")


def processes_mentioning(marker: str) -> list[tuple[int, str]]:
    """Live (not zombie) processes whose command line contains ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append((int(entry.name), cmdline))
    return found


def test_no_soffice_bin_survives_the_time_limit(tmp_path):
    profile = tmp_path / "profile"
    marker = str(profile)
    seen = []

    def watch():  # called between waits: note when the real binary is up
        seen.extend(p for p in processes_mentioning(marker) if "soffice.bin" in p[1])

    # Headless with no document to convert: LibreOffice would run until killed.
    command = [pdf.soffice(), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"]
    started = time.monotonic()
    finished = pdf.run_libreoffice(command, timeout=8, stop=watch)
    assert not finished and time.monotonic() - started < 15
    assert seen, "soffice.bin never started, so the test proved nothing"
    deadline = time.monotonic() + 5
    while processes_mentioning(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_mentioning(marker) == []


def test_a_cancelled_run_leaves_nothing_behind(tmp_path):
    profile = tmp_path / "profile"

    class Stop(Exception):
        pass

    def stop():
        if any("soffice.bin" in p[1] for p in processes_mentioning(str(profile))):
            raise Stop()

    command = [pdf.soffice(), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"]
    with pytest.raises(Stop):
        pdf.run_libreoffice(command, timeout=30, stop=stop)
    time.sleep(0.5)
    assert processes_mentioning(str(profile)) == []


def test_a_letter_converts_and_leaves_no_process(tmp_path, monkeypatch):
    import tempfile

    from docx import Document

    doc = Document()
    doc.add_paragraph("Freedom of Information Act request")
    path = tmp_path / "letter.docx"
    doc.save(path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))  # LibreOffice's profile lands here
    data = pdf.docx_to_pdf(path.read_bytes(), "letter.docx")
    assert data.startswith(b"%PDF")
    assert processes_mentioning(str(work)) == []
