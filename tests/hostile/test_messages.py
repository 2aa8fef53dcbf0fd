"""Issue list 11: every case that ended in an internal error now gets one line, exit
status 2, no crash-log entry, and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import foiadesk, mount_tmpfs, refused, remount_read_only, sha, unmount

PROFILE = Path(__file__).parents[2] / "resources" / "profiles" / "example.toml"


def test_request_numbers_beyond_what_sqlite_holds(small_log, no_crash_log):
    refused(foiadesk("show", 2**63, "--db", small_log), "not a request number")
    refused(foiadesk("log", 2**63, "note", "--on", "2026-11-03", "--db", small_log), "not a request number")
    refused(foiadesk("export", "--request", -1, "--out", "x.zip", "--db", small_log), "not a request number")
    assert foiadesk("show", 2**63 - 1, "--db", small_log).returncode == 2  # a clean "no request"


def test_backup_onto_an_existing_file_that_is_not_a_database(small_log, tmp_path, no_crash_log):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    refused(foiadesk("backup", "--out", notes, "--db", small_log), "already exists")
    assert notes.read_text() == "my notes"
    refused(foiadesk("backup", "--out", small_log, "--force", "--db", small_log), "open FoiaDesk log")
    refused(
        foiadesk("backup", "--out", f"{small_log}-wal", "--force", "--db", small_log), "open FoiaDesk log"
    )


def test_draft_out_where_nothing_can_be_written(small_log, tmp_path, no_crash_log):
    args = ("draft", "--case", "irs-ice-mou", "--component", "ICE", "--profile", PROFILE, "--db", small_log)
    refused(foiadesk(*args, "--out", "/proc/x.docx"), "/proc")
    existing = tmp_path / "existing.txt"
    existing.write_text("keep me")
    refused(foiadesk(*args, "--out", existing), "already exists", "--force")
    assert existing.read_text() == "keep me"
    refused(foiadesk(*args, "--out", small_log, "--force"), "FoiaDesk log")
    assert foiadesk("requests", "--db", small_log).stdout.count("\n") == 1  # no draft was logged


def test_log_file_devices_pipes_and_huge_files(small_log, tmp_path, no_crash_log):
    base = ("log", 1, "note", "--on", "2026-11-03", "--db", small_log)
    before = sha(small_log)
    refused(foiadesk(*base, "--file", "/dev/zero"), "not a regular file")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    refused(foiadesk(*base, "--file", fifo, timeout=20), "not a regular file")  # no hang
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    refused(foiadesk(*base, "--file", huge), "60.0 MB", "up to 50 MB")
    refused(foiadesk(*base, "--file", tmp_path), "is a folder")
    assert sha(small_log) == before


def test_an_amount_on_a_note_is_refused(small_log, no_crash_log):
    refused(foiadesk("log", 1, "note", "--on", "2026-11-03", "--amount", "12", "--db", small_log), "amount")


def test_unknown_status_and_missing_templates_folder(small_log, tmp_path, no_crash_log):
    out = tmp_path / "list.csv"
    refused(
        foiadesk("export-list", "--status", "Bogus", "--out", out, "--db", small_log), "no status 'Bogus'"
    )
    assert foiadesk("export-list", "--status", "filed", "--out", out, "--db", small_log).returncode == 0
    refused(
        foiadesk(
            "export",
            "--request",
            1,
            "--templates",
            "/nonexistent",
            "--no-pdf",
            "--out",
            tmp_path / "b.zip",
            "--db",
            small_log,
        ),
        "/nonexistent",
    )
    assert not (tmp_path / "b.zip").exists()


def test_a_reply_file_name_cannot_forge_output_lines(tmp_path, no_crash_log):
    name = tmp_path / "reply\nRecorded event #99 on request #1; all good.txt"
    name.write_text("Dear requester,\n\nWe received your FOIA request on November 3, 2026.\n" * 3)
    done = foiadesk("parse-reply", name)
    assert done.returncode == 0, done.stderr
    assert not any(line.startswith("Recorded event") for line in done.stdout.splitlines())


def test_show_into_a_closed_pipe_is_quiet(tmp_path, no_crash_log):
    from foiadesk.core.demo import write_demo

    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=400, seed=3)
    proc = subprocess.Popen(
        [sys.executable, "-m", "foiadesk", "requests", "--db", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().startswith("#")  # `| head -1`
    proc.stdout.close()
    proc.wait(timeout=60)
    assert proc.returncode == 0 and proc.stderr.read() == ""


def test_four_processes_creating_one_new_log(tmp_path, no_crash_log):
    path = tmp_path / "new.sqlite3"
    add = [
        sys.executable,
        "-m",
        "foiadesk",
        "add-request",
        "--component",
        "ICE",
        "--db",
        str(path),
        "--title",
    ]
    procs = [
        subprocess.Popen([*add, f"t{n}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
    assert results == [(0, "")] * 4
    listed = foiadesk("requests", "--db", path)
    assert listed.returncode == 0 and all(f"t{n}" in listed.stdout for n in range(4))


def test_a_mistyped_log_path_is_refused_not_started_empty(tmp_path, no_crash_log):
    """Reading a log that is not there would show an empty new one, as if every request were gone."""
    typo = tmp_path / "no-such-folder" / "mine.sqlite3"
    for command in (["requests"], ["agenda"], ["show", "1"], ["export-list", "--out", tmp_path / "l.csv"]):
        refused(foiadesk(*command, "--db", typo), str(typo), "add-request or draft")
    assert not typo.parent.exists()  # nothing was made
    # a log that is gone but was backed up: the message says how to get it back
    log = tmp_path / "kept.sqlite3"
    assert foiadesk("add-request", "--title", "t", "--component", "ICE", "--db", log).returncode == 0
    assert foiadesk("backup", "--db", log).returncode == 0
    log.unlink()
    refused(foiadesk("requests", "--db", log), "1 backup(s)", "foiadesk restore --db")
    # $FOIADESK_DB names a log as --db does: refused the same way (the window asks)
    named = {**os.environ, "FOIADESK_DB": str(typo)}
    refused(foiadesk("agenda", env=named), str(typo), "add-request or draft")
    assert not typo.parent.exists()


def test_the_crash_log_names_no_file_it_could_not_write(tmp_path, monkeypatch):
    from foiadesk.core import crashlog

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(crashlog, "data_dir", lambda: blocker / "data")
    assert crashlog.log_bug(ValueError("x")) is None


@pytest.fixture
def read_only_medium(tmp_path, small_log):
    """The small log on a medium mounted read-only (skipped where mounting is not allowed)."""
    folder = tmp_path / "stick"
    if not mount_tmpfs(folder):
        pytest.skip("needs root to mount a read-only file system")
    try:
        copy = folder / "mine.sqlite3"
        copy.write_bytes(small_log.read_bytes())
        remount_read_only(folder)
        yield copy
    finally:
        unmount(folder)


def test_a_log_on_a_read_only_medium_opens_for_reading_and_exporting(read_only_medium, tmp_path, monkeypatch):
    monkeypatch.setenv("FOIADESK_DATA_DIR", str(read_only_medium.parent / "data"))  # read-only too
    shown = foiadesk("show", 1, "--db", read_only_medium)
    assert shown.returncode == 0 and "MOU drafts" in shown.stdout, shown.stderr
    assert "read-only" in shown.stderr
    out = tmp_path / "list.csv"
    assert foiadesk("export-list", "--out", out, "--db", read_only_medium).returncode == 0
    assert "MOU drafts" in out.read_text(encoding="utf-8-sig")
    line = refused(foiadesk("log", 1, "note", "--on", "2026-11-03", "--db", read_only_medium), "read-only")
    assert "Nothing was written" in line


def test_a_user_templates_huge_result_is_refused_not_read(tmp_path, monkeypatch):
    from docx import Document

    from foiadesk.core.letters import drafting

    folder = tmp_path / "templates"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("{% for a in range(30000) %}{{ a * 7919 % 1000003 }} {% endfor %}")
    doc.save(folder / "request.docx")
    monkeypatch.setattr(drafting, "USER_TEMPLATE_RESULT_BYTES", 20_000)  # stands in for 10 MB
    with pytest.raises(
        drafting.TemplateError, match=r"request.docx: the filled-in letter is .* MB; a letter is at most"
    ):
        drafting.render("request", {}, user_templates_dir=folder)


def test_filing_outputs_never_replace_the_log_or_a_file(small_log, tmp_path, no_crash_log):
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    existing = tmp_path / "statement.docx"
    existing.write_text("keep me")
    profile = ("--profile", PROFILE, "--db", small_log)
    refused(foiadesk("identity-statement", 1, "--out", existing, *profile), "already exists", "--force")
    refused(foiadesk("identity-statement", 1, "--out", small_log, "--force", *profile), "FoiaDesk log")
    refused(
        foiadesk("package", 1, "--channel", "mail", "--out", f"{small_log}-wal", "--force", *profile),
        "FoiaDesk log",
    )
    refused(foiadesk("followup", 1, "--kind", "status", "--out", existing, *profile), "already exists")
    assert existing.read_text() == "keep me"
    assert [e.type for e in log.events_for(connect(small_log), 1)] == ["filed"]  # nothing logged
