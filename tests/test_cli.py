"""The command line as a user types it: the date on the last line, one-line errors, exit 2."""

import subprocess
import sys

import pytest

from foiadesk.cli import run


def foiadesk(*args):
    return subprocess.run([sys.executable, "-m", "foiadesk", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    "args, last",
    [
        (["--received", "2026-11-24"], "2026-12-23"),
        (["--received", "2026-11-24", "--clock", "extended"], "2027-01-08"),
        (["--received", "2026-11-24", "--clock", "expedite"], "2026-12-04"),
        (["--received", "2025-12-22"], "2026-01-22"),
        (["--received", "2025-12-22", "--skip-closures"], "2026-01-26"),
        (
            ["--received", "2026-12-01", "--clock", "appeal-window", "--agency", "DOJ-OIP"],
            "2027-03-01",
        ),
        (["--received", "2026-12-01", "--clock", "appeal-window", "--agency", "ICE"], "2027-04-12"),
        (["--received", "2026-09-02", "--clock", "appeal-decision"], "2026-10-01"),
        (["--received", "2026-03-02", "--tolled", "2026-03-09:2026-03-20"], "2026-04-10"),
    ],
)
def test_due_prints_the_date_last(capsys, args, last):
    assert run(["due", *args]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == last


def test_due_trace_explains_above_the_date(capsys):
    run(["due", "--received", "2025-12-22", "--trace"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "2026-01-22"
    text = "\n".join(lines)
    assert "5 U.S.C. 552(a)(6)(A)(i)" in text and "2025-12-25 Christmas Day" in text
    assert "If disputed closure days were skipped: 2026-01-26" in text
    # the date typed in is the agency's receipt, said as such (no filing was logged)
    assert "  Agency received it 2025-12-22" in lines and "logged with the filing" not in text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--received", "2026-02-30"], "'2026-02-30' is not a real date"),
        (
            ["--received", "2026-03-02", "--tolled", "2026-03-20:2026-03-09"],
            "cannot come before the question",
        ),
        (["--received", "2026-03-02", "--tolled", "soon"], "ASK:ANSWER"),
        (
            ["--received", "2026-03-02", "--clock", "appeal-window", "--agency", "NOPE"],
            "unknown agency 'NOPE'",
        ),
        (["--received", "1890-01-01"], "outside the calendar"),
    ],
)
def test_due_bad_input_is_one_line_and_exit_2(args, message):
    result = foiadesk("due", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_log_and_show_through_the_cli(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    assert run(["add-request", "--db", db, "--title", "MOU statistics", "--component", "IRS"]) == 0
    assert run(["log", "--db", db, "1", "filed", "--on", "2026-10-01", "--channel", "fax"]) == 0
    assert (
        run(
            [
                "log",
                "--db",
                db,
                "1",
                "acknowledged",
                "--on",
                "2026-10-06",
                "--agency-received",
                "2026-10-02",
                "--tracking",
                "F26-123456",
            ]
        )
        == 0
    )
    assert run(["log", "--db", db, "1", "info_answered", "--on", "2026-10-07"]) == 2
    capsys.readouterr()
    assert run(["show", "--db", db, "1"]) == 0
    out = capsys.readouterr().out
    assert "Status: Processing · tracking: F26-123456" in out
    assert "Result: 2026-11-02" in out  # 20 working days after 2026-10-02, Columbus Day skipped
    assert "Typical processing at the IRS (FOIA.gov FY" in out
    assert "counted as working days from 2026-10-02" in out
    assert run(["agenda", "--db", db, "--today", "2026-10-20"]) == 0
    assert capsys.readouterr().out.split()[:6] == [
        "2026-11-02",
        "in",
        "13",
        "days",
        "agency",
        "Response",
    ]


def test_every_command_has_help_text():
    from foiadesk.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:
        assert sub._name_parser_map[name].description or any(
            c.dest == name and c.help for c in sub._choices_actions
        ), name


def test_bad_cli_input_changes_nothing(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    assert run(["add-request", "--db", db, "--title", "x", "--component", "CBP", "--case", "nope"]) == 2
    assert "There is no case 'nope'" in capsys.readouterr().err
    from foiadesk.core.store.db import connect

    assert connect(db).execute("SELECT count(*) FROM components").fetchone()[0] == 0
    assert run(["add-request", "--db", db, "--title", "x", "--component", "CBP"]) == 0
    for args in (["--amount", "inf"], ["--amount", "1e20"], ["--amount", "-5"]):
        result = foiadesk("log", "--db", db, "1", "payment", "--on", "2026-10-01", *args)
        assert result.returncode == 2 and "is not an amount in dollars" in result.stderr
    result = foiadesk("due", "--received", "20260302")
    assert result.returncode == 2 and "is not a real date" in result.stderr


def test_global_db_works_before_or_after_the_command(tmp_path, capsys):
    path = str(tmp_path / "log.sqlite3")
    assert run(["--db", path, "add-request", "--title", "MOU drafts", "--component", "IRS"]) == 0
    capsys.readouterr()
    assert run(["--db", path, "requests"]) == 0
    before = capsys.readouterr().out
    assert run(["requests", "--db", path]) == 0
    assert capsys.readouterr().out == before and "MOU drafts" in before
    assert run(["--db", path, "requests", "--db", str(tmp_path / "other.sqlite3")]) == 2
    assert "--db is given twice" in capsys.readouterr().err


def test_a_file_logged_from_the_command_line_keeps_its_media_type(tmp_path):
    from sqlite_utils import Database

    path = str(tmp_path / "log.sqlite3")
    proof = tmp_path / "fax-report.pdf"
    proof.write_bytes(b"%PDF-1.4 fax transmission report")
    assert run(["--db", path, "add-request", "--title", "MOU drafts", "--component", "IRS"]) == 0
    assert (
        run(
            [
                "--db",
                path,
                "log",
                "1",
                "filed",
                "--on",
                "2026-10-01",
                "--channel",
                "fax",
                "--file",
                str(proof),
            ]
        )
        == 0
    )
    rows = Database(path).execute("SELECT filename, mime FROM attachments").fetchall()
    assert rows == [("fax-report.pdf", "application/pdf")]


def test_the_window_starts_only_when_every_argument_is_a_window_option():
    from foiadesk.__main__ import wants_window

    assert (
        wants_window([])
        and wants_window(["--db", "x.sqlite3"])
        and wants_window(["--db=x", "--screenshot", "a.png"])
    )
    assert not wants_window(["--db", "x.sqlite3", "agenda"]) and not wants_window(["agenda", "--db", "x"])


def test_an_unexpected_error_is_logged_with_the_versions(monkeypatch, capsys, isolated_data_dir):
    import platform

    from foiadesk import __main__ as entry

    def broken(argv):
        raise RuntimeError("a bug")

    monkeypatch.setattr("foiadesk.cli.run", broken)
    assert entry.main(["agenda"]) == 1
    err = capsys.readouterr().err
    assert "something went wrong" in err and "Traceback" not in err
    text = (isolated_data_dir / "foiadesk-errors.log").read_text()
    assert "RuntimeError: a bug" in text and "Traceback" in text
    assert f"Python {platform.python_version()}" in text and "FoiaDesk " in text and platform.system() in text


def test_an_event_logged_by_mistake_is_taken_back_from_the_command_line(tmp_path, capsys):
    """Filed 2026-10-01 (Thursday), the response is due 2026-10-30 (20 working days, Columbus
    Day 10-12 off); a filing typed by mistake and taken back leaves no filing date."""
    path = str(tmp_path / "log.sqlite3")
    assert run(["--db", path, "add-request", "--title", "MOU drafts", "--component", "IRS"]) == 0
    assert run(["--db", path, "log", "1", "filed", "--on", "2026-10-01", "--channel", "fax"]) == 0
    capsys.readouterr()
    assert run(["--db", path, "show", "1"]) == 0
    assert "2026-10-30" in capsys.readouterr().out
    assert run(["--db", path, "take-back", "1"]) == 0
    assert "Took back event #1 of request #1" in capsys.readouterr().out
    assert run(["--db", path, "show", "1"]) == 0
    assert "2026-10-30" not in capsys.readouterr().out
    assert run(["--db", path, "take-back", "1"]) == 2
    assert "no event 1 to take back" in capsys.readouterr().err


def test_an_agency_closure_is_logged_with_its_reason_and_its_appeal_is_on_the_agenda(tmp_path, capsys):
    """ICE, received Tue 2026-09-01, closed Mon 2026-11-16: 90 working days (6 CFR 5.8(a)(1)),
    counted by hand in tests/test_deadline_histories.py, end Mon 2027-03-29."""
    db = str(tmp_path / "cli.sqlite3")
    assert run(["add-request", "--db", db, "--title", "MOU drafts", "--component", "ICE"]) == 0
    assert (
        run(["log", "--db", db, "1", "filed", "--on", "2026-09-01", "--agency-received", "2026-09-01"]) == 0
    )
    capsys.readouterr()
    wrong = ["log", "--db", db, "1", "admin_closed", "--on", "2026-11-16", "--outcome", "ignored"]
    assert run(wrong) == 2
    assert "no_still_interested_reply, fee_unanswered" in capsys.readouterr().err
    closed = [
        "log",
        "--db",
        db,
        "1",
        "admin_closed",
        "--on",
        "2026-11-16",
        "--outcome",
        "no_still_interested_reply",
    ]
    assert run(closed) == 0
    capsys.readouterr()
    assert run(["show", "--db", db, "1", "--today", "2026-12-07"]) == 0
    out = capsys.readouterr().out
    assert "Status: Closed by agency" in out
    assert "Closed by the agency (administrative closure): No reply to a still-interested letter" in out
    assert run(["agenda", "--db", db, "--today", "2026-12-07"]) == 0
    assert "2027-03-29" in capsys.readouterr().out


def test_requests_and_agenda_name_offices_as_the_window_does_never_by_directory_key(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    for key in ("doi--bureau-of-indian-affairs", "hud--headquarters"):
        assert run(["add-request", "--db", db, "--title", "Leases", "--component", key]) == 0
        rid = "1" if key.startswith("doi") else "2"
        assert run(["log", "--db", db, rid, "filed", "--on", "2026-11-02"]) == 0
    capsys.readouterr()
    assert run(["requests", "--db", db]) == 0
    listed = capsys.readouterr().out
    assert run(["agenda", "--db", db]) == 0
    agenda = capsys.readouterr().out
    for out in (listed, agenda):
        assert "BIA" in out and "HUD Headquarters" in out  # "Headquarters" alone names no agency
        assert "--" not in out


def test_show_lists_each_event_with_its_details_after_a_colon_never_in_brackets_twice(tmp_path, capsys):
    from datetime import date

    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    db = str(tmp_path / "cli.sqlite3")
    assert run(["add-request", "--db", db, "--title", "MOU drafts", "--component", "ICE"]) == 0
    summary = "Request letter drafted (2026-11-02 ICE request.docx)"
    log.record_event(connect(db), 1, log.NewEvent("drafted", date(2026, 11, 2), summary=summary))
    capsys.readouterr()
    assert run(["show", "--db", db, "1"]) == 0
    out = capsys.readouterr().out
    assert "  2026-11-02  Drafted: Request letter (2026-11-02 ICE request.docx)\n" in out
    assert "((" not in out and "))" not in out
