"""Every string a participant or facilitator sees. Dutch first; English as the second catalog.

`t("key", name=value)` formats the string of the language in TEAMLEERGESPREK_LANG (default nl).
"""

from __future__ import annotations

import os

LANG_ENV = "TEAMLEERGESPREK_LANG"

NL = {
    # participant
    "participant.title": "Teamleergesprek",
    "participant.ask_code": "Vul de code in die op het scherm staat.",
    "participant.code_placeholder": "bijv. K7M2QX",
    "participant.join": "Meedoen",
    "participant.unknown_code": "De code '{code}' is onbekend. Kijk nog eens naar het scherm en probeer het opnieuw.",
    "participant.closed_code": "De sessie met code '{code}' is afgesloten. Vraag de begeleider om de juiste code.",
    "participant.waiting": "Even wachten…",
    "participant.waiting_hint": "De volgende vraag verschijnt hier vanzelf.",
    "participant.now": "Nu: {block}",
    "participant.saved": "Opgeslagen ✓",
    "participant.saved_hint": "Je kunt je antwoord nog veranderen zolang de vraag open staat.",
    "participant.send": "Verstuur",
    "participant.chars": "{n} / {max} tekens",
    "participant.no_names": "Noem geen namen van leerlingen of collega's.",
    "participant.saving_failed": "Je antwoord is niet opgeslagen. Probeer het nog eens.",
    "participant.unsent": "Gewijzigd, nog niet verstuurd.",
    "participant.open_placeholder": "Typ hier je antwoord",
    "participant.question_of": "Vraag {n} van {total}",
    "participant.prompt_of": "denkvraag {n} van {total}",
    "participant.prompt_hint": "Je hoeft niets in te vullen. Denk na of bespreek het, zoals de begeleider vraagt.",
    # validation
    "answer.closed": "Deze vraag is gesloten; je antwoord is niet opgeslagen.",
    "answer.unknown_option": "Dit antwoord hoort niet bij de vraag; kies een van de knoppen.",
    "answer.empty": "Je antwoord is leeg. Typ eerst iets.",
    "answer.too_long": "Je antwoord is {n} tekens; er passen er {max}. Maak het korter.",
    "answer.not_text": "Dit antwoord kan niet worden opgeslagen.",
    "answer.bad_character": "Je antwoord bevat een teken dat niet kan worden opgeslagen.",
    "answer.wrong_session": "Dit antwoord hoort bij een andere sessie.",
    "answer.session_closed": "Deze sessie is afgesloten.",
    # facilitator
    "facilitator.title": "Teamleergesprek · begeleider",
    "facilitator.previous": "◀ Vorige",
    "facilitator.next": "Volgende ▶",
    "facilitator.timer_start": "▶ Start tijd",
    "facilitator.timer_pause": "❚❚ Pauze",
    "facilitator.timer_reset": "↺ Opnieuw",
    "facilitator.overtime": "+{time} over tijd",
    "facilitator.minutes": "{n} min",
    "facilitator.join_at": "Doe mee op je telefoon: scan de QR-code of ga naar",
    "facilitator.code": "Code",
    "facilitator.show_join": "Toon QR groot",
    "facilitator.hide_join": "QR klein",
    "facilitator.show_results": "Toon resultaten",
    "facilitator.hide_results": "Verberg resultaten",
    "facilitator.results_hidden": "Resultaten zijn verborgen tot je op 'Toon resultaten' klikt.",
    "facilitator.too_few": "Nog te weinig antwoorden om een verdeling te tonen (vanaf {min}).",
    "facilitator.no_question": "Bij dit onderdeel staan geen vragen open.",
    "facilitator.answer_count_one": "1 antwoord",
    "facilitator.answer_count_many": "{n} antwoorden",
    "facilitator.mean": "gemiddeld {mean}",
    "facilitator.moderation": "Open antwoorden (alleen jij ziet deze lijst; de zaal ziet wat je toont)",
    "facilitator.show_answer": "Toon",
    "facilitator.hide_answer": "Verberg",
    "facilitator.show_all": "Toon alle",
    "facilitator.hide_all": "Verberg alle",
    "facilitator.shown_to_room": "Op het scherm ({n})",
    "facilitator.none_shown": "Nog geen antwoorden op het scherm.",
    "facilitator.words": "Meest gebruikte woorden",
    "facilitator.agenda": "Agenda",
    "facilitator.prompt_of": "Vraag {n} van {total}",
    "facilitator.guidance": "Voor de begeleider",
    "facilitator.unknown_session": "Sessie '{code}' bestaat niet in deze database. Start met: teamleergesprek serve --session CODE",
}

