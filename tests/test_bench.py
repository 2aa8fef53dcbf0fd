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
