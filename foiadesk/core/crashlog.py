"""Where unexpected errors go: a log file in the data folder, with the traceback, so the
user sees a short apology and the maintainers get the details."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from foiadesk.core.paths import data_dir

LOG_NAME = "foiadesk-errors.log"


def log_bug(exc: BaseException) -> Path:
    """Append ``exc`` and its traceback to foiadesk-errors.log; return the file's path.
    Never raises: failing to log must not hide the original error."""
    path = data_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        with path.open("a", encoding="utf-8") as out:
            out.write(f"{datetime.now().isoformat(timespec='seconds')} ERROR unexpected error\n")
            out.write(text)
    except OSError:
        pass
    return path
