"""Fixtures for exporting and importing from the window: a small log with letters, replies,
cases and requests waiting for their next letter; the demo log for the list and calendar;
a window on either with the correspondence actions installed; and file dialogs replaced by
answers the test gives (a real one would wait for a user)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from window_fixtures import TODAY, demo_copy, demo_file, open_window, settings, wait_loaded

REPLIES = Path(__file__).parent.parent / "fixtures" / "replies"
__all__ = ["TODAY", "demo_copy", "demo_file", "open_window", "settings", "wait_loaded"]
TABLES = ("events", "files", "attachments", "tracking_numbers", "fees")


def build_log(path: Path) -> dict:
    """The export scenario (tests/test_export_scenario.py: a case of two requests with
    letters and replies) plus requests that fixture replies answer: an ICE request filed
    with a request to expedite, and two TIGTA requests that share a tracking number."""
    from test_export_scenario import build_log as scenario

    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect
    from foiadesk.core.store.log import NewEvent

    db = connect(path)
    ids = dict(scenario(db)["ids"])
    case_id = db.execute("SELECT id FROM cases WHERE slug = 'irs-ice-mou'").fetchone()[0]
    ice = db.execute("SELECT id FROM components WHERE abbr = 'ICE'").fetchone()[0]
    tigta = log.ensure_component(
        db,
        abbr="TIGTA",
        name="Treasury Inspector General for Tax Administration",
        agency_abbr="TREAS",
        agency_name="Department of the Treasury",
    )

    def event(rid, type_, on, **kw):
        log.record_event(db, rid, NewEvent(type_, date.fromisoformat(on), **kw), today=TODAY)

    ids["ice"] = log.add_request(
        db, title="MOU, drafts and ICE's 6103(i)(2) requests", component_id=ice, case_id=case_id
    ).new_id
    event(ids["ice"], "filed", "2026-09-28", channel="portal")
    event(ids["ice"], "expedite_requested", "2026-09-28")
    for key, title in (("tigta1", "TIGTA reviews of the MOU"), ("tigta2", "TIGTA audit work papers")):
        ids[key] = log.add_request(db, title=title, component_id=tigta, case_id=case_id).new_id
        event(ids[key], "filed", "2026-10-16", channel="email")
        event(
            ids[key],
            "acknowledged",
            "2026-10-20",
            agency_received_on=date(2026, 10, 19),
            tracking_number="2027-FOIA-00031",
        )
    db.close()
    return ids


@pytest.fixture(scope="session")
def log_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("corr") / "log.sqlite3"
    return path, build_log(path)


@pytest.fixture
def small_log(log_file, tmp_path):
    """(path, ids) of a copy of the small log that a test may change."""
    path, ids = log_file
    copy = tmp_path / "log.sqlite3"
    shutil.copy(path, copy)
    return copy, ids


def wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=20_000)


@pytest.fixture
def answers(monkeypatch):
    """Answer the file dialogs: ``answers.save = path`` for Save As, ``answers.open = [paths]``."""
    from PySide6.QtWidgets import QFileDialog

    class Answers:
        save: Path | None = None
        open: list[Path] = []
        asked: list[tuple] = []

    def save(parent, title, default="", filters="", selected="", options=None):
        Answers.asked.append(("save", title, default, filters))
        return (str(Answers.save) if Answers.save else "", "")

    def open_files(parent, title, folder="", filters="", *args, **kw):
        Answers.asked.append(("open", title, folder, filters))
        return ([str(p) for p in Answers.open], "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_files))
    return Answers


def menu_action(window, menu_title: str, text: str):
    """The action of a menu-bar menu, by their titles without the & marks."""
    for top in window.menuBar().actions():
        if top.menu() is not None and top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise LookupError(f"{menu_title} › {text}")


def counts(path) -> dict:
    """Rows in the tables an import writes, read through a separate connection."""
    import sqlite3

    with sqlite3.connect(path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
