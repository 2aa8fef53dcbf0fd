"""The architecture as contracts: what each package may import, and where SQL may live.

- The core never loads Qt; the deadline calculator starts without Qt or the database layer.
- ``foiadesk.core.deadlines`` is pure: no storage, no sqlite3, no sqlite-utils, no Qt.
- Every SQL statement lives under ``foiadesk/core/store/``.
- The window reaches the database only through its session and task helper.
"""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import foiadesk
import foiadesk.cli
import foiadesk.core

PACKAGE = Path(foiadesk.__file__).parent
# SQL here is written in capitals; prose that starts with "Select" or "Drop" is not SQL.
SQL = re.compile(
    r"^\s*((SELECT|INSERT|UPDATE|DELETE|PRAGMA|WITH|REPLACE)\s"
    r"|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW|UNIQUE|VIRTUAL|TEMP))"
)
# A statement has a verb and, for the verbs that take one, a table word after it.
SQL_BODY = re.compile(r"\b(FROM|INTO|SET|TABLE|INDEX|TRIGGER|VIEW|VALUES|JOIN|WHERE)\b|^\s*PRAGMA\s+\w+")


def modules_under(package) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def sources(folder: Path):
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def sql_strings(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
        else:
            continue
        if SQL.match(text) and SQL_BODY.search(text):
            found.append((node.lineno, text.strip().splitlines()[0][:60]))
    return found


def test_core_and_cli_import_without_qt():
    modules = modules_under(foiadesk.core) + modules_under(foiadesk.cli) + ["foiadesk.__main__"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert len(modules) >= 40


def test_due_command_runs_without_qt_or_the_database_layer():
    code = (
        "import sys\nfrom foiadesk.cli import run\n"
        "run(['due', '--received', '2026-11-24', '--trace'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlite_utils'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_core_never_imports_qt():
    for path in sources(PACKAGE / "core"):
        qt = [n for n in imports_of(path) if n.startswith(("PySide6", "shiboken6", "foiadesk.ui"))]
        assert not qt, f"{path.relative_to(PACKAGE)} imports {qt}"


def test_the_deadline_rules_are_pure():
    forbidden = ("foiadesk.core.store", "sqlite3", "sqlite_utils", "PySide6", "foiadesk.ui", "foiadesk.cli")
    for path in sources(PACKAGE / "core" / "deadlines"):
        bad = [n for n in imports_of(path) if n.startswith(forbidden)]
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_every_sql_statement_lives_in_the_storage_package():
    store = PACKAGE / "core" / "store"
    outside = {
        str(path.relative_to(PACKAGE)): found
        for path in sources(PACKAGE)
        if store not in path.parents and (found := sql_strings(path))
    }
    assert outside == {}


def test_the_sql_finder_finds_sql():
    """The contract above must not pass because its finder is blind."""
    assert sql_strings(PACKAGE / "core" / "store" / "log.py")
    assert not sql_strings(Path(__file__).parent / "test_calendar.py")


def test_the_window_reaches_the_database_only_through_its_session_and_tasks():
    allowed = {PACKAGE / "ui" / "session.py", PACKAGE / "ui" / "tasks.py"}
    for path in sources(PACKAGE / "ui"):
        if path in allowed:
            continue
        bad = [
            n
            for n in imports_of(path)
            if n.startswith(("sqlite3", "sqlite_utils")) or n in ("foiadesk.core.store.db.connect",)
        ]
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
