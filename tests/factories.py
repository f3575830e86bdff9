"""Small templates built in code, so store and app tests do not depend on the YAML loader."""

import asyncio
import threading

from kit.model.template import Block, Question, Template

VAARDIGHEID = Question(
    "vaardigheid", "ordered", "Hoe vaardig voel jij je bij het signaleren en handelen?",
    options=("heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"),
)
TEVREDENHEID = Question(
    "tevredenheid_school", "scale", "Hoe tevreden ben jij over de handelswijze van de school?",
    scale_min=0, scale_max=5, min_label="zeer ontevreden", max_label="zeer tevreden",
)
VERSTERKEN = Question(
    "versterken", "open", "Wat is nodig om het signaleren en handelen op de school te versterken?", max_length=500
)


def small_template() -> Template:
    return Template(
        schema_version=1,
        name="klein",
        language="nl",
        title="Klein teamleergesprek",
        blocks=(
            Block("welkom", "Welkom", 10, "Heet iedereen welkom."),
            Block("start", "Startoefening", 15, "Stel de vragen.", (VAARDIGHEID, TEVREDENHEID, VERSTERKEN)),
            Block("afsluiting", "Afsluiting", 10, "Rond af."),
        ),
    )


def open_question(session, key: str) -> None:
    """Walk the live session to the question with this key, as the facilitator's Volgende would."""
    index = next(s.index for s in session.template.steps if s.question and s.question.key == key)
    session.go_to(index)


def werkvormen_template() -> Template:
    """Werkvorm 3 and 5 in miniature: one case, two worksheet steps, a sticker budget of 3 with at most 2 per point."""
    from kit.model.template import Case, Meldcode, Points, WorksheetStep

    meldcode = Meldcode(
        cases=(Case("casus1", "Casus 1", "Een leerling is ziek."), Case("eigen", "Eigen casus", "Onze casus.")),
        steps=(WorksheetStep("stap1", "Stap 1", ("Waar heb je op gelet?", "Welke signalen?")),
               WorksheetStep("stap2", "Stap 2", ("Met wie overleg je?",))),
    )
    return Template(
        schema_version=1, name="werkvormen", language="nl", title="Werkvormen",
        blocks=(
            Block("welkom", "Welkom", 10),
            Block("werkvorm3", "Werkvorm 3", 25, meldcode=meldcode),
            Block("werkvorm5", "Werkvorm 5", 20, prompts=("Waar heb jij behoefte aan?",), points=Points()),
        ),
    )


def go_to_activity(session, activity: str) -> None:
    session.go_to(next(s.index for s in session.template.steps if s.activity == activity))


WORKSHEET_ANSWER = "Ze rook naar alcohol"


def a_group_writing(session):
    """The session at its worksheet, where "Groep 1" took Casus 1 and wrote WORKSHEET_ANSWER at step 1.
    Returns (the Worksheet, the group's id)."""
    from kit.model.worksheet import Worksheet

    sheet = Worksheet.for_session(session)
    go_to_activity(session, "werkblad")
    group = sheet.register("Groep 1")
    sheet.choose_case(group, "casus1")
    sheet.answer(group, "stap1", 0, WORKSHEET_ANSWER)
    return sheet, group


PRIORITEIT = Question(
    "prioriteit", "punten", "Verdeel 100 punten: waar moet het team het eerst mee aan de slag?",
    options=("scholing over signalen", "overleg met Veilig Thuis", "gesprekken met ouders"),
)


def punten_template() -> Template:
    """A follow-up meeting with one question of every kind the trends count, and one that divides 100 points."""
    return Template(
        schema_version=1, name="vervolg", language="nl", title="Vervolgbijeenkomst",
        blocks=(
            Block("welkom", "Welkom", 5),
            Block("kiezen", "Waar beginnen we?", 15, "Laat iedereen punten verdelen.", (VAARDIGHEID, PRIORITEIT)),
        ),
    )


def run_on_a_loop_of_its_own(make_coroutine):
    """`asyncio.run(make_coroutine())` on a thread of its own; returns (the result, that thread).

    A kernel runs the kit on its event loop. In the test process the main thread may already carry a running loop
    (pytest-playwright's sync API keeps one for the whole session), and asyncio.run refuses to start inside it."""
    outcome = {}

    def run():
        try:
            outcome["result"] = asyncio.run(make_coroutine())
        except BaseException as error:  # handed to the test's own thread below
            outcome["error"] = error

    thread = threading.Thread(target=run, name="test-loop")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"], thread


def synthetic_boards(sessions: int, seed: int = 7):
    """A `trends.TeamData` of a team with `sessions` sticker boards built in memory: five points each, drawn from a few recurring texts
    (spelled in two ways), random stickers, some boards with too few voters. Used by the recurring points' tests and
    benchmarks/recurring_points.py."""
    import random

    import pandas as pd

    from kit.analysis import trends

    rng = random.Random(seed)
    texts = ["Nazorg", "nazorg!", "Oefenen met ouders", "Rooster", "Tijd", "Wijkteam", "Rust", "Scholing"]
    codes = [f"S{i:05d}" for i in range(sessions)]
    dates = [f"{2000 + i // 365:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(sessions)]
    frame = pd.DataFrame({"date": dates, "label": dates, "status": "closed", "created_at": dates},
                         index=pd.Index(codes, name="code", dtype=object))
    rows = [(code, f"p{j}", rng.choice(texts), "open", None, j, rng.randint(0, 6), 0)
            for code in codes for j in range(5)]
    points = pd.DataFrame(rows, columns=trends.POINT_COLUMNS)
    voters = pd.Series([rng.choice([2, 5, 8, 12]) for _ in codes], index=codes, dtype="int64")
    empty = pd.DataFrame(columns=trends.QUESTION_COLUMNS)
    return trends.TeamData("Synthetisch", frame, empty, pd.DataFrame(columns=trends.COUNT_COLUMNS),
                           pd.DataFrame(columns=trends.TEXT_COLUMNS), points, voters,
                           pd.DataFrame(columns=trends.ACTION_COLUMNS))
