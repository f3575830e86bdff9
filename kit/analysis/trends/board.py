"""The sticker boards across sessions: each session's ranking, side by side, and the points that keep coming back."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.analysis.trends.common import min_group_threshold, normalise_text, too_few
from kit.analysis.trends.load import TeamData

# "The top of the sticker board": a point ranked this high (with at least one sticker) in a session.
TOP_POINTS = 3


def ranked_points(data: TeamData, top: int | None = None, min_group: int | None = None) -> pd.DataFrame:
    """The sticker board of every session: its visible points, most stickers first (ties in wall order).

    Columns: code, date, label, rank (1 = most stickers), text, stickers, suppressed. Where fewer than
    `min_group` participants put stickers the ranking is a figure of too few people: rank and stickers are <NA>,
    the points follow the order they were put on the wall, and suppressed is True.
    """
    threshold = min_group_threshold(min_group)
    columns = ["code", "date", "label", "rank", "text", "stickers", "suppressed"]
    visible = data.points[data.points["status"] == "open"]
    if visible.empty:
        return pd.DataFrame(columns=columns)
    order = {code: i for i, code in enumerate(data.codes)}
    suppressed = data.voters.reindex(visible["code"]).fillna(0).to_numpy() < threshold
    ranked = visible.assign(
        suppressed=suppressed,
        _order=visible["code"].map(order).to_numpy(),
        _key=np.where(suppressed, 0, -visible["stickers"].to_numpy()),
    ).sort_values(["_order", "_key", "position"], kind="stable")
    ranked["rank"] = ranked.groupby("code", sort=False).cumcount() + 1
    if top is not None:
        ranked = ranked[ranked["rank"] <= top]
    hidden = ranked["suppressed"].to_numpy()
    result = pd.DataFrame({
        "code": ranked["code"].to_numpy(),
        "date": ranked["code"].map(data.sessions["date"]).to_numpy(),
        "label": ranked["code"].map(data.sessions["label"]).to_numpy(),
        "rank": pd.array(ranked["rank"].to_numpy(), dtype="Int64"),
        "text": ranked["text"].to_numpy(),
        "stickers": pd.array(ranked["stickers"].to_numpy(), dtype="Int64"),
        "suppressed": hidden,
    })
    if hidden.any():
        result.loc[hidden, ["rank", "stickers"]] = pd.NA
    return result[columns]


def points_side_by_side(data: TeamData, top: int = 5, min_group: int | None = None) -> pd.DataFrame:
    """The top of each session's sticker board side by side: index rank 1..top, one column per session label in
    date order; a cell reads 'text (7)'. A session with too few sticker voters shows too_few() in its first row."""
    ranked = ranked_points(data, top, min_group)
    table = pd.DataFrame("", index=pd.RangeIndex(1, top + 1, name="rank"), columns=list(data.sessions["label"]))
    for code, group in ranked.groupby("code", sort=False):
        label = data.sessions.at[code, "label"]
        if group["suppressed"].iloc[0]:
            table.at[1, label] = too_few()
            continue
        for rank, text, stickers in zip(group["rank"], group["text"], group["stickers"]):
            table.at[int(rank), label] = f"{text} ({stickers})"
    return table



def recurring_points(data: TeamData, top: int = TOP_POINTS, min_group: int | None = None) -> pd.DataFrame:
    """Points that reached the top `top` of the sticker board (with at least one sticker) in more than one session,
    matched on normalised text. Columns: text (as last written), times, codes, labels, ranks (tuples, in date
    order); most frequent first. Sessions whose ranking is suppressed do not count."""
    ranked = ranked_points(data, top, min_group)
    ranked = ranked[~ranked["suppressed"].astype(bool)]
    ranked = ranked[ranked["stickers"].fillna(0).astype("int64") > 0]
    found: dict[str, dict] = {}
    counted: set[tuple[str, str]] = set()  # (normalised text, code): a set, so this stays linear in the sessions
    for row in ranked.itertuples(index=False):
        norm = normalise_text(row.text)
        entry = found.setdefault(norm, {"codes": [], "labels": [], "ranks": [], "text": row.text})
        if (norm, row.code) in counted:
            continue
        counted.add((norm, row.code))
        entry["codes"].append(row.code)
        entry["labels"].append(row.label)
        entry["ranks"].append(int(row.rank))
        entry["text"] = row.text
    rows = [(e["text"], len(e["codes"]), tuple(e["codes"]), tuple(e["labels"]), tuple(e["ranks"]))
            for e in found.values() if len(e["codes"]) > 1]
    rows.sort(key=lambda r: -r[1])
    return pd.DataFrame(rows, columns=["text", "times", "codes", "labels", "ranks"])


