"""ordered: one of a few options that run from the best end down (heel vaardig … niet vaardig)."""

from __future__ import annotations

from kit.model.questiontypes.choice import ChoiceType


class OrderedType(ChoiceType):
    key = "ordered"
    help = "ordered (opties met een volgorde, zoals heel vaardig … niet vaardig)"
    noun = "een vraag met opties op volgorde"
    answers_noun = "keuzes"
    incomparable = None


TYPE = OrderedType()
