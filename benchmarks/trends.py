"""Measures the zorgteam's trend view on a large synthetic history:

- loading and aggregating everything the trends page shows for one team that holds all sessions (target: at most
  2 s): `kit.analysis.trends.trend_view` (bulk reads, counts and percentages per option, means with 95% intervals, word
  trends, ranked points, action follow-up) plus one before/after comparison;
- drawing every trend chart to PNG (target: at most 3 s in total).

Run: .venv/bin/python benchmarks/trends.py [--sessions 1000] [--participants 40] [--repeat 3]
Prints its figures (the best of --repeat runs, and the first, cold one), each as wall-clock time and as this
process's CPU time, with the machine's load average: on a shared 2-core machine other work inflates the wall time,
hardly the CPU time. Asserts nothing. The data are synthetic
and live in a temporary SQLite file that is removed afterwards. They are written with executemany straight into
the tables the store created (its migrations), so the setup takes seconds, not the minutes a store call per
answer would.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kit.charts import trend_charts  # noqa: E402

from kit.analysis import trends
from kit.store import Store  # noqa: E402
from kit.authoring import load_template  # noqa: E402

TEAM = "Benchmark (synthetisch)"
OPEN_RESPONSE = 0.5
CLOSED_RESPONSE = 0.96
SHARE_INTENTION = 0.3
POINTS_PER_SESSION = 6
ACTIONS_PER_SESSION = 3
WORDS = ("meldcode signalen nazorg ouders wijkteam jeugdarts gesprek collega's afspraken scholing terugkoppeling "
         "mentor zorgteam overleg regie tijd route stappen veiligheid leerling aandacht structuur vertrouwen "
         "casus oefenen bespreken duidelijk bereikbaar").split()
POINTS = ("Oefenen met oudergesprekken", "Terugkoppeling van het zorgteam na een melding", "Wijkteam beter bereikbaar",
          "Vast moment in de teamvergadering voor zorgsignalen", "Meldcode zichtbaar en kort op papier",
          "Nazorg voor de docent na een melding", "Jeugdarts vaker op school", "Weten wat je mag delen",
          "Casusbespreking elke periode", "Signalen herkennen bij oudere leerlingen")
STATUSES = ("nog niet gestart", "bezig", "klaar")


def build(path: Path, sessions: int, participants: int, seed: int = 1) -> dict[str, int]:
    template = load_template("teamleergesprek")
    with Store(f"sqlite:///{path}"):
        pass  # creates the schema
    rng = random.Random(seed)
    template_json = json.dumps(template.to_dict(), ensure_ascii=False)
    questions = template.questions()
    first = date(2015, 1, 5)
    rows = {"sessions": [], "answers": [], "points": [], "stickers": [], "actions": []}
    for s in range(sessions):
        code = f"B{s:05d}"
        held = first + timedelta(days=3 * s)
        stamp = f"{held.isoformat()}T13:00:00+00:00"
        rows["sessions"].append((code, TEAM, held.isoformat(), template.name, template_json, "closed", stamp))
        progress = s / max(sessions - 1, 1)
        seq = 0
        for p in range(participants):
            who = f"{s:05d}{p:03d}"
            for q in questions:
                if q.type == "open":
                    if rng.random() >= OPEN_RESPONSE:
                        continue
                    value = " ".join(rng.sample(WORDS, rng.randint(3, 8)))
                    shared = int(q.private and rng.random() < SHARE_INTENTION)
                    shown = int(shared or not q.private)
                else:
                    if rng.random() >= CLOSED_RESPONSE:
                        continue
                    options = q.answer_options
                    # Later sessions lean to the favourable end: best first for ordered, highest for a scale.
                    lean = progress if q.type == "scale" else 1 - progress
                    index = min(len(options) - 1, int(rng.betavariate(1 + 2 * lean, 3 - 2 * lean) * len(options)))
                    value, shown, shared = options[index], 0, 0
                seq += 1
                rows["answers"].append((code, who, q.key, value, shown, stamp, stamp, 1, seq, shared))
        chosen = rng.sample(POINTS, POINTS_PER_SESSION)
        for position, text in enumerate(chosen):
            rows["points"].append((code, f"p{position}", f"{s:05d}000", None, text, "open", None, position, 1))
        for p in range(participants):
            mine: dict[int, int] = {}
            for _ in range(3):
                point = rng.choice([i for i in range(POINTS_PER_SESSION) if mine.get(i, 0) < 2])
                mine[point] = mine.get(point, 0) + 1
            for point, count in mine.items():
                rows["stickers"].append((code, f"{s:05d}{p:03d}", f"p{point}", count))
        for position, text in enumerate(chosen[:ACTIONS_PER_SESSION]):
            rows["actions"].append((code, f"a{position}", f"p{position}", f"Actie: {text.lower()}",
                                    "het team en de organisatie", "zorgcoördinator", "voor de kerstvakantie",
                                    rng.choice(STATUSES), position, 1))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO sessions (code, team, session_date, template_name, template_json, status,"
                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows["sessions"])
    conn.executemany("INSERT INTO answers (session_code, participant, question_key, value, shown, created_at,"
                     " updated_at, revision, seq, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["answers"])
    conn.executemany("INSERT INTO points (session_code, point_id, author, prompt_index, text, status, merged_into,"
                     " position, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["points"])
    conn.executemany("INSERT INTO stickers (session_code, participant, point_id, count) VALUES (?, ?, ?, ?)",
                     rows["stickers"])
    conn.executemany("INSERT INTO actions (session_code, action_id, point_id, text, level, owner, planning, status,"
                     " position, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["actions"])
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return {name: len(values) for name, values in rows.items()}


class Clock:
    """Wall-clock and CPU seconds since the last `lap`."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        self.start = (self.wall, self.cpu)

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        result = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return result

    def total(self) -> tuple[float, float]:
        return time.perf_counter() - self.start[0], time.process_time() - self.start[1]


