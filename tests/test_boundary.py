"""The core never loads Qt, and the deadline calculator starts without it."""

import pkgutil
import subprocess
import sys

import foiadesk.core


def test_core_and_cli_import_without_qt():
    modules = [f"foiadesk.core.{m.name}" for m in pkgutil.iter_modules(foiadesk.core.__path__)]
    code = (
        "import importlib, sys\n"
        f"for name in {modules + ['foiadesk.cli', 'foiadesk.__main__']!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert len(modules) >= 8


def test_due_command_runs_without_qt_or_the_database_layer():
    code = (
        "import sys\nfrom foiadesk.cli import run\n"
        "run(['due', '--received', '2026-11-24', '--trace'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlite_utils'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
