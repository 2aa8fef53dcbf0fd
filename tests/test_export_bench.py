"""The export benchmark (run with --run-bench): 500 events with 1 MB attachments each
export with bounded memory. It prints its figures; only memory is asserted, never time."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]  # the checkout


@pytest.mark.bench
def test_large_export_stays_within_the_memory_target(capsys):
    spec = importlib.util.spec_from_file_location("bench_export", ROOT / "scripts" / "bench_export.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.main([])
    with capsys.disabled():
        print(f"\nexport benchmark: {figures}")
    assert figures["files"] == 501
    assert figures["rss_mb"] <= bench.TARGET_MB
