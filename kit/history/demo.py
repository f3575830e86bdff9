"""A clearly labelled synthetic history, so a new user sees meaningful trends at once (`teamleergesprek demo`).

Three teams, four sessions each over two school years (2024-2025 and 2025-2026), written through the same store
and model calls as a live session, with every value checked against the standard template. Every team name ends
in " (voorbeeld)"; no text names a person.

The trends are built in, not left to chance: the participants' answers are apportioned from per-session
distributions (largest remainder), so every seed gives

- "Havo/vwo onderbouw (voorbeeld)": skill and satisfaction clearly improving session after session;
- "Vmbo bovenbouw (voorbeeld)": flat, and a point on the sticker board that keeps coming back;
- "Praktijkonderwijs (voorbeeld)": a small team, with one session of 4 participants (too few to break down).

The seed (`random.Random(seed)`) decides who answered what, the texts, dates, groups and sticker votes; the same
seed gives the same database content, apart from the session codes and the clock times the store adds itself.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from kit.history.importing import one_transaction
from kit.model.answers import normalise_answer
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.model.template import ROUTE_CATEGORIES, Template
from kit.model.worksheet import ROUTE_MAP_AUTHOR, ROUTE_TO_BOARD
from kit.model.text import checked_text
from kit.store import SessionRecord, Store
from kit.model.sessions import new_session

DEFAULT_SEED = 2026
DEMO_SUFFIX = " (voorbeeld)"
TEMPLATE_NAME = "teamleergesprek"
CLOSED = "closed"

# The order of ordered options in the template is best first; these are the weights per option.
PROFILES = {
    # question key: (weights at the start of a team's development, weights when it is well on its way)
    "vaardigheid": ((0.04, 0.22, 0.46, 0.28), (0.26, 0.50, 0.20, 0.04)),
    "tevredenheid_school": ((0.08, 0.20, 0.32, 0.26, 0.11, 0.03), (0.00, 0.03, 0.10, 0.30, 0.40, 0.17)),
    "tevredenheid_samenwerking": ((0.08, 0.52, 0.40), (0.30, 0.60, 0.10)),
}
# Werkvorm 4's emergency roles and the check-out's "Hoe zit je er op dit moment bij?" are open questions, as in the
# handbook (issue 11.2); their old poll keys (rol_noodsituatie, checkout_gevoel) are no longer made up here.
# Share of participants that answers a closed question (phones run out of battery, people arrive late).
CLOSED_RESPONSE = 0.96
OPEN_RESPONSE = {
    "versterken": 0.6, "bieden": 0.45, "samenwerking_goed": 0.45, "samenwerking_beter": 0.5,
    "checkout_meenemen": 0.55, "checkout_voornemen": 0.35, "rol_noodsituatie_gesprek": 0.4, "checkout_bij": 0.5,
}
SHARE_INTENTION = 0.3  # of the private intentions, the share their authors shared with the room

OPEN_TEXTS = {
    "versterken": (
        "Meer scholing over het herkennen van signalen",
        "Duidelijke afspraken over wie wat doet bij zorgen",
        "Tijd om signalen met collega's te bespreken",
        "Terugkoppeling na een melding",
        "Oefenen met moeilijke gesprekken met ouders",
        "De meldcode vaker bespreken in het team",
        "Eén vast aanspreekpunt in de school",
        "Meer aandacht voor nazorg",
        "Korte lijnen met het zorgteam",
        "Een overzicht van de stappen van de meldcode in de mentormap",
    ),
    "bieden": (
        "Ervaring met gesprekken met ouders",
        "Een luisterend oor voor collega's",
        "Ik ken het wijkteam goed",
        "Meedenken bij casusbesprekingen",
        "Kennis van signalen uit mijn vorige school",
        "Sparren over twijfelgevallen",
        "Ervaring als mentor in de onderbouw",
    ),
    "samenwerking_goed": (
        "De jeugdarts is goed bereikbaar",
        "Snelle reactie van Veilig Thuis bij een adviesvraag",
        "Het wijkteam denkt mee",
        "Vaste overlegmomenten in het ondersteuningsteam",
        "Korte lijnen met de leerplichtambtenaar",
        "Goede afspraken over wie de regie heeft",
    ),
    "samenwerking_beter": (
        "Terugkoppeling van Veilig Thuis na een melding",
        "Wachttijden bij de jeugdhulp",
        "Wie belt wie bij een acute situatie",
        "Wisselende contactpersonen bij het wijkteam",
        "Meer uitleg over wat partners mogen delen",
        "Bereikbaarheid buiten kantoortijden",
    ),
    "rol_noodsituatie_gesprek": (
        "Niet voor iedereen: wie belt Veilig Thuis als de mentor er niet is?",
        "Voor het ondersteuningsteam wel, voor nieuwe docenten niet",
        "We weten niet wie na schooltijd bereikbaar is",
        "De aandachtsfunctionaris is bekend, haar vervanger niet",
        "Graag een kaart met wie wat doet in een noodsituatie",
    ),
    "checkout_bij": (
        "Moe maar tevreden",
        "Het raakte me meer dan ik dacht",
        "Goed, het was een fijn gesprek",
        "Wat stil, ik moet het even laten bezinken",
        "Energiek, ik wil aan de slag",
        "Opgelucht dat we het er samen over hadden",
    ),
    "checkout_meenemen": (
        "Dat ik het niet alleen hoef te doen",
        "De stappen van de meldcode",
        "Bij twijfel altijd overleggen",
        "Goed om de ervaringen van collega's te horen",
        "Nazorg voor mezelf is ook belangrijk",
        "Wie ik kan bellen als ik me zorgen maak",
        "Meer vertrouwen in het gesprek met ouders",
        "Het belang van goed vastleggen",
    ),
    "checkout_voornemen": (
        "Signalen eerder delen met de aandachtsfunctionaris",
        "De meldcode nog eens doorlezen",
        "Vaker vragen hoe het met een leerling gaat",
        "Na een melding zelf om terugkoppeling vragen",
        "Een oudergesprek samen voorbereiden",
    ),
}

# Worksheet answers per case (the four cases of the standard template), so what a group wrote fits the case it
# chose: signals of a mother under the influence are not written about a pupil with a thin coat.
WORKSHEET_TEXTS = {
    "casus1": {  # ill, and the mother comes to fetch the pupil under the influence
        ("stap1", 0): ("Hoe de moeder praatte en liep bij het ophalen", "Of de moeder de leerling veilig naar huis kon brengen",
                       "Hoe de leerling reageerde toen de moeder binnenkwam"),
        ("stap1", 1): ("Moeder rook naar alcohol en praatte met dubbele tong", "Moeder liep onvast en wilde toch met de auto",
                       "De leerling schaamde zich en keek weg"),
        ("stap1", 2): ("Zelf gezien bij de balie toen ze de leerling kwam halen", "De conciërge haalde mij erbij",
                       "De leerling vertelde later dat het vaker gebeurt"),
        ("stap2", 0): ("Meteen: de leerling mag zo niet mee naar huis", "Direct, er is acuut gevaar op de weg"),
        ("stap2", 1): ("Met de aandachtsfunctionaris en de teamleider", "Met de ondersteuningscoördinator"),
        ("stap2", 2): ("De aandachtsfunctionaris, nog dezelfde dag", "De ondersteuningscoördinator, na overleg",
                       "Niet duidelijk bij ons, dat moet beter"),
        ("stap2", 3): ("De aandachtsfunctionaris", "De ondersteuningscoördinator"),
        ("stap3", 0): ("Nee, niet met een moeder die onder invloed is", "Deels: het gesprek later, als ze nuchter is"),
        ("stap3", 1): ("Samen met de aandachtsfunctionaris, een dag later", "Samen met de jeugdarts"),
        ("stap4_5", 0): ("Een andere volwassene haalt de leerling op; Veilig Thuis geeft advies",
                         "Terugkoppeling naar de mentor ontbreekt vaak"),
        ("stap4_5", 1): ("Nazorg voor de leerling die zich schaamde, en voor de docent die het zag",
                         "Voor de leerling wel, voor de docent te weinig"),
    },
    "casus2": {  # afraid to go home because of an uncle; a boyfriend the family does not accept
        ("stap1", 0): ("Hoe bang ze was en wat ze precies zei", "Of ze vandaag veilig naar huis kan"),
        ("stap1", 1): ("Ze durft niet naar huis en zegt dat haar oom haar pijn wil doen", "Ze zag haar oom bij school lopen",
                       "Ze trilde en huilde"),
        ("stap1", 2): ("Ze kwam zelf mijn kamer binnen en vertelde het", "Ze vertelde het na de les aan haar mentor"),
        ("stap2", 0): ("Direct: ze durft nu niet naar huis", "Meteen, het kan om eergerelateerd geweld gaan"),
        ("stap2", 1): ("Met de aandachtsfunctionaris en de schoolleiding", "Met de ondersteuningscoördinator"),
        ("stap2", 2): ("De aandachtsfunctionaris belt Veilig Thuis meteen", "De ondersteuningscoördinator, vandaag nog"),
        ("stap2", 3): ("Veilig Thuis: bij eergerelateerd geweld heeft Veilig Thuis de regie",
                       "De aandachtsfunctionaris, tot Veilig Thuis het overneemt"),
        ("stap3", 0): ("Nee: praten met de familie kan het gevaar vergroten, eerst Veilig Thuis",
                       "Niet zonder advies van Veilig Thuis"),
        ("stap3", 1): ("Eerst met de leerling, samen met de aandachtsfunctionaris", "Samen, en pas na overleg met Veilig Thuis"),
        ("stap4_5", 0): ("Veilig Thuis neemt het over; de school hoort weinig terug", "Afspraken over waar de leerling veilig is"),
        ("stap4_5", 1): ("Voor de leerling een vaste vertrouwenspersoon op school", "Voor de docent die het gesprek had te weinig"),
    },
    "casus3": {  # looks after a little brother and sister; the mother is depressed, the father out of the picture
        ("stap1", 0): ("Dat hij moe is en vaak te laat komt", "Wat hij vertelt over thuis"),
        ("stap1", 1): ("Wallen onder zijn ogen, valt in slaap in de les", "Moet op tijd weg om zijn broertje en zusje te halen",
                       "Huiswerk komt niet af"),
        ("stap1", 2): ("Hij vertelde het zelf in een mentorgesprek", "Een collega zag hem 's ochtends met zijn broertje en zusje"),
        ("stap2", 0): ("Deze week nog, het speelt al langer", "Als hij opnieuw zo moe is"),
        ("stap2", 1): ("Met de ondersteuningscoördinator en de jeugdarts", "Met de aandachtsfunctionaris"),
        ("stap2", 2): ("De aandachtsfunctionaris vraagt eerst advies", "Eerst het wijkteam; Veilig Thuis als hulp niet lukt"),
        ("stap2", 3): ("De ondersteuningscoördinator, samen met het wijkteam", "De mentor, met steun van de aandachtsfunctionaris"),
        ("stap3", 0): ("Ja, het gesprek met moeder kan open en zonder verwijt", "Deels, een depressieve ouder aanspreken is lastig"),
        ("stap3", 1): ("Samen met de jeugdarts of iemand van het wijkteam", "De mentor met de ondersteuningscoördinator"),
        ("stap4_5", 0): ("Hulp van het wijkteam voor moeder; de mentor houdt contact",
                         "Geen melding nodig als hulp op gang komt, wel blijven volgen"),
        ("stap4_5", 1): ("Ruimte voor de leerling in het rooster en met huiswerk", "Wie vraagt na zes weken hoe het gaat?"),
    },
    "casus4": {  # little or no food, clothes too small, a thin coat
        ("stap1", 0): ("Lunch, kleding en hygiëne, over een langere tijd", "Of het elke dag zo is of alleen soms"),
        ("stap1", 1): ("Weinig of geen eten mee", "Kleren te klein en een dunne jas in de winter", "Ruikt niet altijd fris"),
        ("stap1", 2): ("Zelf gezien in de mentorgroep, al weken", "Klasgenoten maakten er opmerkingen over"),
        ("stap2", 0): ("Nu: het valt al een tijd op", "Na een paar weken gericht kijken en noteren"),
        ("stap2", 1): ("Met de aandachtsfunctionaris", "Met collega's: zien zij het ook?"),
        ("stap2", 2): ("De aandachtsfunctionaris, voor advies", "Nog niet nodig, eerst het gesprek met ouders"),
        ("stap2", 3): ("De mentor, met de ondersteuningscoördinator erbij", "De ondersteuningscoördinator"),
        ("stap3", 0): ("Ja, we beginnen bij hoe het met hun dochter gaat", "Deels: het mag niet als verwijt klinken"),
        ("stap3", 1): ("De mentor samen met de jeugdarts", "Samen met de ondersteuningscoördinator"),
        ("stap4_5", 0): ("Ouders staan open voor hulp van het wijkteam", "De jeugdarts nodigt de leerling uit"),
        ("stap4_5", 1): ("Zorgen dat klasgenoten haar niet pesten", "Na een maand samen kijken of het beter gaat"),
    },
}
WORKSHEET_SKIP = 0.12  # share of worksheet questions a group leaves empty

ROUTE_TEXTS = {
    "positief": ("Korte lijnen met de aandachtsfunctionaris", "Signalen worden snel gedeeld",
                 "Leerlingen weten bij wie ze terechtkunnen", "Goed contact met de jeugdarts", "De meldcode is bekend in het team"),
    "aandacht": ("Terugkoppeling naar de docent", "Wie belt Veilig Thuis?", "Nazorg voor de docent",
                 "Verslaglegging in het dossier", "Oudergesprek samen voorbereiden"),
    "sleutelfiguren": ("Mentor", "Aandachtsfunctionaris", "Ondersteuningscoördinator", "Veilig Thuis", "Jeugdarts", "Wijkteam", "Teamleider"),
}

PROFESSIONAL, TEAM, PARTNERS = 0, 1, 2  # index into the template's action levels


@dataclass(frozen=True)
class Theme:
    """A post-it that may become an action: the point, the action written for it, its level and owner (a role)."""

    point: str
    action: str
    level: int
    owner: str


THEMES = (
    Theme("Nazorg voor de docent na een melding", "Na elke melding een nagesprek met de betrokken docent", TEAM, "aandachtsfunctionaris"),
    Theme("Vast moment in de teamvergadering voor zorgsignalen", "Zorgsignalen als vast agendapunt in elke teamvergadering", TEAM, "teamleider"),
    Theme("Terugkoppeling van het zorgteam na een melding", "De mentor krijgt binnen twee weken terugkoppeling van het zorgteam", TEAM, "ondersteuningscoördinator"),
    Theme("Oefenen met oudergesprekken", "Training gespreksvoering met ouders voor alle mentoren", PROFESSIONAL, "ondersteuningscoördinator"),
    Theme("Meldcode zichtbaar en kort op papier", "Eén A4 met de vijf stappen van de meldcode in de mentormap", TEAM, "aandachtsfunctionaris"),
    Theme("Vaste contactpersoon bij Veilig Thuis", "Een vaste contactpersoon bij Veilig Thuis afspreken en bekendmaken", PARTNERS, "ondersteuningscoördinator"),
    Theme("Jeugdarts vaker op school", "Elke maand een spreekuur van de jeugdarts op school", PARTNERS, "ondersteuningscoördinator"),
    Theme("Nieuwe collega's wegwijs maken in de zorgstructuur", "Inwerkmap voor nieuwe collega's met de route bij zorgen", TEAM, "teamleider"),
    Theme("Signalen herkennen bij oudere leerlingen", "Intervisie over signalen in de bovenbouw", PROFESSIONAL, "mentoren"),
    Theme("Wie neemt de regie bij een acute situatie?", "Stroomschema voor acute situaties met de rol per stap", TEAM, "schoolleiding"),
    Theme("Wijkteam beter bereikbaar", "Afspraak met het wijkteam over bereikbaarheid en terugbellen", PARTNERS, "ondersteuningscoördinator"),
    Theme("Tijd voor een gesprek met een leerling", "Ruimte in het rooster voor een leerlinggesprek zonder lesuitval", TEAM, "schoolleiding"),
    Theme("Weten wat je mag delen", "Korte uitleg over wat je met wie mag delen bij zorgen", PROFESSIONAL, "aandachtsfunctionaris"),
    Theme("Casusbespreking elke periode", "Elke periode een anonieme casusbespreking met het hele team", PROFESSIONAL, "ondersteuningscoördinator"),
    Theme("Nazorg in de klas na een melding", "Handvatten voor mentoren voor nazorg in de klas", PROFESSIONAL, "mentoren"),
)
THEME = {t.point: t for t in THEMES}
# Post-its the facilitator keeps off the board, and a duplicate that is merged into the point it repeats.
OFF_TOPIC = ("De koffieautomaat op de tweede verdieping", "Minder vergaderen in het algemeen")
DUPLICATES = {"Nazorg voor de docent na een melding": "Meer nazorg voor collega's na een melding",
              "Oefenen met oudergesprekken": "Training in gesprekken met ouders"}

# Dates: the windows of the four sessions (autumn and spring of two school years); each team gets its own day.
WINDOWS = (
    (date(2024, 9, 23), date(2024, 11, 29)),
    (date(2025, 3, 3), date(2025, 6, 13)),
    (date(2025, 9, 22), date(2025, 11, 28)),
    (date(2026, 3, 2), date(2026, 6, 12)),
)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
RELATIVE_PLANNING = ("voor de volgende vakantie", "binnen zes weken", "voor de volgende teamvergadering", "dit schooljaar")

# Status of an action by how many sessions of its team came after it: older actions are more often done.
STATUS_BY_AGE = {  # weights for (nog niet gestart, bezig, klaar)
    3: (0.05, 0.15, 0.80),
    2: (0.10, 0.30, 0.60),
    1: (0.20, 0.50, 0.30),
    0: (0.65, 0.35, 0.00),  # the latest session's actions are new: none can be done yet
}


@dataclass(frozen=True)
class TeamPlan:
    name: str
    sizes: tuple[int, int, int, int]  # participants per session
    progress: tuple[float, float, float, float]  # 0 = start profile, 1 = well on its way
    recurring: dict  # point text -> indices of the sessions where it comes back
    jitter: int = 2  # participants more or fewer than planned
    done_factor: float = 1.0  # how often this team finishes its actions, relative to STATUS_BY_AGE


TEAMS = (
    TeamPlan(
        "Havo/vwo onderbouw (voorbeeld)", (18, 21, 19, 23), (0.0, 0.35, 0.7, 1.0),
        {"Terugkoppeling van het zorgteam na een melding": (0, 1), "Oefenen met oudergesprekken": (0, 1, 2)},
    ),
    TeamPlan(
        "Vmbo bovenbouw (voorbeeld)", (27, 24, 29, 26), (0.4, 0.4, 0.4, 0.4),
        {"Vast moment in de teamvergadering voor zorgsignalen": (0, 1, 2, 3), "Wijkteam beter bereikbaar": (1, 2, 3)},
        done_factor=0.5,
    ),
    TeamPlan(
        "Praktijkonderwijs (voorbeeld)", (9, 4, 8, 7), (0.25, 0.15, 0.45, 0.55),
        {"Wie neemt de regie bij een acute situatie?": (0, 2, 3)},
        jitter=0,
    ),
)
TEAM_NAMES = tuple(team.name for team in TEAMS)


class DemoExists(Exception):
    """The history is already in this database; the message is in the command's language."""


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    sessions: tuple[SessionRecord, ...]
    answers: int
    actions: int

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.team for s in self.sessions))


