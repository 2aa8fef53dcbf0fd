"""The window's benchmark script (run it for figures; with --run-bench the long run also
checks the targets). The normal suite only keeps the script working: no timing here."""

import importlib.util
import math
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_gui.py"


def load_script():
    spec = importlib.util.spec_from_file_location("bench_gui", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_benchmark_runs_on_a_small_log(qapp, tmp_path, capsys):
    bench = load_script()
    figures = bench.bench_gui(300, tmp_path / "small.sqlite3", repeat=2)
    assert figures["requests"] == 300 and figures["event_logged_to_list"] >= 0  # NaN if it failed
    assert figures["search_keystroke"] > 0 and figures["filter_keystroke"] > 0
    startup = bench.bench_startup(tmp_path / "small.sqlite3", repeat=1)
    assert startup["foiadesk_painted"] > 0 and not math.isnan(startup["foiadesk_filled"])
    bench.report_startup(startup, 300)
    bench.report_gui(figures)
    assert "× the bare window" in capsys.readouterr().out


@pytest.mark.bench
def test_the_window_meets_its_targets(qapp, tmp_path):
    bench = load_script()
    startup = bench.bench_startup(bench.demo_log(10_000, tmp_path / "start.sqlite3"), repeat=5)
    assert startup["startup_ratio"] <= 2
    figures = bench.bench_gui(100_000, tmp_path / "large.sqlite3")
    assert figures["requests"] == 100_000
    assert figures["window_shown"] < 2  # the window is up before the list is read
    assert figures["list_read"] < 30
    assert figures["longest_freeze_ms"] < 500  # including drawing the list once it is read
    assert figures["search_keystroke"] < 0.05 and figures["filter_keystroke"] < 0.05
    for key in ("sort_title", "sort_due", "filter_overdue", "agenda"):
        assert figures[key] < 0.5, key
    assert figures["event_logged_to_list"] < 1
