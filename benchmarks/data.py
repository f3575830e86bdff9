"""Measures `kit.data.answers()` on a large synthetic history (1,000 sessions x 40 participants by default), against
a plain `pandas.read_sql` of the same rows in the same run. Targets (issue 16): at most 1 s, and at most 2x the
plain read.

Run: .venv/bin/python benchmarks/data.py [--sessions 1000] [--participants 40] [--repeat 5]
Prints the best and the first (cold) of --repeat runs, wall-clock and CPU seconds, and the load average: on the
shared 2-core machine other work inflates wall time, hardly CPU time. Asserts nothing. The history is built as in
benchmarks/trends.py (executemany into a temporary SQLite file, removed afterwards).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd  # noqa: E402

from kit import data  # noqa: E402
from trends import TEAM, build  # noqa: E402

PLAIN_SQL = ("SELECT a.session_code AS session, s.team, s.session_date AS date, a.question_key AS question,"
             " a.value, a.participant, a.shown FROM answers a JOIN sessions s ON s.code = a.session_code"
             " WHERE s.team = ?")


def timed(make) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = make()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.sqlite"
        start = time.perf_counter()
        counts = build(path, args.sessions, args.participants)
        print(f"Built {args.sessions} sessions of {args.participants} participants in "
              f"{time.perf_counter() - start:.1f} s: {counts['answers']:,} answers")
        url = f"sqlite:///{path}"

        def plain():
            with sqlite3.connect(path) as conn:
                frame = pd.read_sql(PLAIN_SQL, conn, params=(TEAM,))
            frame["date"] = pd.to_datetime(frame["date"])
            return frame

        runs = {"pandas.read_sql (plain)": [], "kit.data.answers()": []}
        rows = {}
        for _ in range(args.repeat):  # interleaved, so both see the same machine
            for name, make in (("pandas.read_sql (plain)", plain),
                               ("kit.data.answers()", lambda: data.answers(team=TEAM, db=url))):
                wall, cpu, frame = timed(make)
                runs[name].append((wall, cpu))
                rows[name] = len(frame)
        print(f"\n  {'':<26} {'rows':>9} {'best wall':>10} {'best cpu':>9} {'first wall':>11}")
        for name, times in runs.items():
            best = min(times)
            print(f"  {name:<26} {rows[name]:>9,} {best[0]:>9.3f}s {best[1]:>8.3f}s {times[0][0]:>10.3f}s")
        ours, theirs = min(runs["kit.data.answers()"])[0], min(runs["pandas.read_sql (plain)"])[0]
        print(f"\n  kit.data.answers() / plain read: {ours / theirs:.2f}x (target at most 2x); "
              f"best {ours:.3f} s (target at most 1 s)")
        print(f"  load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
