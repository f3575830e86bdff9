"""What happened to the actions: each action of a session, whether it was done and whether it came back."""

from __future__ import annotations

import difflib

import pandas as pd

from kit.analysis.trends.common import normalise_text
from kit.analysis.trends.load import TeamData

# An action counts as the same in the next session when its normalised text is equal, or this similar
# (difflib's ratio on the normalised texts).
SIMILAR_ACTION = 0.8


# -- action follow-up ---------------------------------------------------------------------------------------------
def similar_text(a: str, b: str, threshold: float = SIMILAR_ACTION) -> bool:
    """The same action or point in other words only slightly: equal after `normalise_text`, or difflib-similar."""
    return _similar_normalised(normalise_text(a), normalise_text(b), threshold)


def _similar_normalised(a: str, b: str, threshold: float = SIMILAR_ACTION) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds first: most pairs of different actions are told apart without the full ratio.
    return (matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold
            and matcher.ratio() >= threshold)


def _close(a: str, b: str, matchers: dict[str, difflib.SequenceMatcher], threshold: float = SIMILAR_ACTION) -> bool:
    """`_similar_normalised` for two different texts, reusing one matcher per `b` (difflib indexes its second
    sequence) and skipping it when the lengths alone rule the pair out."""
    if not b or 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return False
    matcher = matchers.get(b)
    if matcher is None:
        matcher = matchers[b] = difflib.SequenceMatcher(None, "", b, autojunk=False)
    matcher.set_seq1(a)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def action_followup(data: TeamData) -> pd.DataFrame:
    """Every action of every session, in date order and in the order of the action plan.

    Columns: code, date, label, action_id, text, level, owner, planning, status, done (the status is the
    template's last, 'klaar'), next_code / next_label (the team's next session in this period; missing for the
    last), in_next (a similar action is in the next session's plan), next_text (that action's text), carried
    (there is a next session and the action is in it or was not done: it went along to that session).
    """
    columns = ["code", "date", "label", "action_id", "text", "level", "owner", "planning", "status", "done",
               "next_code", "next_label", "in_next", "next_text", "carried"]
    if data.actions.empty:
        return pd.DataFrame(columns=columns)
    codes = data.codes
    following = dict(zip(codes, codes[1:] + [None]))
    dates, labels = data.sessions["date"].to_dict(), data.sessions["label"].to_dict()
    done_status = {code: data.done_status(code) for code in codes}
    actions = data.actions
    normalised = [normalise_text(text) for text in actions["text"]]
    plans: dict[str, dict[str, str]] = {}  # per session: normalised text -> the text as written (first one)
    for code, text, norm in zip(actions["code"], actions["text"], normalised):
        plans.setdefault(code, {}).setdefault(norm, text)
    matchers: dict[str, difflib.SequenceMatcher] = {}
    close: dict[tuple[str, str], bool] = {}  # the same two texts meet again and again in a long history
    rows = []
    for action, norm in zip(actions.itertuples(index=False), normalised):
        nxt = following[action.code]
        plan = plans.get(nxt, {})
        match = plan.get(norm) if norm else None
        if match is None and norm:
            for other, text in plan.items():
                if (norm, other) not in close:
                    close[norm, other] = _close(norm, other, matchers)
                if close[norm, other]:
                    match = text
                    break
        done = action.status == done_status[action.code]
        rows.append((
            action.code, dates[action.code], labels[action.code], action.action_id, action.text, action.level,
            action.owner, action.planning, action.status, done, nxt, labels.get(nxt), match is not None, match,
            nxt is not None and (match is not None or not done),
        ))
    return pd.DataFrame(rows, columns=columns)


