"""A whole session with every kind of answer, for the export tests and the verslag tests: polls (some too small to
break down, open answers shown and hidden, a private intention shared and one kept), three groups on the
worksheet, a route map, points with stickers (one merged, one hidden) and two actions. Participant text carries
formulas, markup and emoji, so every document is seen escaping it."""

from dataclasses import dataclass, field

from factories import go_to_activity, open_question
from kit.authoring import load_template
from kit.model.board import PointsBoard
from kit.model.live import LiveSession
from kit.model.worksheet import Worksheet
from kit.store import Store, new_participant_pseudonym
from kit.model.sessions import new_session

TEAM = "Team <b>Zuid</b> & co"
DATE = "2026-11-28"

FORMULA = "=1+1"
SCRIPT = "<script>alert('x')</script> **vet**"
EMOJI = "Meer tijd voor gesprekken 😀👍🏽"
HIDDEN = "Alleen voor de begeleider: zorgen om klas 2b"
SHOWN_BIEDEN = "-Ik kan collega's coachen"
SHARED_INTENTION = "Ik ga vaker vragen hoe het gaat"
PRIVATE_INTENTION = "Mijn eigen geheime voornemen"
ROUTE_TEXTS = ("Zorgteam overlegt snel", "=Veilig Thuis bellen", "Aandachtsfunctionaris 🙂")
POINTS = ("Scholing in gespreksvoering", "@Vaste sparringpartner", "Nazorg voor docenten", "Dubbel: scholing",
          "Verborgen punt over een collega")
ACTIONS = ("+Training plannen", "Intervisie starten <i>")


@dataclass
class Built:
    code: str
    participants: list = field(default_factory=list)
    point_ids: list = field(default_factory=list)


def _step(session, predicate):
    session.go_to(next(s.index for s in session.template.steps if predicate(s)))


def build_session(db_url: str, templates_dir) -> Built:
    """The standard template, run through: polls (some too small to break down, open answers shown and hidden,
    a private intention shared and one kept), three groups on the worksheet, a route map, points with stickers
    (one merged, one hidden) and two actions."""
    template = load_template("teamleergesprek", templates_dir)
    with Store(db_url) as store:
        record = new_session(store, template, TEAM, DATE)
        session = LiveSession.open(store, record.code)
        built = Built(record.code, [new_participant_pseudonym() for _ in range(5)])
        p = built.participants

        open_question(session, "vaardigheid")
        for who, value in zip(p, ("vaardig", "vaardig", "niet vaardig", "heel vaardig")):
            session.submit(who, "vaardigheid", value)
        open_question(session, "tevredenheid_school")  # two answers: too few to break down
        session.submit(p[0], "tevredenheid_school", 4)
        session.submit(p[1], "tevredenheid_school", "2")
        open_question(session, "versterken")
        for who, value in zip(p, (FORMULA, SCRIPT, EMOJI, HIDDEN)):
            session.submit(who, "versterken", value)
        for who in p[:3]:
            store.sessions.set_shown(record.code, "versterken", who, True)
        open_question(session, "bieden")
        session.submit(p[0], "bieden", SHOWN_BIEDEN)
        store.sessions.set_shown(record.code, "bieden", p[0], True)
        open_question(session, "tevredenheid_samenwerking")
        for who, value in zip(p, ("tevreden", "ontevreden", "tevreden")):
            session.submit(who, "tevredenheid_samenwerking", value)
        open_question(session, "checkout_bij")  # an open question, as in the handbook (issue 11.2)
        for who, value in zip(p, ("Moe maar tevreden", "Het raakte me")):
            session.submit(who, "checkout_bij", value)
        open_question(session, "checkout_voornemen")
        session.submit(p[0], "checkout_voornemen", SHARED_INTENTION)
        session.submit(p[1], "checkout_voornemen", PRIVATE_INTENTION)
        session.set_shared(p[0], "checkout_voornemen", True)
        # Even a 'shown' flag on an unshared intention (no screen can set it, the store can) must not let it out.
        store.sessions.set_shown(record.code, "checkout_voornemen", None, True)

        sheet = Worksheet.for_session(session)
        go_to_activity(session, "werkblad")
        g1, g2, g3 = sheet.register("Groep =A"), sheet.register("De uilen 🦉"), sheet.register("Groep 3")
        sheet.choose_case(g1, "casus1")
        sheet.choose_case(g2, "casus3")
        sheet.choose_case(g3, "casus1")
        sheet.answer(g1, "stap2", 1, "Met de mentor\nen het zorgteam")
        sheet.answer(g1, "stap1", 0, "Op de geur van alcohol")
        sheet.answer(g2, "stap1", 2, "+31 Veilig Thuis")
        sheet.add_route_item("stap1", "positief", ROUTE_TEXTS[0])
        sheet.add_route_item("stap2", "sleutelfiguren", ROUTE_TEXTS[2])
        sheet.add_route_item("stap1", "aandacht", ROUTE_TEXTS[1])

        board = PointsBoard.for_session(session)
        _step(session, lambda s: s.block.points is not None and s.prompt == 0)
        built.point_ids = [board.post(p[i % 5], text) for i, text in enumerate(POINTS)]
        ids = built.point_ids
        go_to_activity(session, "stickers")
        for who, targets in ((p[0], (1, 1, 0)), (p[1], (1, 2)), (p[2], (2, 3)), (p[3], (4,))):
            for index in targets:
                board.add_sticker(who, ids[index])
        board.merge(ids[3], ids[0])  # its sticker moves to 'Scholing in gespreksvoering'
        board.hide(ids[4])
        go_to_activity(session, "acties")
        board.save_action(text=ACTIONS[0], level="het team en de organisatie", owner="zorgcoördinator",
                          planning="voor de kerst", status="bezig", point_id=ids[1])
        board.save_action(text=ACTIONS[1], level="de professional", owner="-mentoren", planning="Q1",
                          status="nog niet gestart")
    return built
