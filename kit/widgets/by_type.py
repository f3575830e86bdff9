"""The phone's view of each question type, keyed by type key (`kit.model.questiontypes`).

A new type adds its line to `VIEWS` (tests/unit/widgets/test_by_type.py fails until it does); a closed question
whose answers are one of a few options can use `ChoiceView`, the closed default.
"""

from __future__ import annotations

from kit.model.template import Question
from kit.widgets.hundred_points import PointsView
from kit.widgets.participant import ChoiceView, OpenView, QuestionView, ScaleView, Submit



def closed_view(question, submit, current=None, position="", share=None, shared=False) -> QuestionView:
    """The closed default: one button per option."""
    return ChoiceView(question, submit, current, position)


def scale_view(question, submit, current=None, position="", share=None, shared=False) -> QuestionView:
    return ScaleView(question, submit, current, position)


def open_view(question, submit, current=None, position="", share=None, shared=False) -> QuestionView:
    """A text field; a private question's author may share the answer with the room (`share`)."""
    return OpenView(question, submit, current, position, share=share, shared=shared)


def points_view(question, submit, current=None, position="", share=None, shared=False) -> QuestionView:
    return PointsView(question, submit, current, position)


# Type key -> the function that builds the view: (question, submit, current, position, share, shared).
VIEWS = {
    "ordered": closed_view,
    "choice": closed_view,
    "scale": scale_view,
    "open": open_view,
    "punten": points_view,
}


def question_view(question: Question, submit: Submit, current: str | None = None, position: str = "",
                  share=None, shared: bool = False) -> QuestionView:
    """The view of one question on the phone, as its type's entry in `VIEWS` builds it."""
    return VIEWS[question.type](question, submit, current, position, share=share, shared=shared)
