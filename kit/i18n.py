"""Every string a participant or facilitator sees. Dutch first; English as the second catalog.

`t("key", name=value)` formats the string of the language in TEAMLEERGESPREK_LANG (default nl). A command sets
the language once with `set_language` (kit.cli's `--lang`): the variable then reaches everything the command
starts, the Voilà servers and each of their kernels included, so no page decides its language on its own.
Dates and numbers are written the way the language writes them (`long_date`, `number`).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date

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
    "participant.private_hint": "Dit is van jou. De zaal en de begeleider zien het alleen als je het deelt.",
    "participant.keep": "Jouw voornemen (maak een foto of schrijf het over):",
    "participant.share": "Deel met de zaal",
    "participant.shared": "Gedeeld ✓ (tik om terug te nemen)",
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
    # werkvormen
    "points.closed": "Punten opschrijven kan nu niet; de begeleider heeft dit onderdeel gesloten.",
    "points.merge_invalid": "Samenvoegen kan alleen met een ander punt dat nog zichtbaar is.",
    "stickers.closed": "Stickers plakken kan nu niet; het stemmen is gesloten.",
    "stickers.budget": "Je stickers zijn op: je had er {n}. Haal er eerst een weg om hem ergens anders te plakken.",
    "stickers.per_point": "Op één punt mag je hoogstens {n} stickers plakken.",
    "stickers.none": "Je hebt op dit punt geen sticker om terug te nemen.",
    "stickers.unknown_point": "Dit punt bestaat niet (meer); kies een ander punt.",
    "points.placeholder": "Eén punt per post-it",
    "points.post": "Plak post-it",
    "points.intro": "Schrijf op wat nodig is. Eén punt per keer; je kunt er meer plakken.",
    "points.posted": "Je post-it hangt op het bord ✓",
    "points.yours": "Jouw post-its:",
    "points.moderation": "Post-its (pas de tekst aan, verberg, of voeg samen met een ander punt)",
    "points.save": "Bewaar",
    "points.merge_into": "samenvoegen met…",
    "points.none": "Nog geen punten.",
    "points.count": "{n} post-its",
    "stickers.left": "Je hebt nog {n} sticker(s)",
    "stickers.add": "+ sticker",
    "stickers.remove": "− terug",
    "stickers.placed": "Sticker geplakt ✓",
    "stickers.taken_back": "Sticker teruggenomen ✓",
    "stickers.total": "{n} stickers geplakt",
    "actions.title": "Actieplan",
    "actions.point": "Bij punt",
    "actions.text": "Actie",
    "actions.level_label": "Niveau",
    "actions.owner": "Eigenaar",
    "actions.owner_hint": "rol, bijv. aandachtsfunctionaris (geen naam)",
    "actions.planning": "Planning",
    "actions.planning_hint": "datum of periode",
    "actions.status_label": "Status",
    "actions.save": "Bewaar actie",
    "actions.saved": "Actie bewaard ✓",
    "actions.waiting": "De begeleider maakt nu samen met jullie de actielijst.",
    "actions.previous": "Acties van de vorige sessie ({date})",
    "worksheet.one_phone": "Eén telefoon per groepje",
    "worksheet.label_hint": "Kies een nummer of een groepsnaam. Geen namen van personen.",
    "worksheet.label_placeholder": "bijv. Groep 3",
    "worksheet.register": "Meld ons groepje aan",
    "worksheet.pick_case": "Kies jullie casus",
    "worksheet.step_of": "stap {n} van {total}",
    "worksheet.save_step": "Bewaar deze stap",
    "worksheet.previous_step": "◀ Vorige stap",
    "worksheet.next_step": "Volgende stap ▶",
    "worksheet.groups": "{n} groepjes",
    "worksheet.waiting": "De routekaart wordt nu samen gemaakt. Kijk mee op het scherm.",
    "route.title": "Routekaart",
    "route.positief": "Positieve punten",
    "route.aandacht": "Punten die aandacht nodig hebben",
    "route.sleutelfiguren": "Sleutelfiguren",
    "route.placeholder": "Punt voor de routekaart",
    "route.add": "Zet op de kaart",
    "route.remove": "Haal weg",
    "actions.level": "Kies een niveau: {options}.",
    "actions.status": "Kies een status: {options}.",
    "worksheet.closed": "Het werkblad is nu gesloten.",
    "worksheet.unknown_case": "Kies een van de casussen.",
    "worksheet.unknown_question": "Deze vraag staat niet op het werkblad.",
    "reference.open": "Naslag: meldcode en tips",
    "reference.list_intro": "Kies een onderwerp. De sessie loopt gewoon door; je mist niets.",
    "reference.back_to_list": "Terug naar de lijst",
    "reference.back_to_session": "Terug naar de sessie",
    "reference.nothing_on_screen": "— niets op het scherm —",
    "reference.picker": "Naslag op het scherm:",
    "reference.source": "Bron: {source}",
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
    # the participant server's page when the cap on phones is reached (kit.voila_app)
    "full.title": "Deze sessie is vol",
    "full.text": "Deze sessie is vol: er kunnen op dit moment geen telefoons meer bij. Kijk mee op het scherm of met "
                 "een collega, of probeer het over een paar minuten opnieuw.",
    "full.again": "Opnieuw proberen",
    # dates and numbers: month and weekday names separated by spaces, Monday first
    "date.months_short": "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "date.months_long": "januari februari maart april mei juni juli augustus september oktober november december",
    "date.weekdays": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "date.short": "{day} {month} {year}",
    "date.long": "{day} {month} {year}",
    "date.weekday": "{weekday} {day} {month} {year}",
    "number.decimal_mark": ",",
    # trends: the zorgteam's page, its rapport and charts (kit.trends, kit.apps.trends, kit.rapport, kit.trend_*)
    "trends.too_few": "te weinig antwoorden",
    "trends.scale": "schaal {min}–{max}",
    "trends.open_question": "open vraag",
    "trends.not_asked": "De vraag '{key}' is in de sessie van {session} niet gesteld; vergelijken kan niet.",
    "trends.other_options": "De vraag '{question}' had op {a} andere antwoordmogelijkheden ({options_a}) dan op {b} "
                            "({options_b}). Die antwoorden zijn niet met elkaar te vergelijken.",
    "trends.no_order": "De vraag '{question}' is niet als toename of afname te vergelijken: {reason}.",
    "trends.reason_choice": "de antwoorden hebben geen volgorde",
    "trends.reason_open": "het is een open vraag",
    "trends.too_few_compare": "Te weinig antwoorden om te vergelijken: de sessie van {a} had er {n_a}, die van {b} "
                              "{n_b}. Per sessie zijn er minstens {min} nodig.",
    "trends.up_scale": "hoger",
    "trends.down_scale": "lager",
    "trends.up_ordered": "positiever",
    "trends.down_ordered": "negatiever",
    "trends.size_klein": "klein",
    "trends.size_middelgroot": "middelgroot",
    "trends.size_groot": "groot",
    "trends.same": "vrijwel gelijk gebleven (Cliff's delta {delta}, een verwaarloosbaar verschil)",
    "trends.changed": "{direction} geworden: een {size} verschil (Cliff's delta {delta})",
    "trends.first": "Van {a} naar {b} zijn de antwoorden op '{question}' {change}.",
    "trends.pairs": "Neem je uit elke sessie willekeurig één antwoord, dan is dat van {b} in {higher} van de gevallen "
                    "{up} en in {lower} {down}.",
    "trends.sure": "Met {n_a} en {n_b} antwoorden is dit vrijwel zeker geen toeval ({p}).",
    "trends.likely": "Met {n_a} en {n_b} antwoorden is dit waarschijnlijk geen toeval ({p}), maar zeker is het niet.",
    "trends.no_sign": "Met {n_a} en {n_b} antwoorden is er geen aanwijzing voor een verandering ({p}).",
    "trends.unsure": "Met {n_a} en {n_b} antwoorden is dit verschil onzeker: het kan goed toeval zijn ({p}).",
    "trends.few_people": "Bij zo weinig antwoorden kunnen een of twee mensen het beeld al veranderen.",
    "trends.mean_interval": "gemiddeld {mean} (95%-interval {low} tot {high})",
    "trends.chart_percent": "Percentage van de antwoorden per sessie",
    "trends.chart_mean": "Gemiddelde met 95%-betrouwbaarheidsinterval · {ends}",
    "trends.chart_last": "de laatste {shown} van {total} sessies",
    "trends.chart_words_none": "Nog te weinig open antwoorden om woorden te tellen.",
    "trends.chart_words_short": "Woorden die terugkomen",
    "trends.chart_words": "Woorden die terugkomen in de open antwoorden",
    "trends.chart_words_sub": "Hoeveel antwoorden het woord gebruiken, en in hoeveel van de {sessions} sessies",
    "trends.chart_words_bar": "{n} keer, in {used} van {sessions} sessies",
    "trends.compare_skill": "Vaardigheid bij signaleren en handelen",
    "trends.compare_school": "Tevredenheid over de school",
    "trends.compare_partners": "Tevredenheid over de samenwerking",
    "trends.nothing_yet": "Nog niets.",
    "trends.yes": "ja",
    "trends.no": "nee",
    "trends.team": "Team",
    "trends.from": "Van",
    "trends.to": "Tot en met",
    "trends.question": "Vraag",
    "trends.earlier": "Eerder",
    "trends.later": "Later",
    "trends.title": "Trends voor het zorgteam",
    "trends.skill": "Hoe vaardig voelt het team zich?",
    "trends.school": "Tevredenheid over de handelswijze van de school (0–5)",
    "trends.partners": "Tevredenheid over de samenwerking met partners",
    "trends.before_after": "Voor en na",
    "trends.themes": "Terugkerende thema's",
    "trends.actions": "Acties en hun opvolging",
    "trends.no_sessions": "Er zijn nog geen sessies. Laad voorbeelden met {command}.",
    "trends.sessions_of": "{n} sessies van {team}",
    "trends.threshold": "Uitkomsten van minder dan {min} antwoorden worden niet getoond: daar staat '{too_few}'.",
    "trends.top_of_board": "Bovenaan het stickerbord, per sessie",
    "trends.recurring": "Punten die vaker bovenaan kwamen",
    "trends.col_rank": "plaats",
    "trends.col_point": "punt",
    "trends.col_times": "keer",
    "trends.col_sessions": "sessies",
    "trends.col_session": "sessie",
    "trends.col_action": "actie",
    "trends.col_level": "niveau",
    "trends.col_owner": "eigenaar (rol)",
    "trends.col_planning": "planning",
    "trends.col_status": "status",
    "trends.col_carried": "meegenomen naar volgende sessie",
    "trends.col_answers": "antwoorden",
    "trends.col_outcome": "uitkomst",
    "trends.not_in_period": "Deze vraag is in deze periode niet gesteld.",
    "trends.asked_as": "Vraag gesteld als: {description}",
    "trends.asked_apart": "(andere antwoordmogelijkheden dan hierboven: apart getoond)",
    "trends.pick_two": "Kies twee verschillende sessies.",
    # the zorgteam's rapport (kit.rapport)
    "rapport.title": "Trends teamleergesprek: {team}",
    "rapport.doc_title": "Trends teamleergesprek",
    "rapport.skill": "Hoe vaardig voelt het team zich bij signaleren en handelen?",
    "rapport.school": "Tevredenheid over de handelswijze van de school (0 tot 5)",
    "rapport.partners": "Tevredenheid over de samenwerking met partners",
    "rapport.period": "{first} tot en met {last}",
    "rapport.no_sessions": "geen sessies",
    "rapport.made": "{n} sessies, {period}. Gemaakt op {today}.",
    "rapport.threshold": "Uitkomsten van minder dan {min} antwoorden worden niet uitgesplitst: daar staat "
                         "'{too_few}'. Er staan geen namen in dit rapport.",
    "rapport.apart": "(apart getoond)",
    "rapport.first_to_last": "Van de eerste naar de laatste sessie: {sentence}",
    "rapport.no_points": "geen punten",
    "rapport.recurring_point": "{text} ({n} keer: {sessions})",
    "rapport.actions_note": "De eigenaar is een rol, geen naam. 'Meegenomen': de actie staat ook in de volgende "
                            "sessie, of was daar nog niet klaar.",
    "rapport.col_carried": "meegenomen",
    # the verslag (kit.report)
    "report.title": "Verslag teamleergesprek",
    "report.footer": "Teamleergesprek {team}, {date}",
    "report.page": "pagina {page} van {pages}",
    "report.team": "Team",
    "report.date": "Datum",
    "report.code": "Sessiecode",
    "report.participants": "Deelnemers",
    "report.participants_value": "{n} beantwoordden minstens één vraag",
    "report.made_on": "Verslag gemaakt op",
    "report.about": "Over dit verslag: deelnemers deden mee zonder naam; er staat niets in dat een persoon herkenbaar "
                    "maakt. Van een vraag met minder dan {min} antwoorden staat alleen het aantal antwoorden hier, "
                    "zodat niemand in een kleine groep te herkennen is. Open antwoorden staan er alleen in als de "
                    "begeleider ze tijdens het gesprek aan de zaal heeft getoond; een persoonlijk voornemen alleen "
                    "als de schrijver het zelf heeft gedeeld.",
    "report.part": "Onderdeel",
    "report.minutes": "Minuten",
    "report.total": "Totaal",
    "report.private": "Persoonlijk voornemen: het blijft van de deelnemer. Hier staat alleen wat de schrijver zelf "
                      "deelde en de begeleider toonde.",
    "report.shown_count": "{count}; {n} getoond in de zaal.",
    "report.no_answers": "Geen antwoorden.",
    "report.words": "Meest gebruikte woorden in de getoonde antwoorden (aantal antwoorden met dat woord):",
    "report.shown": "Getoonde antwoorden:",
    "report.too_few": "{count}: te weinig antwoorden om de verdeling te tonen (dat gebeurt vanaf {min}).",
    "report.groups_cases": "Groepen en casussen",
    "report.groups_worked_one": "1 groep werkte met het werkblad.",
    "report.groups_worked": "{n} groepen werkten met het werkblad.",
    "report.group_one": "1 groep",
    "report.group_many": "{n} groepen",
    "report.no_groups": "Er hebben zich geen groepen aangemeld.",
    "report.no_route": "Er staat nog niets op de routekaart.",
    "report.route_intro": "Per stap van de meldcode: wat goed gaat, wat aandacht nodig heeft en wie een sleutelrol "
                          "heeft.",
    "report.nothing_step": "(niets genoteerd bij deze stap)",
    "report.nothing": "(niets genoteerd)",
    "report.points": "Punten, op volgorde van stickers",
    "report.no_points": "Er zijn geen punten op het bord gezet.",
    "report.set_aside_one": "1 punt is samengevoegd met een ander punt of verborgen; die staan niet in deze lijst.",
    "report.set_aside_many": "{n} punten zijn samengevoegd met een ander punt of verborgen; die staan niet in deze "
                             "lijst.",
    "report.col_number": "Nr.",
    "report.col_point": "Punt",
    "report.col_stickers": "Stickers",
    "report.col_owner": "Eigenaar (rol)",
    "report.no_actions": "Er zijn geen acties vastgelegd.",
    "report.actions_note": "De eigenaar is een rol, geen naam. 'Bij punt' verwijst naar het nummer in de lijst "
                           "hierboven.",
    "report.point_number": "nr. {n}",
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
    "participant.private_hint": "This is yours. The room and the facilitator see it only if you share it.",
    "participant.keep": "Your intention (take a photo or copy it):",
    "participant.share": "Share with the room",
    "participant.shared": "Shared ✓ (tap to take back)",
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
    "points.closed": "Posting points is not possible now; the facilitator has closed this part.",
    "points.merge_invalid": "A point can only be merged into another point that is still visible.",
    "stickers.closed": "Voting is closed.",
    "stickers.budget": "You have used all {n} stickers. Take one back to place it elsewhere.",
    "stickers.per_point": "You may put at most {n} stickers on one point.",
    "stickers.none": "You have no sticker on this point to take back.",
    "stickers.unknown_point": "This point does not exist (any more); pick another point.",
    "points.placeholder": "One point per sticky note",
    "points.post": "Post note",
    "points.intro": "Write down what is needed. One point at a time; you can post more.",
    "points.posted": "Your note is on the board ✓",
    "points.yours": "Your notes:",
    "points.moderation": "Notes (edit the wording, hide, or merge into another point)",
    "points.save": "Save",
    "points.merge_into": "merge into…",
    "points.none": "No points yet.",
    "points.count": "{n} notes",
    "stickers.left": "You have {n} sticker(s) left",
    "stickers.add": "+ sticker",
    "stickers.remove": "− take back",
    "stickers.placed": "Sticker placed ✓",
    "stickers.taken_back": "Sticker taken back ✓",
    "stickers.total": "{n} stickers placed",
    "actions.title": "Action plan",
    "actions.point": "For point",
    "actions.text": "Action",
    "actions.level_label": "Level",
    "actions.owner": "Owner",
    "actions.owner_hint": "role, e.g. safeguarding lead (no name)",
    "actions.planning": "Planning",
    "actions.planning_hint": "date or period",
    "actions.status_label": "Status",
    "actions.save": "Save action",
    "actions.saved": "Action saved ✓",
    "actions.waiting": "The facilitator is drawing up the action list with you now.",
    "actions.previous": "Actions from the previous session ({date})",
    "worksheet.one_phone": "One phone per group",
    "worksheet.label_hint": "Choose a number or a group name. No names of people.",
    "worksheet.label_placeholder": "e.g. Group 3",
    "worksheet.register": "Register our group",
    "worksheet.pick_case": "Choose your case",
    "worksheet.step_of": "step {n} of {total}",
    "worksheet.save_step": "Save this step",
    "worksheet.previous_step": "◀ Previous step",
    "worksheet.next_step": "Next step ▶",
    "worksheet.groups": "{n} groups",
    "worksheet.waiting": "The route map is being made together now. Watch the screen.",
    "route.title": "Route map",
    "route.positief": "Positive points",
    "route.aandacht": "Points that need attention",
    "route.sleutelfiguren": "Key people",
    "route.placeholder": "Point for the route map",
    "route.add": "Put on the map",
    "route.remove": "Remove",
    "actions.level": "Choose a level: {options}.",
    "actions.status": "Choose a status: {options}.",
    "worksheet.closed": "The worksheet is closed now.",
    "worksheet.unknown_case": "Choose one of the cases.",
    "worksheet.unknown_question": "This question is not on the worksheet.",
    "reference.open": "Reference: reporting code and tips",
    "reference.list_intro": "Choose a topic. The session carries on; you miss nothing.",
    "reference.back_to_list": "Back to the list",
    "reference.back_to_session": "Back to the session",
    "reference.nothing_on_screen": "— nothing on the screen —",
    "reference.picker": "Reference on screen:",
    "reference.source": "Source: {source}",
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
    "full.title": "This session is full",
    "full.text": "This session is full: no more phones can join right now. Follow on the screen or with a colleague, "
                 "or try again in a few minutes.",
    "full.again": "Try again",
    "date.months_short": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "date.months_long": "January February March April May June July August September October November December",
    "date.weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "date.short": "{day} {month} {year}",
    "date.long": "{day} {month} {year}",
    "date.weekday": "{weekday} {day} {month} {year}",
    "number.decimal_mark": ".",
    "trends.too_few": "too few answers",
    "trends.scale": "scale {min}–{max}",
    "trends.open_question": "open question",
    "trends.not_asked": "The question '{key}' was not asked in the session of {session}; no comparison is possible.",
    "trends.other_options": "The question '{question}' had different answer options on {a} ({options_a}) than on {b} "
                            "({options_b}). Those answers cannot be compared.",
    "trends.no_order": "The question '{question}' cannot be compared as a rise or a fall: {reason}.",
    "trends.reason_choice": "its answers have no order",
    "trends.reason_open": "it is an open question",
    "trends.too_few_compare": "Too few answers to compare: the session of {a} had {n_a}, the one of {b} {n_b}. Each "
                              "session needs at least {min}.",
    "trends.up_scale": "higher",
    "trends.down_scale": "lower",
    "trends.up_ordered": "more positive",
    "trends.down_ordered": "more negative",
    "trends.size_klein": "small",
    "trends.size_middelgroot": "medium",
    "trends.size_groot": "large",
    "trends.same": "stayed about the same (Cliff's delta {delta}, a negligible difference)",
    "trends.changed": "became {direction}: a {size} difference (Cliff's delta {delta})",
    "trends.first": "From {a} to {b}, the answers to '{question}' {change}.",
    "trends.pairs": "Take one answer at random from each session: the one from {b} is {up} in {higher} of cases and "
                    "{down} in {lower}.",
    "trends.sure": "With {n_a} and {n_b} answers this is almost certainly not chance ({p}).",
    "trends.likely": "With {n_a} and {n_b} answers this is probably not chance ({p}), but it is not certain.",
    "trends.no_sign": "With {n_a} and {n_b} answers there is no sign of a change ({p}).",
    "trends.unsure": "With {n_a} and {n_b} answers this difference is uncertain: it may well be chance ({p}).",
    "trends.few_people": "With so few answers, one or two people can change the picture.",
    "trends.mean_interval": "mean {mean} (95% interval {low} to {high})",
    "trends.chart_percent": "Percentage of the answers per session",
    "trends.chart_mean": "Mean with 95% confidence interval · {ends}",
    "trends.chart_last": "the last {shown} of {total} sessions",
    "trends.chart_words_none": "Too few open answers yet to count words.",
    "trends.chart_words_short": "Recurring words",
    "trends.chart_words": "Words that recur in the open answers",
    "trends.chart_words_sub": "How many answers use the word, and in how many of the {sessions} sessions",
    "trends.chart_words_bar": "{n} times, in {used} of {sessions} sessions",
    "trends.compare_skill": "Skill in recognising and acting",
    "trends.compare_school": "Satisfaction with the school",
    "trends.compare_partners": "Satisfaction with the cooperation",
    "trends.nothing_yet": "Nothing yet.",
    "trends.yes": "yes",
    "trends.no": "no",
    "trends.team": "Team",
    "trends.from": "From",
    "trends.to": "Up to and including",
    "trends.question": "Question",
    "trends.earlier": "Earlier",
    "trends.later": "Later",
    "trends.title": "Trends for the zorgteam (care team)",
    "trends.skill": "How skilled does the team feel?",
    "trends.school": "Satisfaction with the school's way of acting (0–5)",
    "trends.partners": "Satisfaction with the cooperation with partners",
    "trends.before_after": "Before and after",
    "trends.themes": "Recurring themes",
    "trends.actions": "Actions and their follow-up",
    "trends.no_sessions": "There are no sessions yet. Load examples with {command}.",
    "trends.sessions_of": "{n} sessions of {team}",
    "trends.threshold": "Results from fewer than {min} answers are not shown: they read '{too_few}'.",
    "trends.top_of_board": "Top of the sticker board, per session",
    "trends.recurring": "Points that came out on top more than once",
    "trends.col_rank": "rank",
    "trends.col_point": "point",
    "trends.col_times": "times",
    "trends.col_sessions": "sessions",
    "trends.col_session": "session",
    "trends.col_action": "action",
    "trends.col_level": "level",
    "trends.col_owner": "owner (role)",
    "trends.col_planning": "planning",
    "trends.col_status": "status",
    "trends.col_carried": "carried over to the next session",
    "trends.col_answers": "answers",
    "trends.col_outcome": "outcome",
    "trends.not_in_period": "This question was not asked in this period.",
    "trends.asked_as": "Question asked as: {description}",
    "trends.asked_apart": "(different answer options from above: shown separately)",
    "trends.pick_two": "Choose two different sessions.",
    "rapport.title": "Trends of the team learning conversation: {team}",
    "rapport.doc_title": "Trends of the team learning conversation",
    "rapport.skill": "How skilled does the team feel in recognising and acting?",
    "rapport.school": "Satisfaction with the school's way of acting (0 to 5)",
    "rapport.partners": "Satisfaction with the cooperation with partners",
    "rapport.period": "{first} up to and including {last}",
    "rapport.no_sessions": "no sessions",
    "rapport.made": "{n} sessions, {period}. Made on {today}.",
    "rapport.threshold": "Results from fewer than {min} answers are not broken down: they read '{too_few}'. This "
                         "report contains no names.",
    "rapport.apart": "(shown separately)",
    "rapport.first_to_last": "From the first to the last session: {sentence}",
    "rapport.no_points": "no points",
    "rapport.recurring_point": "{text} ({n} times: {sessions})",
    "rapport.actions_note": "The owner is a role, not a name. 'Carried over': the action is also in the next "
                            "session, or was not finished there yet.",
    "rapport.col_carried": "carried over",
    "report.title": "Report of the team learning conversation",
    "report.footer": "Team learning conversation {team}, {date}",
    "report.page": "page {page} of {pages}",
    "report.team": "Team",
    "report.date": "Date",
    "report.code": "Session code",
    "report.participants": "Participants",
    "report.participants_value": "{n} answered at least one question",
    "report.made_on": "Report made on",
    "report.about": "About this report: participants took part without a name; nothing in it identifies a person. "
                    "For a question with fewer than {min} answers only the number of answers is given, so that no "
                    "one in a small group can be recognised. Open answers appear only if the facilitator showed them "
                    "to the room during the session; a personal intention only if its writer shared it.",
    "report.part": "Part",
    "report.minutes": "Minutes",
    "report.total": "Total",
    "report.private": "Personal intention: it belongs to the participant. Only what its writer shared and the "
                      "facilitator showed appears here.",
    "report.shown_count": "{count}; {n} shown to the room.",
    "report.no_answers": "No answers.",
    "report.words": "Most used words in the answers shown (number of answers using the word):",
    "report.shown": "Answers shown:",
    "report.too_few": "{count}: too few answers to show the distribution (shown from {min} on).",
    "report.groups_cases": "Groups and cases",
    "report.groups_worked_one": "1 group worked with the worksheet.",
    "report.groups_worked": "{n} groups worked with the worksheet.",
    "report.group_one": "1 group",
    "report.group_many": "{n} groups",
    "report.no_groups": "No groups registered.",
    "report.no_route": "Nothing is on the route map yet.",
    "report.route_intro": "Per step of the meldcode (reporting code): what goes well, what needs attention and who "
                          "plays a key role.",
    "report.nothing_step": "(nothing noted for this step)",
    "report.nothing": "(nothing noted)",
    "report.points": "Points, in order of stickers",
    "report.no_points": "No points were put on the board.",
    "report.set_aside_one": "1 point was merged into another point or hidden; such points are not in this list.",
    "report.set_aside_many": "{n} points were merged into another point or hidden; such points are not in this "
                             "list.",
    "report.col_number": "No.",
    "report.col_point": "Point",
    "report.col_stickers": "Stickers",
    "report.col_owner": "Owner (role)",
    "report.no_actions": "No actions were recorded.",
    "report.actions_note": "The owner is a role, not a name. 'For point' refers to the number in the list above.",
    "report.point_number": "no. {n}",
}

CATALOGS = {"nl": NL, "en": EN}


LANGUAGES = tuple(CATALOGS)


def language() -> str:
    lang = os.environ.get(LANG_ENV, "nl")
    return lang if lang in CATALOGS else "nl"


def set_language(lang: str) -> None:
    """The language of this process and of every process it starts from now on (servers, kernels)."""
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    os.environ[LANG_ENV] = lang


@contextmanager
def command_language(lang: str | None):
    """For the length of one command: `lang` (if given) is the language, then the one before comes back (a test
    that runs commands in one process must not leave the next test in English)."""
    before = os.environ.get(LANG_ENV)
    try:
        if lang:
            set_language(lang)
        yield
    finally:
        if before is None:
            os.environ.pop(LANG_ENV, None)
        else:
            os.environ[LANG_ENV] = before


def t(key: str, /, **values) -> str:
    text = CATALOGS[language()].get(key) or NL[key]
    return text.format(**values) if values else text


def _parse(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def short_date(value) -> str:
    """'3 okt 2025' / '3 Oct 2025'; a text that is not an ISO date is returned as it is."""
    day = _parse(value)
    if day is None:
        return str(value)
    return t("date.short", day=day.day, month=t("date.months_short").split()[day.month - 1], year=day.year)


def long_date(value) -> str:
    """'3 oktober 2025' / '3 October 2025'."""
    day = _parse(value)
    if day is None:
        return str(value)
    return t("date.long", day=day.day, month=t("date.months_long").split()[day.month - 1], year=day.year)


def weekday_date(value) -> str:
    """'zaterdag 28 november 2026' / 'Saturday 28 November 2026'."""
    day = _parse(value)
    if day is None:
        return str(value)
    return t("date.weekday", weekday=t("date.weekdays").split()[day.weekday()], day=day.day,
             month=t("date.months_long").split()[day.month - 1], year=day.year)


def number(value: float, decimals: int = 1) -> str:
    """'3,4' (Dutch) or '3.4' (English), with a real minus sign; never '−0,0'."""
    text = f"{value:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace(".", t("number.decimal_mark")).replace("-", "−")
