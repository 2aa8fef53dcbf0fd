"""The export commands: one line on success or failure, results checked through the files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from test_export_scenario import build_log

from foiadesk import cli


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    from foiadesk.core.store.db import connect

    monkeypatch.setattr(cli, "COMMAND_MODULES", ("foiadesk.cli.export",))
    path = tmp_path / "log.sqlite3"
    db = connect(path)
    build_log(db)
    db.close()
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    status = cli.run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_export_a_request_and_a_case(log_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("foiadesk.core.letters.pdf.soffice", lambda: None)
    out = tmp_path / "one.zip"
    status, printed, _ = run(
        capsys, "export", "--db", str(log_file), "--request", "1", "--out", str(out), "--as-of", "2026-11-25"
    )
    assert status == 0 and printed.startswith(f"{out}  (11 files, ")
    assert "note: LibreOffice is not installed, so no PDF copies were made" in printed
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("foia-request-1-ICE/manifest.json"))
    assert manifest["index_pdf"] is None and manifest["as_of"] == "2026-11-25"

    case = tmp_path / "case.zip"
    status, printed, _ = run(
        capsys, "export", "--db", str(log_file), "--case", "irs-ice-mou", "--out", str(case), "--no-pdf"
    )
    assert status == 0 and "PDF copies were not asked for" in printed
    assert "foia-case-irs-ice-mou/case-index.docx" in zipfile.ZipFile(case).namelist()


def test_export_refuses_bad_input_in_one_line(log_file, tmp_path, capsys):
    out = tmp_path / "one.zip"
    out.write_bytes(b"x")
    cases = [
        (
            ["--request", "99", "--out", str(tmp_path / "n.zip")],
            "foiadesk: There is no request with id 99.\n",
        ),
        (
            ["--request", "1", "--out", str(out)],
            f"foiadesk: {out} already exists; use --force to replace it, or choose another name.\n",
        ),
        (
            ["--case", "nope", "--out", str(tmp_path / "n.zip")],
            "foiadesk: There is no case 'nope'. Cases: irs-ice-mou, other-case.\n",
        ),
        (
            ["--request", "1", "--out", str(tmp_path / "no" / "n.zip")],
            f"foiadesk: The folder {tmp_path / 'no'} does not exist.\n",
        ),
    ]
    for args, message in cases:
        status, _, err = run(capsys, "export", "--db", str(log_file), *args)
        assert (status, err) == (2, message)
    with pytest.raises(SystemExit) as exit_:
        cli.run(["export", "--db", str(log_file), "--out", str(out)])
    assert exit_.value.code == 2
    assert "one of the arguments --request --case is required" in capsys.readouterr().err
    assert out.read_bytes() == b"x" and not (tmp_path / "n.zip").exists()


def test_export_list_and_calendar(log_file, tmp_path, capsys):
    from icalendar import Calendar

    csv_out, xlsx_out, ics = tmp_path / "l.csv", tmp_path / "l.xlsx", tmp_path / "d.ics"
    status, printed, _ = run(
        capsys,
        "export-list",
        "--db",
        str(log_file),
        "--deadline",
        "needs_me",
        "--out",
        str(csv_out),
        "--as-of",
        "2026-11-25",
    )
    assert (status, printed) == (0, f"{csv_out}  (1 request)\n")
    assert csv_out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("2,IRS,IRS disclosure logs")
    status, printed, _ = run(
        capsys,
        "export-list",
        "--db",
        str(log_file),
        "--case",
        "irs-ice-mou",
        "--format",
        "xlsx",
        "--out",
        str(xlsx_out),
    )
    assert (status, printed) == (0, f"{xlsx_out}  (2 requests)\n") and zipfile.is_zipfile(xlsx_out)
    status, _, err = run(capsys, "export-list", "--db", str(log_file), "--out", str(tmp_path / "l.txt"))
    assert status == 2 and "--format csv or --format xlsx" in err
    status, _, err = run(
        capsys, "export-list", "--db", str(log_file), "--component", "XYZ", "--out", str(tmp_path / "x.csv")
    )
    assert (status, err) == (2, "foiadesk: There is no component 'XYZ' in this log.\n")

    status, printed, _ = run(
        capsys,
        "export-calendar",
        "--db",
        str(log_file),
        "--out",
        str(ics),
        "--as-of",
        "2026-11-25",
        "--alarm-days",
        "3",
    )
    assert (status, printed) == (0, f"{ics}  (3 open deadlines)\n")
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 3
    status, _, err = run(
        capsys, "export-calendar", "--db", str(log_file), "--out", str(ics), "--force", "--alarm-days", "soon"
    )
    assert status == 2 and "--alarm-days wants whole numbers" in err


def test_every_export_command_and_option_has_help(monkeypatch):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("foiadesk.cli.export",))
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    helps = {c.dest: c.help for c in sub._choices_actions}
    for name in ("export", "export-list", "export-calendar"):
        assert helps[name]
        for action in sub.choices[name]._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.option_strings} has no help text"


def test_the_export_commands_never_load_qt(log_file, tmp_path):
    code = (
        "import sys\nfrom foiadesk import cli\ncli.COMMAND_MODULES = ('foiadesk.cli.export',)\n"
        f"status = cli.run(['export', '--db', {str(log_file)!r}, '--request', '1', '--no-pdf', "
        f"'--out', {str(tmp_path / 'q.zip')!r}])\n"
        f"cli.run(['export-calendar', '--db', {str(log_file)!r}, '--out', {str(tmp_path / 'q.ics')!r}])\n"
        "print(status, sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []"