def aggregate(store: Store) -> tuple[trends.TrendView, dict[str, tuple[float, float]]]:
    steps: dict[str, tuple[float, float]] = {}
    clock = Clock()
    data = trends.load_team(store, TEAM)
    steps["load_team (bulk reads)"] = clock.lap()
    view = trends.trend_view(store, TEAM, data=data)
    steps["series, words, points, actions"] = clock.lap()
    codes = data.codes
    trends.compare(data, codes[-2], codes[-1], trends.SKILL_KEY)
    trends.compare(data, codes[0], codes[-1], trends.SCHOOL_KEY)
    steps["two before/after sentences"] = clock.lap()
    steps["total"] = clock.total()
    return view, steps


def draw(view: trends.TrendView, last: int | None) -> dict[str, float]:
    charts = {
        "vaardigheid (diverging)": lambda: trend_charts.diverging_bars(view.skill[0], last=last),
        "tevredenheid_school (mean + 95%)": lambda: trend_charts.mean_over_time(view.school[0], last=last),
        "tevredenheid_school (distribution)": lambda: trend_charts.stacked_bars(view.school[0], last=last),
        "tevredenheid_samenwerking (stacked)": lambda: trend_charts.stacked_bars(view.partners[0], last=last),
        "recurring words": lambda: trend_charts.recurring_words_chart(view.words),
    }
    times: dict[str, tuple[float, float]] = {}
    clock = Clock()
    for name, make in charts.items():
        png = trend_charts.figure_png(make())
        assert png.startswith(b"\x89PNG")
        times[name] = clock.lap()
    times["total"] = clock.total()
    return times


def best(runs: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    return {name: min((run[name] for run in runs), key=lambda t: t[0]) for name in runs[0]}


def show(title: str, first, fastest, target: float | None = None) -> None:
    print(f"\n{title}")
    print(f"  {'':<40} {'wall':>8} {'cpu':>8}   first run (wall)")
    for name in first:
        print(f"  {name:<40} {fastest[name][0]:7.3f}s {fastest[name][1]:7.3f}s   {first[name][0]:.3f}s")
    if target is not None:
        verdict = "within" if fastest["total"][0] <= target else "OVER"
        print(f"  target {target:.0f} s: {verdict} (best {fastest['total'][0]:.3f} s wall, "
              f"first {first['total'][0]:.3f} s wall)")
    print(f"  load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "trends.sqlite"
        start = time.perf_counter()
        counts = build(path, args.sessions, args.participants)
        print(f"Built {args.sessions} sessions of {args.participants} participants in "
              f"{time.perf_counter() - start:.1f} s: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
        print(f"Database file: {path.stat().st_size / 1e6:.1f} MB (SQLite, one team holding every session)")

        runs, views = [], []
        for _ in range(args.repeat):
            with Store(f"sqlite:///{path}") as store:  # a fresh connection each run, as a page load would have
                view, steps = aggregate(store)
            runs.append(steps)
            views.append(view)
        show("Loading and aggregating the trend view", runs[0], best(runs), target=2)
        view = views[-1]
        shown = sum(int(not s) for s in view.skill[0].sessions["suppressed"])
        print(f"  ({len(view.data.sessions)} sessions, {shown} with enough answers; "
              f"{len(view.data.counts):,} count rows, {len(view.data.texts):,} open answers, "
              f"{len(view.actions):,} actions)")

        drawn = [draw(view, trend_charts.LAST_SESSIONS) for _ in range(args.repeat)]
        show(f"Drawing every trend chart to PNG (the newest {trend_charts.LAST_SESSIONS} sessions each, as the page "
             "shows them)", drawn[0], best(drawn), target=3)


if __name__ == "__main__":
    main()
