"""Reading a file the user names, safely: only regular files (a pipe would hang the read,
a device such as /dev/zero never ends), and never more than FoiaDesk stores.

Every stored file (an attachment on ``log --file`` or in the window, an imported reply)
goes through ``read_limited`` and the same cap.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from foiadesk.core.errors import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024  # the reply cap: 50 MB covers scans and releases


class InputError(UserError):
    """A file that cannot be read or stored; the message says why."""


def file_name(name: str) -> str:
    """A file's name fit to store and print: control characters (a newline in a name
    would print as a forged line of output) become '_'."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", "_", name)


def too_big(name: str, size: int, limit: int = MAX_FILE_BYTES) -> str:
    return (
        f"{name} is {size / 1024 / 1024:.1f} MB; FoiaDesk stores files up to "
        f"{limit // 1024 // 1024} MB. Split it, or keep it outside the log."
    )


def read_limited(
    path: Path | str, *, limit: int = MAX_FILE_BYTES, error: type[UserError] = InputError
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or ``error`` saying why not.
    The file is opened without blocking, so a pipe swapped in after the check cannot hang."""
    path = Path(path)
    name = file_name(path.name or str(path))
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise error(f"{name} is a folder, not a file.")
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{name} is not a regular file (a pipe, socket or device); save it as a file first.")
        if st.st_size > limit:
            raise error(too_big(name, st.st_size, limit))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise error(f"{name} is not a regular file; save it as a file first.")
            data = fh.read(limit + 1)
    except OSError as exc:
        raise error(f"Cannot read {name}: {exc.strerror or exc}.") from None
    if len(data) > limit:
        raise error(too_big(name, len(data), limit))
    return data
