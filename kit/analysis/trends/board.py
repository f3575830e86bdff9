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
    # Each point's session as its place in date order (an index lookup, not a per-row map: issue 16's 16,000 sessions)
    order = data.sessions.index.get_indexer(visible["code"])
    suppressed = data.voters.reindex(visible["code"]).fillna(0).to_numpy() < threshold
    ranked = visible.assign(
        suppressed=suppressed,
        _order=order,
        _key=np.where(suppressed, 0, -visible["stickers"].to_numpy()),
    ).sort_values(["_order", "_key", "position"], kind="stable")
    ranked["rank"] = ranked.groupby("code", sort=False).cumcount() + 1
    if top is not None:
        ranked = ranked[ranked["rank"] <= top]
    hidden = ranked["suppressed"].to_numpy()
    session = ranked["_order"].to_numpy()
    result = pd.DataFrame({
        "code": ranked["code"].to_numpy(),
        "date": data.sessions["date"].to_numpy()[session],
        "label": data.sessions["label"].to_numpy()[session],
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
    columns = ["text", "times", "codes", "labels", "ranks"]
    ranked = ranked_points(data, top, min_group)
    keep = ~ranked["suppressed"].to_numpy(dtype=bool) & (ranked["stickers"].fillna(0).to_numpy(dtype="int64") > 0)
    if not keep.any():
        return pd.DataFrame(columns=columns)
    # Whole columns at once (numpy), not a Python loop over rows: 16,000 sessions in well under 0.1 s (issue 16).
    texts, codes, labels = (ranked[c].to_numpy(dtype=object)[keep] for c in ("text", "code", "label"))
    ranks = ranked["rank"].to_numpy(dtype="int64", na_value=0)[keep]
    # Each distinct text is normalised once; points are matched on the normalised text, numbered in order of
    # first appearance (date order, then rank).
    text_ids, distinct = pd.factorize(texts)
    point_ids, _ = pd.factorize(np.array([normalise_text(text) for text in distinct], dtype=object)[text_ids])
    # A point counts once per session: its first (highest) place there.
    session_ids, _ = pd.factorize(codes)
    first = ~pd.Series(point_ids.astype("int64") * (int(session_ids.max()) + 1) + session_ids).duplicated().to_numpy()
    point_ids, texts, codes, labels, ranks = (a[first] for a in (point_ids, texts, codes, labels, ranks))
    order = np.argsort(point_ids, kind="stable")  # per point, its sessions in date order
    times = np.bincount(point_ids)
    starts = np.concatenate(([0], np.cumsum(times)[:-1]))
    rows = []
    for point in np.flatnonzero(times > 1):
        rows_of_point = order[starts[point]:starts[point] + times[point]]
        rows.append((texts[rows_of_point[-1]], int(times[point]), tuple(codes[rows_of_point]),
                     tuple(labels[rows_of_point]), tuple(int(r) for r in ranks[rows_of_point])))
    rows.sort(key=lambda r: -r[1])  # most frequent first; ties in order of first appearance
    return pd.DataFrame(rows, columns=columns)


