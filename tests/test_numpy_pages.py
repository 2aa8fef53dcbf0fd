"""FoiaDesk turns off numpy's request for huge pages before numpy loads (a large list read
twice as fast without them, and the window froze less), unless the user chose otherwise."""

import os
import subprocess
import sys

import pytest

ASK = "import foiadesk, numpy; print(numpy._core.multiarray._get_madvise_hugepage())"


@pytest.mark.parametrize(("chosen", "expected"), [(None, "False"), ("1", "True"), ("0", "False")])
def test_numpy_asks_for_huge_pages_only_when_the_user_says_so(chosen, expected):
    env = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    if chosen is not None:
        env["NUMPY_MADVISE_HUGEPAGE"] = chosen
    done = subprocess.run([sys.executable, "-c", ASK], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == expected