EN = {
    "participant.title": "Team learning conversation",
    "participant.ask_code": "Enter the code shown on the screen.",
    "participant.code_placeholder": "e.g. K7M2QX",
    "participant.join": "Join",
    "participant.unknown_code": "The code '{code}' is unknown. Check the screen and try again.",
    "participant.closed_code": "The session with code '{code}' has been closed. Ask the facilitator for the right code.",
    "participant.waiting": "Please wait…",
    "participant.waiting_hint": "The next question will appear here by itself.",
    "participant.now": "Now: {block}",
    "participant.saved": "Saved ✓",
    "participant.saved_hint": "You can change your answer while the question is open.",
    "participant.send": "Send",
    "participant.chars": "{n} / {max} characters",
    "participant.no_names": "Do not mention names of pupils or colleagues.",
    "participant.saving_failed": "Your answer was not saved. Please try again.",
    "participant.unsent": "Changed, not sent yet.",
    "participant.open_placeholder": "Type your answer here",
    "participant.question_of": "Question {n} of {total}",
    "participant.prompt_of": "reflection question {n} of {total}",
    "participant.prompt_hint": "Nothing to fill in. Think about it or discuss it, as the facilitator asks.",
    "answer.closed": "This question is closed; your answer was not saved.",
    "answer.unknown_option": "This answer does not belong to the question; pick one of the buttons.",
    "answer.empty": "Your answer is empty. Type something first.",
    "answer.too_long": "Your answer has {n} characters; {max} fit. Please shorten it.",
    "answer.not_text": "This answer cannot be saved.",
    "answer.bad_character": "Your answer contains a character that cannot be saved.",
    "answer.wrong_session": "This answer belongs to another session.",
    "answer.session_closed": "This session has been closed.",
    "facilitator.title": "Team learning conversation · facilitator",
    "facilitator.previous": "◀ Previous",
    "facilitator.next": "Next ▶",
    "facilitator.timer_start": "▶ Start time",
    "facilitator.timer_pause": "❚❚ Pause",
    "facilitator.timer_reset": "↺ Reset",
    "facilitator.overtime": "+{time} over time",
    "facilitator.minutes": "{n} min",
    "facilitator.join_at": "Join on your phone: scan the QR code or go to",
    "facilitator.code": "Code",
    "facilitator.show_join": "Large QR",
    "facilitator.hide_join": "Small QR",
    "facilitator.show_results": "Show results",
    "facilitator.hide_results": "Hide results",
    "facilitator.results_hidden": "Results stay hidden until you click 'Show results'.",
    "facilitator.too_few": "Too few answers to show a distribution (from {min} on).",
    "facilitator.no_question": "No questions are open in this part.",
    "facilitator.answer_count_one": "1 answer",
    "facilitator.answer_count_many": "{n} answers",
    "facilitator.mean": "mean {mean}",
    "facilitator.moderation": "Open answers (only you see this list; the room sees what you show)",
    "facilitator.show_answer": "Show",
    "facilitator.hide_answer": "Hide",
    "facilitator.show_all": "Show all",
    "facilitator.hide_all": "Hide all",
    "facilitator.shown_to_room": "On screen ({n})",
    "facilitator.none_shown": "No answers on screen yet.",
    "facilitator.words": "Most used words",
    "facilitator.agenda": "Agenda",
    "facilitator.guidance": "For the facilitator",
    "facilitator.prompt_of": "Question {n} of {total}",
    "facilitator.unknown_session": "Session '{code}' does not exist in this database. Start with: teamleergesprek serve --session CODE",
}

CATALOGS = {"nl": NL, "en": EN}


def language() -> str:
    lang = os.environ.get(LANG_ENV, "nl")
    return lang if lang in CATALOGS else "nl"


def t(key: str, **values) -> str:
    text = CATALOGS[language()].get(key) or NL[key]
    return text.format(**values) if values else text
