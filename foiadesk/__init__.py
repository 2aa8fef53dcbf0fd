"""FoiaDesk: draft, log and track US federal FOIA requests offline."""

import os

__version__ = "0.1.0"

# numpy asks the kernel for huge pages for each large array (its default on Linux). Where the
# kernel then fills 2 MB at every first touch, a large list read twice as slowly and held up
# the window: a million-request log reopened in 12.6-15.5 s with them, 5.6-7.0 s without
# (`foiadesk bench scale`, the window opened again). Set before numpy is imported; a value
# the user set is kept.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
