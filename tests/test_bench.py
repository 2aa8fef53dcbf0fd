"""The clock benchmark runs and agrees with the day-by-day reference (no timing asserted)."""

import pytest

from foiadesk.core.bench import bench_clocks


def test_bench_command_runs_and_agrees_on_a_small_log(capsys):
    figures = bench_clocks(1500, repeat=1)
    assert figures["agree"]
    out = capsys.readouterr().out
    assert "every clock, all requests (batch)" in out and "ratio loop / batch" in out


@pytest.mark.bench
def test_bench_clocks_100k(capsys):
    with capsys.disabled():
        bench_clocks(100_000)


def test_the_growth_table_runs_on_a_small_log(tmp_path, capsys):
    """``foiadesk bench scale`` on 1,000 requests: every figure is measured (no timing asserted)."""
    from foiadesk.core.bench import bench_scale

    (row,) = bench_scale(max_requests=1000, repeat=1, folder=tmp_path)
    keys = ("fetch", "requests", "requests_mb", "agenda", "bare_window", "stack_window", "window_list_ready")
    keys += ("window_filter_ms", "window_search_ms", "window_event_refresh_ms", "window_peak_mb")
    for key in keys:
        assert row[key] > 0, key
    out = capsys.readouterr().out
    assert "bare fetch" in out and "stack" in out and "     1,000 " in out and "Targets:" in out


@pytest.mark.bench
def test_bench_scale_to_100k(capsys):
    from foiadesk.core.bench import bench_scale

    with capsys.disabled():
        bench_scale(max_requests=100_000)