def apportion(n: int, weights) -> list[int]:
    """n people over the options in proportion to the weights, whole numbers summing to n (largest remainder)."""
    total = sum(weights)
    exact = [n * w / total for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in by_remainder[: n - sum(counts)]:
        counts[i] += 1
    return counts


def _weights(key: str, progress: float) -> list[float]:
    low, high = PROFILES[key]
    return [(1 - progress) * a + progress * b for a, b in zip(low, high)]


def _hex(rng: random.Random, nbytes: int) -> str:
    return f"{rng.getrandbits(8 * nbytes):0{2 * nbytes}x}"


def _session_date(rng: random.Random, window: tuple[date, date]) -> date:
    start, end = window
    day = start + timedelta(days=rng.randrange((end - start).days + 1))
    while day.weekday() > 3:  # a teamleergesprek is held Monday to Thursday, after lessons
        day -= timedelta(days=1)
    return day


def _planning(rng: random.Random, held: date) -> str:
    if rng.random() < 0.4:
        return rng.choice(RELATIVE_PLANNING)
    month = held.month - 1 + rng.randint(1, 4)
    return f"eind {MONTHS[month % 12]} {held.year + month // 12}"


class _Writer:
    """Writes one synthetic session through the store, checking every value as the live kit would."""

    def __init__(self, store: Store, template: Template, rng: random.Random):
        self.store = store
        self.template = template
        self.rng = rng
        self.points_block = next(b for b in template.blocks if b.points is not None)
        self.meldcode_block = next(b for b in template.blocks if b.meldcode is not None)
        self.answers = 0
        self.actions = 0

    def session(self, team: TeamPlan, index: int, held: date) -> SessionRecord:
        rng = self.rng
        record = new_session(self.store, self.template, team.name, held.isoformat())
        code = record.code
        size = team.sizes[index] + (rng.randint(-team.jitter, team.jitter) if team.jitter else 0)
        participants = [_hex(rng, 8) for _ in range(size)]
        progress = min(1.0, max(0.0, team.progress[index] + rng.uniform(-0.04, 0.04)))
        for question in self.template.questions():
            if question.kind.free_text:
                self._open_answers(code, question, participants)
            else:
                self._closed_answers(code, question, participants, progress)
        route_points = self._worksheet(code, size)
        ranked, ids = self._board(code, team, index, participants, route_points)
        self._actions(LiveSession(self.store, record), team, index, held, ranked, ids)
        last = self.template.blocks[-1]
        self.store.sessions.update_live_state(code, block_key=last.key, question_key=None)
        self.store.sessions.set_session_status(code, CLOSED)
        return self.store.sessions.get_session(code)

    # -- Startoefening, Werkvorm 4, Afsluiting -------------------------------------------------------------------
    def _closed_answers(self, code, question, participants, progress) -> None:
        answering = [p for p in participants if self.rng.random() < CLOSED_RESPONSE]
        values = []
        for option, count in zip(question.answer_options, apportion(len(answering), _weights(question.key, progress))):
            values += [option] * count
        self.rng.shuffle(values)
        for participant, value in zip(answering, values):
            self._save(code, participant, question, value)

    def _open_answers(self, code, question, participants) -> None:
        texts = OPEN_TEXTS[question.key]
        answering = [p for p in participants if self.rng.random() < OPEN_RESPONSE[question.key]]
        for participant in answering:
            self._save(code, participant, question, self.rng.choice(texts))
        if question.private:
            for participant in answering:
                if self.rng.random() < SHARE_INTENTION:
                    self.store.sessions.set_shared(code, participant, question.key, True)
                    self.store.sessions.set_shown(code, question.key, participant, True)
        elif answering:
            # The facilitator let most answers through to the room, and kept one off the screen now and then.
            self.store.sessions.set_shown(code, question.key, None, True)
            if self.rng.random() < 0.4:
                self.store.sessions.set_shown(code, question.key, self.rng.choice(answering), False)

    def _save(self, code, participant, question, value) -> None:
        self.store.sessions.save_answer(code, participant, question.key, normalise_answer(question, value))
        self.answers += 1

    # -- Werkvorm 3 -----------------------------------------------------------------------------------------------
    def _worksheet(self, code, size) -> dict[str, str]:
        """The groups' worksheets and the route map; returns the route map's starting post-its (text -> id)."""
        rng = self.rng
        meldcode = self.meldcode_block.meldcode
        for number in range(1, max(1, round(size / 4)) + 1):
            group = _hex(rng, 6)
            self.store.worksheets.register_group(code, group, f"Groep {number}")
            case = rng.choice(meldcode.cases).key
            self.store.worksheets.choose_case(code, group, case)
            for step in meldcode.steps:
                for q_index in range(len(step.questions)):
                    if rng.random() < WORKSHEET_SKIP:
                        continue
                    text = checked_text(rng.choice(WORKSHEET_TEXTS[case][(step.key, q_index)]), meldcode.max_length)
                    self.store.worksheets.save_worksheet_answer(code, group, step.key, q_index, text)
        # One point per step that needs attention, each a different one: they come back in Werkvorm 5 as starting
        # post-its (as Worksheet.add_route_item does live), where they get stickers like any post-it.
        attention = rng.sample(ROUTE_TEXTS[ROUTE_TO_BOARD], len(meldcode.steps))
        route_points = {}
        for step, needs_attention in zip(meldcode.steps, attention):
            for category in ROUTE_CATEGORIES:
                texts = [needs_attention] if category == ROUTE_TO_BOARD else rng.sample(ROUTE_TEXTS[category],
                                                                                        rng.choice((1, 1, 2)))
                for text in texts:
                    item_id = _hex(rng, 6)
                    self.store.worksheets.add_route_item(code, item_id, step.key, category, text)
                    if category == ROUTE_TO_BOARD:
                        route_points[text] = _hex(rng, 6)
                        self.store.board.add_point(code, route_points[text], ROUTE_MAP_AUTHOR, None,
                                                   checked_text(text, self.points_block.points.max_length),
                                                   route_item=item_id)
        return route_points

    # -- Werkvorm 5: post-its and stickers ------------------------------------------------------------------------
    def _board(self, code, team: TeamPlan, index: int, participants,
               route_points: dict[str, str]) -> tuple[list[str], dict[str, str]]:
        """Post the points, tidy up, let everyone vote (on the route map's starting post-its too); return the
        visible point texts the room posted (most stickers first) and their ids."""
        rng = self.rng
        config = self.points_block.points
        prompts = len(self.points_block.prompts)
        recurring = [text for text, sessions in team.recurring.items() if index in sessions]
        others = [t.point for t in THEMES if t.point not in team.recurring]
        texts = recurring + rng.sample(others, rng.randint(3, 6))
        rng.shuffle(texts)
        ids = {}
        for text in texts:
            ids[text] = _hex(rng, 6)
            self.store.board.add_point(code, ids[text], rng.choice(participants), rng.randrange(prompts),
                                 checked_text(text, config.max_length))
        for text in rng.sample(OFF_TOPIC, rng.randint(0, 1)):
            point_id = _hex(rng, 6)
            self.store.board.add_point(code, point_id, rng.choice(participants), rng.randrange(prompts),
                                 checked_text(text, config.max_length))
            self.store.board.set_point_status(code, point_id, "hidden")
        for text in texts:
            if text in DUPLICATES and rng.random() < 0.7:
                point_id = _hex(rng, 6)
                self.store.board.add_point(code, point_id, rng.choice(participants), rng.randrange(prompts),
                                     checked_text(DUPLICATES[text], config.max_length))
                self.store.board.merge_point(code, point_id, ids[text])
        # Points the team keeps coming back to draw the most stickers.
        weights = {text: (5 if text in recurring else 1) for text in texts} | {text: 1 for text in route_points}
        board_ids = ids | route_points
        for participant in participants:
            if rng.random() < 0.1:
                continue  # did not vote
            mine: dict[str, int] = {}
            for _ in range(config.stickers):
                choices = [t for t in weights if mine.get(t, 0) < config.max_per_point]
                text = rng.choices(choices, [weights[t] for t in choices])[0]
                mine[text] = self.store.board.change_stickers(code, participant, board_ids[text], +1, config.stickers,
                                                              config.max_per_point)
        counts = self.store.board.sticker_counts(code)
        position = {text: i for i, text in enumerate(texts)}
        return sorted(texts, key=lambda t: (-counts.get(ids[t], 0), position[t])), ids

    # -- Werkvorm 5: the action plan ------------------------------------------------------------------------------
    def _actions(self, session: LiveSession, team: TeamPlan, index: int, held: date, ranked, ids) -> None:
        rng = self.rng
        board = PointsBoard(session, self.points_block)  # checks text, level and status as the facilitator's editor
        config = board.config
        not_started, busy, done = config.statuses
        age = len(team.sizes) - 1 - index
        # The points the team keeps coming back to, and the most voted of the rest.
        recurring = [t for t in ranked if index in team.recurring.get(t, ())]
        chosen = recurring + [t for t in ranked if t not in recurring][: rng.randint(1 if recurring else 2, 2)]
        for text in chosen:
            theme = THEME[text]
            sessions = team.recurring.get(text, ())
            if index in sessions and any(s > index for s in sessions):
                status = busy  # carried to the next session: started, not done
            elif index in sessions and age > 0:
                status = done  # its last time on the board: done since
            else:
                w_not, w_busy, w_done = STATUS_BY_AGE[age]
                status = rng.choices((not_started, busy, done), (w_not, w_busy, w_done * team.done_factor))[0]
            board.save_action(
                text=theme.action, level=config.levels[theme.level], owner=theme.owner,
                planning=_planning(rng, held), status=status, point_id=ids[text], action_id=_hex(rng, 6),
            )
            self.actions += 1


def demo_sessions(store: Store) -> list[SessionRecord]:
    return [s for s in store.sessions.list_sessions() if s.team in TEAM_NAMES]


def load_demo(store: Store, seed: int = DEFAULT_SEED) -> DemoSummary:
    """Write the synthetic history into `store`. Refuses (DemoExists) when a demo team already has sessions."""
    from kit.authoring import load_template

    existing = demo_sessions(store)
    if existing:
        from kit.i18n import t

        raise DemoExists(t("cli.demo_exists", team=existing[0].team, n=len(existing)))
    rng = random.Random(seed)
    writer = _Writer(store, load_template(TEMPLATE_NAME), rng)
    plans = []
    for team in TEAMS:
        for index, window in enumerate(WINDOWS):
            plans.append((_session_date(rng, window), TEAMS.index(team), index))
    sessions = []
    # All or nothing, and one commit instead of thousands (each one waits for the disk).
    with one_transaction(store):
        for held, team_index, index in sorted(plans):  # in date order, as they would have been held
            sessions.append(writer.session(TEAMS[team_index], index, held))
    return DemoSummary(seed, tuple(sessions), writer.answers, writer.actions)
