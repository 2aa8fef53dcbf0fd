"""Where unexpected errors go: FoiaDesk's one logging configuration.

Everything FoiaDesk logs goes through the ``foiadesk`` logger; warnings and errors land in
``foiadesk-errors.log`` in the data folder (the file is made only when something is
written). An unexpected error is logged with its traceback and the versions of FoiaDesk,
Python, Qt and the operating system, so the user sees a short apology and the maintainers
get what they need to reproduce it.
"""

from __future__ import annotations

import logging
import platform
import sys
from importlib import metadata
from pathlib import Path

from foiadesk.core.paths import data_dir

LOG_NAME = "foiadesk-errors.log"
logger = logging.getLogger("foiadesk")


def configure_logging() -> Path:
    """Send FoiaDesk's warnings and errors to the log file (once per process and folder)."""
    path = data_dir() / LOG_NAME
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path.resolve():
            return path
        logger.removeHandler(handler)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return path
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def versions() -> str:
    """FoiaDesk, Python, Qt (when the window loaded it) and the operating system."""
    try:
        foiadesk = metadata.version("foiadesk")
    except metadata.PackageNotFoundError:
        foiadesk = "unknown (not installed)"
    parts = [f"FoiaDesk {foiadesk}", f"Python {platform.python_version()}"]
    qt = sys.modules.get("PySide6.QtCore")  # never imported here: the core stays Qt-free
    if qt is not None:
        parts.append(f"Qt {qt.qVersion()} (PySide6 {sys.modules['PySide6'].__version__})")
    parts.append(f"{platform.system()} {platform.release()} {platform.machine()}")
    return ", ".join(parts)


def log_bug(exc: BaseException) -> Path:
    """Log ``exc`` with its traceback and the versions; return the log file's path.
    Never raises: failing to log must not hide the original error."""
    path = configure_logging()
    try:
        logger.error("unexpected error (%s)", versions(), exc_info=(type(exc), exc, exc.__traceback__))
        for handler in logger.handlers:
            handler.flush()
    except Exception:  # noqa: BLE001 - logging must never raise over the real error
        pass
    return path
