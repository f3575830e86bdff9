"""kit.data: the tidy DataFrames agree with `teamleergesprek export` (the CSV) on the demo history, and the
minimum group counts people, not answers."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from kit import data
from kit.authoring import load_template
from kit.documents.session_export import POINT_STATUS_LABELS, answer_rows
from kit.history.demo import load_demo
from kit.model.sessions import new_session
from kit.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('data') / 'demo.sqlite'}"
    with Store(url) as store:
        load_demo(store)
        exported = [row for s in store.sessions.list_sessions() for row in answer_rows(store, s.code)]
    return url, exported


def _csv(exported, kind=None, poll=False):
    if poll:
        return [r for r in exported if ":" not in r[3] and r[4] not in ("werkblad", "routekaart", "punt", "actie")]
    return [r for r in exported if r[4] == kind]


def _day(frame):
    return frame["date"].dt.strftime("%Y-%m-%d")


def test_answers_agree_with_the_export(demo):
    url, exported = demo
    frame = data.answers(db=url)
    ours = Counter(zip(frame["session"].astype(str), frame["team"], _day(frame), frame["question"], frame["type"],
                       frame["value"], frame["participant"]))
    theirs = Counter(_csv(exported, poll=True))
    assert len(frame) > 1000 and ours == theirs


def test_points_agree_with_the_export(demo):
    url, exported = demo
    frame = data.points(db=url)
    ours = []
    for row in frame.itertuples():
        head = (str(row.session), row.team, row.date.strftime("%Y-%m-%d"))
        status = POINT_STATUS_LABELS[row.status]
        if row.status == "merged" and not pd.isna(row.merged_into):
            status += f" met punt:{row.merged_into}"
        ours += [(*head, f"punt:{row.point}", "punt", row.text, ""),
                 (*head, f"punt:{row.point}:stickers", "punt", str(row.stickers), ""),
                 (*head, f"punt:{row.point}:status", "punt", status, "")]
        if row.from_route_map:
            ours.append((*head, f"punt:{row.point}:bron", "punt", "routekaart", ""))
    assert len(frame) > 20 and Counter(ours) == Counter(_csv(exported, "punt"))
    assert (frame["shown"] == (frame["status"] == "open")).all()


def test_actions_agree_with_the_export(demo):
    url, exported = demo
    frame = data.actions(db=url)
    ours = []
    for row in frame.itertuples():
        head = (str(row.session), row.team, row.date.strftime("%Y-%m-%d"))
        ours.append((*head, f"actie:{row.action}", "actie", row.text, ""))
        for field, value in (("niveau", row.level), ("eigenaar", row.owner), ("planning", row.planning),
                             ("status", row.status)):
            ours.append((*head, f"actie:{row.action}:{field}", "actie", value, ""))
        if not pd.isna(row.point):
            ours.append((*head, f"actie:{row.action}:punt", "actie", f"punt:{row.point}", ""))
    assert len(frame) > 10 and Counter(ours) == Counter(_csv(exported, "actie"))
    assert list(frame["status"].cat.categories) == ["nog niet gestart", "bezig", "klaar"]
    assert (frame["done"] == (frame["status"] == "klaar")).all()


def test_worksheets_and_route_map_agree_with_the_export(demo):
    url, exported = demo
    sheets = data.worksheets(db=url)
    ours = set()
    for row in sheets.itertuples():
        head = (str(row.session), row.team, row.date.strftime("%Y-%m-%d"))
        ours.add((*head, "werkblad:casus", "werkblad", row.case, row.group))
        if not pd.isna(row.step):
            ours.add((*head, f"werkblad:{row.step}:{row.question_number}", "werkblad", row.answer, row.group))
    assert len(sheets) > 50 and ours == set(_csv(exported, "werkblad"))

    route = data.route_map(db=url)
    ours_route = Counter((str(r.session), r.team, r.date.strftime("%Y-%m-%d"), f"routekaart:{r.step}:{r.category}",
                          "routekaart", r.text, "") for r in route.itertuples())
    assert len(route) > 20 and ours_route == Counter(_csv(exported, "routekaart"))


def test_sessions_period_team_and_types(demo):
    url, _ = demo
    every = data.sessions(db=url)
    assert list(every.columns) == ["session", "team", "date", "template", "language", "status", "participants"]
    assert pd.api.types.is_datetime64_any_dtype(every["date"]) and every["date"].is_monotonic_increasing
    team = every["team"].iloc[0]
    middle = every.loc[every["team"] == team, "date"].iloc[1:3]
    some = data.sessions(team=team, since=middle.iloc[0].date(), until=str(middle.iloc[1].date()), db=url)
    assert list(some["date"]) == list(middle) and set(some["team"]) == {team}
    answers = data.answers(team=team, db=url)
    counted = answers.groupby("session", observed=True)["participant"].nunique()
    per_session = data.sessions(team=team, db=url).set_index("session")["participants"]
    assert counted.to_dict() == per_session[per_session > 0].to_dict()


def test_one_question_is_an_ordered_categorical_with_its_rank(demo):
    url, _ = demo
    skill = data.answers(db=url, question="vaardigheid")
    assert list(skill["value"].cat.categories) == ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]
    ranks = dict(zip(skill["value"].astype(str), skill["number"]))
    assert ranks["heel vaardig"] == 4 and ranks["niet vaardig"] == 1
    school = data.answers(db=url, question="tevredenheid_school")
    assert (school["number"] == school["value"].astype(str).astype(float)).all()
    assert data.answers(db=url, question="versterken")["number"].isna().all()


def _small_session(tmp_path):
    url = f"sqlite:///{tmp_path / 'small.sqlite'}"
    with Store(url) as store:
        record = new_session(store, load_template("teamleergesprek"), "Klein team", "2026-01-15")
        for who in ("p1", "p2", "p3", "p4"):
            store.sessions.save_answer(record.code, who, "vaardigheid", "vaardig")
        for key in ("versterken", "bieden", "samenwerking_goed", "samenwerking_beter", "checkout_meenemen"):
            store.sessions.save_answer(record.code, "p1", key, "burnout")
        store.sessions.save_answer(record.code, "p2", "checkout_voornemen", "mijn geheim")
    return url


def test_minimum_group_counts_people_not_answers(tmp_path):
    url = _small_session(tmp_path)
    answers = data.answers(db=url)
    assert "mijn geheim" not in set(answers["value"])  # a private answer its author did not share
    open_answers = answers[answers["type"] == "open"]
    assert len(open_answers) == 5 and data.enough_people(open_answers).empty
    assert len(data.enough_people(open_answers, min_group=1)) == 5
    table = data.summary("vaardigheid", db=url)
    assert table["suppressed"].all() and (table["n"] == 4).all() and table["count"].isna().all()
    assert table["mean"].isna().all()
    shown = data.summary("vaardigheid", db=url, min_group=4)
    assert not shown["suppressed"].any()
    assert shown.set_index("option").loc["vaardig", "count"] == 4


def test_db_defaults_to_the_kits_database(tmp_path, monkeypatch):
    url = _small_session(tmp_path)
    monkeypatch.setenv("TEAMLEERGESPREK_DB", url)
    assert list(data.sessions()["team"]) == ["Klein team"]
    with Store(url) as store:
        assert len(data.answers(db=store)) == len(data.answers())


def test_summary_keeps_session_and_option_order(demo):
    url, _ = demo
    loaded = data.answers(db=url)
    table = data.summary("vaardigheid", frame=loaded)
    assert list(table["option"].cat.categories) == ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]
    pivot = table.pivot(index="session", columns="option", values="share")
    assert list(pivot.index) == [s for s in loaded["session"].cat.categories if s in set(table["session"])]
    scale = data.summary("tevredenheid_school", frame=loaded)
    assert list(scale["option"].cat.categories) == ["0", "1", "2", "3", "4", "5"]
