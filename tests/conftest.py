import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser):
    parser.addoption("--run-bench", action="store_true", help="run the long benchmarks")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-bench"):
        return
    skip = pytest.mark.skip(reason="benchmark: run with --run-bench")
    for item in items:
        if "bench" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Keep every test away from the user's real data folder and database."""
    monkeypatch.setenv("FOIADESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FOIADESK_DB", raising=False)
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def no_ocr(request, monkeypatch):
    """OCR takes seconds a page: only tests marked ``ocr`` run it on scanned fixtures."""
    if "ocr" not in request.keywords:
        from foiadesk.core.replies import ocr

        monkeypatch.setattr(ocr, "ENABLED", False)


@pytest.fixture
def db(tmp_path):
    from foiadesk.core.store.db import connect

    database = connect(tmp_path / "log.sqlite3")
    yield database
    database.close()


@pytest.fixture
def demo_log(tmp_path):
    """A 300-request demo log on disk, for what other programs may write to it too."""
    from datetime import date

    from foiadesk.core.demo import write_demo

    path = tmp_path / "log.sqlite3"
    write_demo(path, requests=300, seed=11, today=date(2026, 11, 25))
    return path


@pytest.fixture(scope="module")
def pack():
    """The shipped case pack (the IRS–ICE agreement)."""
    from foiadesk.core.reference.casepack import shipped_case_packs

    return shipped_case_packs()[0]


@pytest.fixture(scope="module")
def reporter():
    """The example requester profile: a reporter at a newsroom."""
    from foiadesk.core.letters.profiles import load_profile
    from foiadesk.core.paths import RESOURCES

    return load_profile(RESOURCES / "profiles" / "example.toml")


@pytest.fixture
def cal():
    from foiadesk.core.deadlines.calendar import calendar

    return calendar()


D = date.fromisoformat
