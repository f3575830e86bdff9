"""Measures `kit.analysis.trends.recurring_points` on many sticker boards (issue 16: at most 0.1 s at 16,000 sessions;
2.4 s with the list membership test it had, 0.11-0.17 s after that was made linear).

The boards are the tests' synthetic ones (tests/factories.py: five points per session from a few recurring texts,
random stickers, some boards with too few voters), built in memory. Prints the best and the first of --repeat runs,
wall-clock and CPU seconds, for the whole function and for `ranked_points` (which it calls) alone, with the load
average: the machine is shared, and its load inflates the wall time more than the CPU time. Asserts nothing.

Run: .venv/bin/python benchmarks/recurring_points.py [--sessions 16000] [--repeat 7]

Measured 2026-11-30 on the shared 2-core machine at load average 19-37: 0.115 s CPU (0.37 s wall) with the row loop,
0.040-0.042 s CPU (0.17 s wall) by whole columns; ranked_points 0.030 s CPU of it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factories import synthetic_boards  # noqa: E402
from kit.analysis import trends  # noqa: E402


def timed(function, repeat: int) -> tuple[float, float, float]:
    """(first wall, best wall, best CPU) seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls[0], min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=16_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    data = synthetic_boards(args.sessions)
    found = trends.recurring_points(data)
    print(f"{args.sessions} sessions, {len(data.points)} points; {len(found)} recurring points; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, function in (("recurring_points", lambda: trends.recurring_points(data)),
                           ("  of which ranked_points", lambda: trends.ranked_points(data, trends.TOP_POINTS))):
        first, best, cpu = timed(function, args.repeat)
        print(f"{name:24s} best {best:.3f} s wall, {cpu:.3f} s CPU (first {first:.3f} s) over {args.repeat} runs")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
