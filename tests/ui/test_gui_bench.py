"""The window on 100,000 requests (run with --run-bench; it writes the log first, ~20 s)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_gui.py"


def load_script():
    spec = importlib.util.spec_from_file_location("bench_gui", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_benchmark_runs_on_a_small_log(qapp, tmp_path):
    """Keeps the script working; no timing is asserted here."""
    figures = load_script().bench_gui(300, tmp_path / "small.sqlite3")
    assert figures["requests"] == 300 and figures["event_logged_to_list"] >= 0  # NaN if it failed


@pytest.mark.bench
def test_the_window_stays_responsive_on_a_large_log(qapp, tmp_path):
    figures = load_script().bench_gui(100_000, tmp_path / "large.sqlite3")
    assert figures["requests"] == 100_000
    assert figures["window_shown"] < 2  # the window is up before the list is read
    assert figures["list_read"] < 30
    assert figures["longest_freeze_ms"] < 500  # including drawing the list once it is read
    for key in ("sort_title", "sort_due", "filter_overdue", "search", "agenda"):
        assert figures[key] < 0.5, key
    assert figures["event_logged_to_list"] < 1
