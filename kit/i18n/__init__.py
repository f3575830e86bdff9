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
    "participant.ended": "De sessie is afgesloten. Bedankt voor je deelname!",
    "participant.ended_hint": "Je antwoorden zijn bewaard, zonder je naam. Je kunt deze pagina sluiten.",
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
    # a question of type punten: divide 100 points over the options
    "divide.hint": "Verdeel {total} punten: meer punten voor wat jij belangrijker vindt.",
    "divide.left": "Nog te verdelen: {n} punten",
    "divide.all_given": "Alle {total} punten verdeeld. Tik op Verstuur.",
    "divide.less": "{step} punten minder voor: {option}",
    "divide.more": "{step} punten meer voor: {option}",
    "divide.means": "gemiddeld aantal punten: {means}",
    "divide.chart_subtitle": "Gemiddeld aantal punten per optie (ieder verdeelde {total}), {n} antwoorden",
    "divide.trend_subtitle": "Gemiddeld aantal punten per optie per sessie (samen {total})",
    # validation
    "answer.closed": "Deze vraag is gesloten; je antwoord is niet opgeslagen.",
    "answer.unknown_option": "Dit antwoord hoort niet bij de vraag; kies een van de knoppen.",
    "answer.empty": "Je antwoord is leeg. Typ eerst iets.",
    "answer.too_long": "Je antwoord is {n} tekens; er passen er {max}. Maak het korter.",
    "answer.not_text": "Dit antwoord kan niet worden opgeslagen.",
    "answer.bad_character": "Je antwoord bevat een teken dat niet kan worden opgeslagen.",
    "answer.wrong_session": "Dit antwoord hoort bij een andere sessie.",
    "answer.session_closed": "Deze sessie is afgesloten.",
    "answer.points_invalid": "Dit antwoord hoort niet bij de vraag; verdeel de punten met de knoppen.",
    "answer.points_whole": "Geef elke optie een heel aantal punten, 0 of meer.",
    "answer.points_total": "Verdeel precies {total} punten; nu zijn het er {n}.",
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
    # preparing a session the week before (kit.apps.prepare, notebooks/voorbereiden.ipynb)
    "prepare.title": "Teamleergesprek · voorbereiden",
    "prepare.intro": "Voor de week vóór het teamleergesprek. Werk van boven naar beneden; het standaardsjabloon blijft "
                     "altijd zoals het is.",
    "prepare.step_template": "1. Kies een sjabloon",
    "prepare.template_label": "Sjabloon",
    "prepare.standard": "{name} (standaard)",
    "prepare.own": "{name} (eigen sjabloon)",
    "prepare.template_info": "{title} · {blocks} blokken · {minutes} minuten",
    "prepare.template_file": "Bestand: {path}",
    "prepare.copy_name": "Naam eigen kopie",
    "prepare.copy_placeholder": "bijv. onze_school",
    "prepare.copy": "Maak eigen kopie",
    "prepare.copied": "Eigen sjabloon gemaakt: {path} ✓",
    "prepare.standard_readonly": "Dit is het standaardsjabloon. Maak eerst een eigen kopie (stap 1); daarin kun je "
                                 "een casus toevoegen en de stickers instellen.",
    "prepare.template_problems": "Dit sjabloon kan niet worden gelezen. Pas het bestand aan en kies het opnieuw:",
    "prepare.not_saved": "Niet opgeslagen:",
    "prepare.step_case": "2. Eigen casus voor Werkvorm 3",
    "prepare.case_hint": "Schrijf de casus samen met het zorgteam. Het gaat vooral om de eerste stap van de meldcode: "
                         "welke signalen waren er, en hoe kwamen die bij de docent of mentor? Noem geen namen.",
    "prepare.case_title": "Titel",
    "prepare.case_title_placeholder": "bijv. Casus 5: stil in de klas",
    "prepare.case_text": "Tekst",
    "prepare.case_text_placeholder": "Wat zag of hoorde de docent? Hoe kwamen de signalen bij hem of haar?",
    "prepare.save_case": "Bewaar casus in eigen sjabloon",
    "prepare.case_saved": "Casus bewaard in {path} ✓ De groepjes kunnen hem kiezen in Werkvorm 3.",
    "prepare.step_stickers": "3. Stickers voor Werkvorm 5",
    "prepare.stickers": "Stickers per persoon",
    "prepare.max_per_point": "Hoogstens per punt",
    "prepare.save_stickers": "Bewaar stickers",
    "prepare.stickers_saved": "Opgeslagen ✓ Iedereen krijgt {stickers} stickers, hoogstens {max} op één punt.",
    "prepare.step_preview": "4. Bekijk elk scherm zoals een telefoon het toont",
    "prepare.preview_hint": "Tik gerust zoals een deelnemer: dit voorbeeld gebruikt een eigen, tijdelijke database en "
                            "slaat niets op in de sessie.",
    "prepare.preview_previous": "◀ Vorig scherm",
    "prepare.preview_next": "Volgend scherm ▶",
    "prepare.preview_of": "Scherm {n} van {total}",
    "prepare.preview_team": "Voorbeeld",
    "prepare.screen_intro": "{block}",
    "prepare.screen_prompt": "{block} · denkvraag {n}",
    "prepare.screen_question": "{block} · {question}",
    "prepare.screen_werkblad": "{block} · werkblad",
    "prepare.screen_routekaart": "{block} · routekaart",
    "prepare.screen_punten": "{block} · post-its",
    "prepare.screen_stickers": "{block} · stickers",
    "prepare.screen_acties": "{block} · actielijst",
    "prepare.example_point_1": "Voorbeeld: een vaste sparringpartner voor mentoren",
    "prepare.example_point_2": "Voorbeeld: oefenen met oudergesprekken",
    "prepare.step_session": "5. Maak de sessie aan",
    "prepare.team": "Team",
    "prepare.team_placeholder": "bijv. Havo onderbouw (geen persoonsnamen)",
    "prepare.date": "Datum",
    "prepare.create": "Maak sessie",
    "prepare.team_missing": "Vul de naam van het team in, bijvoorbeeld: Havo onderbouw.",
    "prepare.date_missing": "Kies de datum van het teamleergesprek.",
    "prepare.created": "Sessie aangemaakt voor {team} op {date}. De deelnamecode is",
    "prepare.serve_hint": "Start de sessie op de dag zelf met:  teamleergesprek serve --session {code}",
    "prepare.step_invitation": "6. Maak de uitnodiging",
    "prepare.host": "Adres van de laptop",
    "prepare.host_hint": "Het adres dat teamleergesprek serve afdrukt (Deelnemers: http://…). Is het op de dag zelf "
                         "anders, maak de uitnodiging dan opnieuw; met de code erop kan iedereen altijd meedoen.",
    "prepare.when_where": "Tijd en plaats",
    "prepare.when_where_placeholder": "bijv. 15.30–17.30 uur, aula",
    "prepare.contact": "Aanspreekpunt",
    "prepare.contact_placeholder": "bijv. de aandachtsfunctionaris, kamer 1.12",
    "prepare.make_invitation": "Maak uitnodiging (PDF)",
    "prepare.no_session": "Maak eerst de sessie aan (stap 5): de uitnodiging heeft de deelnamecode nodig.",
    "prepare.invitation_saved": "Uitnodiging opgeslagen in {path}.",
    "prepare.download": "Download de uitnodiging (PDF)",
    # the invitation (kit.documents.invitation)
    "invitation.heading": "Uitnodiging",
    "invitation.team": "Team",
    "invitation.date": "Datum",
    "invitation.when_where": "Tijd en plaats",
    "invitation.duration": "Duur",
    "invitation.minutes": "{n} minuten",
    "invitation.agenda": "Programma",
    "invitation.bring_phone": "Neem je telefoon mee",
    "invitation.scan": "Je doet mee met je telefoon: scan de QR-code of typ het adres hieronder. Je naam wordt "
                       "nergens gevraagd of bewaard.",
    "invitation.code": "Code",
    "invitation.personal_heading": "Heb je zelf te maken gehad met huiselijk geweld of kindermishandeling?",
    "invitation.personal_text": "Dan kan het bespreken van dit onderwerp moeilijk en mogelijk confronterend zijn. Wil "
                                "je daar vooraf over praten en samen bekijken of en hoe we dit in de bijeenkomst "
                                "verwerken? Laat het weten. We kunnen dan samen beslissen of je erbij wilt zijn, welke "
                                "rol je het wilt geven en of je erover wilt vertellen. Ook achteraf kun je altijd "
                                "napraten.",
    "invitation.contact": "Je kunt terecht bij: {contact}.",
    "invitation.works_when": "De QR-code en het adres werken op de dag zelf, op het netwerk van de school, zodra de "
                             "begeleider de sessie heeft gestart.",
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
    "facilitator.close_session": "Sessie afsluiten",
    "facilitator.close_confirm": "Sessie nu afsluiten? Daarna kan niemand meer antwoorden, ook niet na een herstart. "
                                 "De antwoorden blijven bewaard voor export, verslag en trends.",
    "facilitator.close_yes": "Ja, sluit de sessie af",
    "facilitator.close_no": "Nee, nog niet",
    "facilitator.closed_title": "Sessie afgesloten",
    "facilitator.closed_thanks": "Bedankt voor jullie inbreng.",
    "facilitator.outcomes_title": "Bewaar de uitkomsten",
    "facilitator.outcomes_hint": "Het verslag is voor het team en het jaarplan; het Excel-bestand heeft alle antwoorden, "
                                 "zonder namen. Bewaar ze zoals je andere zorggegevens bewaart.",
    "facilitator.outcomes_report": "Verslag (PDF)",
    "facilitator.outcomes_workbook": "Alle antwoorden (Excel)",
    "download.link": "Download {name}",
    "facilitator.report_file": "verslag-{code}.pdf",
    "facilitator.workbook_file": "antwoorden-{code}.xlsx",
    "facilitator.closed_next": "Ook later te maken: teamleergesprek verslag --session {code} en teamleergesprek export "
                               "--session {code} --format xlsx. Het zorgteam ziet deze sessie in teamleergesprek trends.",
    "facilitator.unknown_session": "Sessie '{code}' bestaat niet in deze database. Start met: teamleergesprek serve --session CODE",
    # the participant server's page when the cap on phones is reached (kit.serving.voila_extension)
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
    # trends: the zorgteam's page, its rapport and charts (kit.analysis.trends, kit.apps.trends, kit.documents.team_report, kit.trend_*)
    "trends.too_few": "te weinig antwoorden",
    "trends.scale": "schaal {min}–{max}",
    "trends.open_question": "open vraag",
    "trends.not_asked": "De vraag '{key}' is in de sessie van {session} niet gesteld; vergelijken kan niet.",
    "trends.other_options": "De vraag '{question}' had op {a} andere antwoordmogelijkheden ({options_a}) dan op {b} "
                            "({options_b}). Die antwoorden zijn niet met elkaar te vergelijken.",
    "trends.no_order": "De vraag '{question}' is niet als toename of afname te vergelijken: {reason}.",
    "trends.reason_choice": "de antwoorden hebben geen volgorde",
    "trends.reason_open": "het is een open vraag",
    "trends.reason_points": "het is een verdeling van punten over opties zonder volgorde",
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
    "trends.rapport_button": "Rapport van deze selectie (PDF)",
    "trends.rapport_file": "rapport-{team}.pdf",
    "trends.skill": "Hoe vaardig voelt het team zich?",
    "trends.school": "Tevredenheid over de handelswijze van de school (0–5)",
    "trends.partners": "Tevredenheid over de samenwerking met partners",
    "trends.other_questions": "Andere vragen",
    "trends.pick_question": "(kies een vraag)",
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
    # the zorgteam's rapport (kit.documents.team_report)
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
    # the verslag (kit.documents.session_report)
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
    # the command line, for the commands with --lang (kit.cli)
    "cli.error": "Fout: {error}",
    "cli.bad_date": "De datum '{date}' is niet geldig. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-28.",
    "cli.no_team": "Geef een teamnaam op met --team, bijvoorbeeld --team \"Onderbouw havo\".",
    "cli.created": "Sessie aangemaakt voor {team} op {date} (sjabloon {template}).",
    "cli.join_code": "Deelnamecode:",
    "cli.no_session_new": "Er is geen sessie met code '{code}' in deze database. Maak er een met: teamleergesprek new --team \"NAAM\"",
    "cli.session_closed": "De sessie '{code}' is afgesloten: telefoons kunnen niet meer meedoen. Zonder "
                          "--participants-only toont serve haar begeleiderspagina, met het verslag en de antwoorden.",
    "cli.serve_closed_session": "Deze sessie is afgesloten: alleen de begeleiderspagina draait, om het verslag en alle "
                                "antwoorden te downloaden. Telefoons kunnen niet meer meedoen.",
    "cli.no_open_session": "Er is geen open sessie. Maak er een met: teamleergesprek new --team \"NAAM\"",
    "cli.serve_participants": "Deelnemers (telefoon, zelfde netwerk): {url}",
    "cli.serve_session": "Code: {code}   Team: {team}   Datum: {date}",
    "cli.serve_room": "Plaats voor {max} telefoons; {pool} pagina's worden vooraf klaargezet.",
    "cli.serve_facilitator_token": "Begeleider (met sleutel, niet delen):",
    "cli.serve_facilitator": "Begeleider (deze laptop):",
    "cli.serve_screen": "Scherm voor de beamer (optioneel):",
    "cli.serve_log": "Logboek van de servers: {path}",
    "cli.serve_any_session": "Telefoons van elke sessie in deze database kunnen hier terecht: met de QR-code van hun "
                             "begeleider, of door hier de code van hun sessie in te typen.",
    "cli.serve_participants_only": "Alleen deelnemers op poort {port}: de begeleider gebruikt de serve met de "
                                   "begeleidersapp op dezelfde database.",
    "cli.serve_participants_only_sqlite": "Let op: een server op een andere computer kan deze SQLite-database niet "
                                          "delen; gebruik daarvoor --db postgresql://…",
    "cli.bad_join_url": "--join-url moet een webadres zijn dat begint met https:// of http://, niet '{url}'.",
    "cli.bad_max_participants": "--max-participants moet minstens 1 zijn, niet {n}.",
    "cli.bad_expected_participants": "--expected-participants kan niet negatief zijn (nu {n}); 0 zet geen pagina's vooraf klaar.",
    "cli.demo_history": "Voorbeeldgeschiedenis geladen: {teams} teams, {sessions} afgesloten sessies (verzonnen; elke "
                        "teamnaam eindigt op '(voorbeeld)').",
    "cli.demo_session": "Geen open sessie in deze voorbeelddatabase: demosessie {code} aangemaakt voor '{team}'.",
    "cli.stop": "Stoppen: Ctrl-C",
    "cli.stopping": "Bezig met stoppen…",
    "cli.server_stopped": "De server '{name}' is gestopt (code {code}).",
    "cli.server_stopped_both": "De server '{name}' is gestopt (code {code}). De andere wordt ook gestopt.",
    "cli.no_session": "Er is geen sessie met code '{code}' in deze database.",
    "cli.report_saved": "Verslag opgeslagen in {path}",
    "cli.no_team_found": "Er is geen team '{team}' in deze database. Teams: {teams}",
    "cli.trends_title": "Trends voor het zorgteam (alleen op deze laptop)",
    "cli.rapport_saved": "Rapport geschreven naar {path}",
    "cli.rapport_saved_png": "Rapport geschreven naar {path}; grafieken als PNG in {png}",
    # -- the room view on one mirrored screen (issue 15: room, private panel, navigation) --------------------------
    "room.private_open": "Alleen voor jou ▾",
    "room.private_close": "▴ Sluit: de zaal ziet weer de presentatie",
    "room.private_warning": "Let op: staat je scherm op de beamer, dan ziet de zaal dit nu mee. Hier staan antwoorden "
    "die nog niet zijn doorgelaten, verborgen post-its en je formulieren. Sluit dit voor je verder gaat.",
    "room.private_pending": "Alleen voor jou ▾ · {n} nieuw",
    "room.leave_writing": "{n} groepje(s) schrijven nog aan het werkblad. Ga je verder, dan sluit het werkblad op hun "
    "telefoons.",
    "room.leave_yes": "Ja, ga toch verder",
    "room.leave_no": "Nee, blijf hier",
    "room.agenda_jump": "Ga naar {title}",
    "worksheet.approval": "Werkbladantwoorden (de zaal ziet alleen wat je toont, na 'Toon resultaten')",
    "worksheet.show_step": "Toon alle van deze stap",
    "worksheet.none_yet": "Nog geen antwoorden van de groepjes.",
    "worksheet.none_shown": "Nog geen werkbladantwoorden op het scherm: toon ze per antwoord onder 'Alleen voor jou'.",
    "points.unmerge": "Maak los",
    "points.merged_into": "samengevoegd met: {text}",
    "points.hidden_mark": "verborgen",
    "download.preparing": "De bestanden worden gemaakt…",
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
    "participant.ended": "The session has ended. Thank you for taking part!",
    "participant.ended_hint": "Your answers have been saved, without your name. You can close this page.",
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
    "divide.hint": "Divide {total} points: more points for what matters more to you.",
    "divide.left": "Points left: {n}",
    "divide.all_given": "All {total} points divided. Tap Send.",
    "divide.less": "{step} points less for: {option}",
    "divide.more": "{step} points more for: {option}",
    "divide.means": "mean points: {means}",
    "divide.chart_subtitle": "Mean points per option (everyone divided {total}), {n} answers",
    "divide.trend_subtitle": "Mean points per option per session (together {total})",
    "answer.closed": "This question is closed; your answer was not saved.",
    "answer.unknown_option": "This answer does not belong to the question; pick one of the buttons.",
    "answer.empty": "Your answer is empty. Type something first.",
    "answer.too_long": "Your answer has {n} characters; {max} fit. Please shorten it.",
    "answer.not_text": "This answer cannot be saved.",
    "answer.bad_character": "Your answer contains a character that cannot be saved.",
    "answer.wrong_session": "This answer belongs to another session.",
    "answer.session_closed": "This session has been closed.",
    "answer.points_invalid": "This answer does not belong to the question; divide the points with the buttons.",
    "answer.points_whole": "Give each option a whole number of points, 0 or more.",
    "answer.points_total": "Divide exactly {total} points; now it is {n}.",
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
    # preparing a session the week before (kit.apps.prepare, notebooks/voorbereiden.ipynb)
    "prepare.title": "Team learning conversation · preparation",
    "prepare.intro": "For the week before the session. Work from top to bottom; the standard template always stays "
                     "as it is.",
    "prepare.step_template": "1. Choose a template",
    "prepare.template_label": "Template",
    "prepare.standard": "{name} (standard)",
    "prepare.own": "{name} (own template)",
    "prepare.template_info": "{title} · {blocks} blocks · {minutes} minutes",
    "prepare.template_file": "File: {path}",
    "prepare.copy_name": "Name of own copy",
    "prepare.copy_placeholder": "e.g. our_school",
    "prepare.copy": "Make own copy",
    "prepare.copied": "Own template created: {path} ✓",
    "prepare.standard_readonly": "This is the standard template. Make an own copy first (step 1); in it you can add "
                                 "a case and set the stickers.",
    "prepare.template_problems": "This template cannot be read. Fix the file and choose it again:",
    "prepare.not_saved": "Not saved:",
    "prepare.step_case": "2. Own case for Activity 3",
    "prepare.case_hint": "Write the case with the zorgteam (care team). It is mostly about the first step of the meldcode: "
                         "which signals were there, and how did they reach the teacher or mentor? Use no names.",
    "prepare.case_title": "Title",
    "prepare.case_title_placeholder": "e.g. Case 5: quiet in class",
    "prepare.case_text": "Text",
    "prepare.case_text_placeholder": "What did the teacher see or hear? How did the signals reach them?",
    "prepare.save_case": "Save case in own template",
    "prepare.case_saved": "Case saved in {path} ✓ Groups can choose it in Activity 3.",
    "prepare.step_stickers": "3. Stickers for Activity 5",
    "prepare.stickers": "Stickers per person",
    "prepare.max_per_point": "At most per point",
    "prepare.save_stickers": "Save stickers",
    "prepare.stickers_saved": "Saved ✓ Everyone gets {stickers} stickers, at most {max} on one point.",
    "prepare.step_preview": "4. See every screen as a phone shows it",
    "prepare.preview_hint": "Tap as a participant would: this preview uses its own temporary database and saves "
                            "nothing in the session.",
    "prepare.preview_previous": "◀ Previous screen",
    "prepare.preview_next": "Next screen ▶",
    "prepare.preview_of": "Screen {n} of {total}",
    "prepare.preview_team": "Preview",
    "prepare.screen_intro": "{block}",
    "prepare.screen_prompt": "{block} · reflection question {n}",
    "prepare.screen_question": "{block} · {question}",
    "prepare.screen_werkblad": "{block} · worksheet",
    "prepare.screen_routekaart": "{block} · route map",
    "prepare.screen_punten": "{block} · post-its",
    "prepare.screen_stickers": "{block} · stickers",
    "prepare.screen_acties": "{block} · action list",
    "prepare.example_point_1": "Example: a fixed sparring partner for mentors",
    "prepare.example_point_2": "Example: practising conversations with parents",
    "prepare.step_session": "5. Create the session",
    "prepare.team": "Team",
    "prepare.team_placeholder": "e.g. Lower years (no names of people)",
    "prepare.date": "Date",
    "prepare.create": "Create session",
    "prepare.team_missing": "Fill in the team's name, for example: Lower years.",
    "prepare.date_missing": "Choose the date of the session.",
    "prepare.created": "Session created for {team} on {date}. The join code is",
    "prepare.serve_hint": "On the day itself, start the session with:  teamleergesprek serve --session {code}",
    "prepare.step_invitation": "6. Make the invitation",
    "prepare.host": "Address of the laptop",
    "prepare.host_hint": "The address teamleergesprek serve prints (Participants: http://…). If it differs on the "
                         "day, make the invitation again; with the code on it everyone can always join.",
    "prepare.when_where": "Time and place",
    "prepare.when_where_placeholder": "e.g. 3.30–5.30 pm, main hall",
    "prepare.contact": "Contact",
    "prepare.contact_placeholder": "e.g. the safeguarding lead, room 1.12",
    "prepare.make_invitation": "Make invitation (PDF)",
    "prepare.no_session": "Create the session first (step 5): the invitation needs its join code.",
    "prepare.invitation_saved": "Invitation saved in {path}.",
    "prepare.download": "Download the invitation (PDF)",
    # the invitation (kit.documents.invitation)
    "invitation.heading": "Invitation",
    "invitation.team": "Team",
    "invitation.date": "Date",
    "invitation.when_where": "Time and place",
    "invitation.duration": "Duration",
    "invitation.minutes": "{n} minutes",
    "invitation.agenda": "Programme",
    "invitation.bring_phone": "Bring your phone",
    "invitation.scan": "You take part with your phone: scan the QR code or type the address below. Your name is "
                       "never asked for or stored.",
    "invitation.code": "Code",
    "invitation.personal_heading": "Have you yourself experienced domestic violence or child abuse?",
    "invitation.personal_text": "Then talking about this subject can be hard and perhaps confronting. Would you like "
                                "to talk about it beforehand and look together at whether and how we take it into "
                                "account in the session? Let me know. We can then decide together whether you want "
                                "to be there, what part you want it to play and whether you want to talk about it. "
                                "You can always talk afterwards as well.",
    "invitation.contact": "You can talk to: {contact}.",
    "invitation.works_when": "The QR code and the address work on the day itself, on the school's network, once the "
                             "facilitator has started the session.",
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
    "facilitator.close_session": "End the session",
    "facilitator.close_confirm": "End the session now? Nobody can answer after that, not even after a restart. "
                                 "The answers are kept for export, report and trends.",
    "facilitator.close_yes": "Yes, end the session",
    "facilitator.close_no": "No, not yet",
    "facilitator.closed_title": "Session ended",
    "facilitator.closed_thanks": "Thank you for your contributions.",
    "facilitator.outcomes_title": "Keep the outcomes",
    "facilitator.outcomes_hint": "The report is for the team and the year plan; the Excel file has every answer, "
                                 "without names. Keep them as you keep other care records.",
    "facilitator.outcomes_report": "Report (PDF)",
    "facilitator.outcomes_workbook": "Every answer (Excel)",
    "download.link": "Download {name}",
    "facilitator.report_file": "report-{code}.pdf",
    "facilitator.workbook_file": "answers-{code}.xlsx",
    "facilitator.closed_next": "Also later: teamleergesprek verslag --session {code} --lang en and teamleergesprek "
                               "export --session {code} --format xlsx. The zorgteam sees this session in teamleergesprek trends.",
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
    "trends.reason_points": "it divides points over options that have no order",
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
    "trends.rapport_button": "Report of this selection (PDF)",
    "trends.rapport_file": "report-{team}.pdf",
    "trends.skill": "How skilled does the team feel?",
    "trends.school": "Satisfaction with the school's way of acting (0–5)",
    "trends.partners": "Satisfaction with the cooperation with partners",
    "trends.other_questions": "Other questions",
    "trends.pick_question": "(pick a question)",
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
    "cli.error": "Error: {error}",
    "cli.bad_date": "The date '{date}' is not valid. Write the date as YYYY-MM-DD, for example 2026-11-28.",
    "cli.no_team": "Give a team name with --team, for example --team \"Lower school\".",
    "cli.created": "Session created for {team} on {date} (template {template}).",
    "cli.join_code": "Join code:",
    "cli.no_session_new": "There is no session with code '{code}' in this database. Make one with: teamleergesprek new --team \"NAME\"",
    "cli.session_closed": "The session '{code}' has been closed: phones can no longer take part. Without "
                          "--participants-only, serve shows its facilitator's page, with the report and the answers.",
    "cli.serve_closed_session": "This session has been closed: only the facilitator's page runs, to download the "
                                "report and every answer. Phones can no longer take part.",
    "cli.no_open_session": "There is no open session. Make one with: teamleergesprek new --team \"NAME\"",
    "cli.serve_participants": "Participants (phone, same network): {url}",
    "cli.serve_session": "Code: {code}   Team: {team}   Date: {date}",
    "cli.serve_room": "Room for {max} phones; {pool} pages are prepared in advance.",
    "cli.serve_facilitator_token": "Facilitator (with key, do not share):",
    "cli.serve_facilitator": "Facilitator (this laptop):",
    "cli.serve_screen": "Screen for the projector (optional):",
    "cli.serve_log": "Server logs: {path}",
    "cli.serve_any_session": "Phones of every session in this database can come here: with their facilitator's QR "
                             "code, or by typing their session's code here.",
    "cli.serve_participants_only": "Participants only on port {port}: the facilitator uses the serve with the "
                                   "facilitator app on the same database.",
    "cli.serve_participants_only_sqlite": "Note: a server on another computer cannot share this SQLite database; "
                                          "use --db postgresql://… for that",
    "cli.bad_join_url": "--join-url must be a web address starting with https:// or http://, not '{url}'.",
    "cli.bad_max_participants": "--max-participants must be at least 1, not {n}.",
    "cli.bad_expected_participants": "--expected-participants cannot be negative (now {n}); 0 prepares no pages in advance.",
    "cli.demo_history": "Example history loaded: {teams} teams, {sessions} closed sessions (made up; every team name "
                        "ends in '(voorbeeld)').",
    "cli.demo_session": "No open session in this example database: demo session {code} created for '{team}'.",
    "cli.stop": "Stop: Ctrl-C",
    "cli.stopping": "Stopping…",
    "cli.server_stopped": "The server '{name}' stopped (code {code}).",
    "cli.server_stopped_both": "The server '{name}' stopped (code {code}). The other one is stopped too.",
    "cli.no_session": "There is no session with code '{code}' in this database.",
    "cli.report_saved": "Report saved in {path}",
    "cli.no_team_found": "There is no team '{team}' in this database. Teams: {teams}",
    "cli.trends_title": "Trends for the zorgteam (care team), on this laptop only",
    "cli.rapport_saved": "Rapport (report) written to {path}",
    "cli.rapport_saved_png": "Rapport (report) written to {path}; charts as PNG in {png}",
    # -- the room view on one mirrored screen (issue 15: room, private panel, navigation) --------------------------
    "room.private_open": "Only for you ▾",
    "room.private_close": "▴ Close: the room sees the presentation again",
    "room.private_warning": "Careful: if your screen is on the projector, the room sees this now. Here are answers "
    "not let through yet, hidden notes and your forms. Close this before you move on.",
    "room.private_pending": "Only for you ▾ · {n} new",
    "room.leave_writing": "{n} group(s) are still writing on the worksheet. If you move on, the worksheet closes on "
    "their phones.",
    "room.leave_yes": "Yes, move on anyway",
    "room.leave_no": "No, stay here",
    "room.agenda_jump": "Go to {title}",
    "worksheet.approval": "Worksheet answers (the room sees only what you show, after 'Show results')",
    "worksheet.show_step": "Show all of this step",
    "worksheet.none_yet": "No answers from the groups yet.",
    "worksheet.none_shown": "No worksheet answers on screen yet: show them one by one under 'Only for you'.",
    "points.unmerge": "Undo merge",
    "points.merged_into": "merged into: {text}",
    "points.hidden_mark": "hidden",
    "download.preparing": "Making the files…",
}

# `teamleergesprek check` and every notebook that loads a template or the naslag: what to fix, and where.
# Kept apart from NL/EN above so the checker's many messages read as one set; merged into the catalogs below.
CHECK_NL = {
    "check.ok": "{file}: geen problemen gevonden.",
    "check.summary": "{n} probleem/problemen gevonden. Pas het bestand aan en controleer opnieuw.",
    "check.history_db": "Vergeleken met de vragen van {n} sessie(s) in {db}.",
    "check.source_standard": "het meegeleverde sjabloon '{name}'",
    "check.source_session": "sessie {code} van {date}",
    # reading the file
    "check.file_not_found": "het bestand is niet gevonden. Controleer de naam en de map van het bestand.",
    "check.is_directory": "dit is een map, geen bestand. Geef het pad naar een .yaml-bestand.",
    "check.unreadable": "het bestand kan niet worden gelezen ({reason}). Controleer of je het mag openen.",
    "check.not_utf8": "deze regel bevat tekens die geen UTF-8 zijn (bijvoorbeeld een é of ë uit een oude editor). "
                      "Sla het bestand op met codering UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8).",
    "check.not_yaml": "het bestand is geen geldige YAML ({error}). Controleer de opmaak.",
    "check.empty_file": "het bestand is leeg. Begin met  schema_version: 1  en vul de andere velden in.",
    "check.yaml": "fout in de YAML-opmaak: {problem}",
    "check.yaml_colon": "hier staat een dubbele punt (:) waar YAML die niet verwacht. Staat er een dubbele punt in "
                        'een tekst? Zet de hele tekst dan tussen aanhalingstekens, bijvoorbeeld  title: "Startoefening: '
                        'wat vind jij?"  Zo niet, dan springt deze regel te ver in: zet hem precies onder de velden '
                        "erboven.",
    "check.yaml_tab": "deze regel springt in met een tab. YAML accepteert alleen spaties: vervang de tab door spaties.",
    "check.yaml_quote": "hier begint een tekst met een aanhalingsteken dat nergens wordt gesloten. Zet aan het eind "
                        "van de tekst hetzelfde aanhalingsteken (\" of ').",
    "check.yaml_documents": "het bestand bevat meer dan één YAML-document (een regel met ---). Eén bestand is één "
                            "document: haal de --- weg of maak een tweede bestand.",
    "check.yaml_alias": "hier staat een * die YAML als verwijzing leest. Zet tekst die met * begint tussen "
                        "aanhalingstekens.",
    "check.yaml_flow": "de lijst tussen [ ] is niet goed afgesloten of bevat een dubbele punt. Sluit de lijst met ] en "
                       "zet opties met een dubbele punt of komma tussen aanhalingstekens.",
    "check.yaml_indent": "de inspringing klopt niet of er staat tekst op een onverwachte plek. Velden die bij elkaar "
                         "horen moeten precies even ver inspringen (met spaties), en een tekst na een afsluitend "
                         "aanhalingsteken moet binnen de aanhalingstekens staan.",
    "check.unknown_tag": "de waarde heeft een onbekende YAML-markering ({tag}). Haal het woord met ! weg en schrijf "
                         "alleen de waarde.",
    "check.field_not_a_word": "een veldnaam moet een gewoon woord zijn, zoals  title:",
    "check.field_twice": "'{name}' staat twee keer in hetzelfde onderdeel (ook op regel {line}). Laat er één staan.",
    "check.unknown_field": "onbekend veld '{name}'. {hint}",
    "check.unknown_field_guess": "Bedoel je '{guess}'? Pas de naam aan.",
    "check.unknown_field_list": "Haal de regel weg of gebruik een van: {allowed}.",
    "check.kind_bool": "een ja/nee-waarde (true/false)",
    "check.kind_number": "een getal",
    "check.kind_date": "een datum",
    "check.kind_list": "een lijst",
    "check.kind_mapping": "een groep velden",
    "check.kind_other": "iets anders dan tekst",
    "check.kind_loose_text": "losse tekst",
    # schema_version
    "check.version_not_a_number": "'schema_version' moet een heel getal zijn, maar is '{value}'. "
                                  "Schrijf:  schema_version: {supported}",
    "check.version_too_old": "schema_version {found} is te oud: dit bestand is geschreven voor versie {found}, deze "
                             "kit leest versie {supported}. Werk het bestand bij: zet  schema_version: {supported}  en "
                             "voer  teamleergesprek check  opnieuw uit; die noemt per regel wat er anders moet "
                             "(docs/trainers.md, 'Een ouder sjabloon bijwerken').",
    "check.version_too_new": "schema_version {found} is nieuwer dan deze kit kan lezen (deze kit leest versie "
                             "{supported}). Werk de kit bij (haal de nieuwste versie op en draai make setup), of gebruik "
                             "een bestand dat voor versie {supported} is gemaakt.",
    # where in the file
    "check.where.file": "het bestand",
    "check.where.block": "blok '{key}'",
    "check.where.block_n": "blok {n}",
    "check.where.question": "vraag '{key}'",
    "check.where.question_n": "vraag {n}",
    "check.where.case": "casus '{key}'",
    "check.where.case_n": "casus {n}",
    "check.where.step": "stap '{key}'",
    "check.where.step_n": "werkbladstap {n}",
    "check.where.option": "optie {n}",
    "check.where.line": "'{name}' regel {n}",
    # one message per kind of schema error
    "check.required": "'{name}' ontbreekt. {hint}, bijvoorbeeld:  {example}",
    "check.missing_hint": "Voeg het veld toe",
    "check.missing_hint.options": "Zet onder de vraag een lijst met antwoordopties",
    "check.missing_hint.blocks": "Zet onderaan het bestand de lijst met blokken",
    "check.missing_hint.schema_version": "Zet bovenaan het bestand",
    "check.other_type_field": "'{name}' hoort niet bij een vraag van type '{type}'. Haal de regel weg, of kies een "
                              "ander type.",
    "check.root_not_mapping": "het bestand moet beginnen met velden zoals  schema_version: 1  en  name: ..., maar "
                              "begint met {kind}. Haal het streepje of de losse tekst aan het begin weg.",
    "check.empty_text": "{subject} is leeg. Vul een tekst in, bijvoorbeeld:  {example}",
    "check.text_is_collection": "{subject} moet één tekst zijn, maar is {kind}. Schrijf de tekst achter de dubbele "
                                "punt.",
    "check.text_is_other": "{subject} moet tekst zijn, maar YAML leest {value} als {kind}. Zet het tussen "
                           'aanhalingstekens: "{value}"',
    "check.integer_quoted": "{subject} staat tussen aanhalingstekens. Haal die weg, zodat het een getal is:  "
                            "{field}: {value}",
    "check.integer_fraction": "{subject} moet een heel getal zijn, zonder komma of punt, bijvoorbeeld:  {example}",
    "check.integer_empty": "{subject} is leeg. Vul een heel getal in, bijvoorbeeld:  {example}",
    "check.integer_other": "{subject} moet een heel getal zijn, maar is '{value}'. Schrijf het in cijfers, "
                           "bijvoorbeeld:  {example}",
    "check.not_a_list": "{subject} moet een lijst zijn: begin elk onderdeel op een nieuwe regel met een streepje, "
                        "bijvoorbeeld:  {example}",
    "check.not_a_list.options": "{subject} moet een lijst zijn, tussen [ ] of met een streepje per optie, "
                                "bijvoorbeeld:  {example}",
    "check.empty_list": "{subject} is leeg. Zet er minstens één onderdeel onder, bijvoorbeeld:  {example}",
    "check.empty_list.blocks": "{subject} bevat geen blokken. Zet er minstens één onder, bijvoorbeeld:  {example}",
    "check.not_a_mapping": "{subject} moet velden eronder hebben, bijvoorbeeld:  {example}",
    "check.item_not_mapping": "{subject} moet velden hebben, elk op een eigen regel onder het streepje, "
                              "bijvoorbeeld:  {example}",
    "check.not_a_boolean": "{subject} moet true of false zijn, bijvoorbeeld:  {example}",
    "check.wrong_type": "{subject} heeft niet de goede vorm. Schrijf het zoals in dit voorbeeld:  {example}",
    "check.guess": "Bedoel je '{guess}'? ",
    "check.unknown_question_type": "onbekend vraagtype '{value}'. {guess}Kies uit: {types}.",
    "check.qtype": "{type}",
    "check.qtype.ordered": "ordered (opties met een volgorde, zoals heel vaardig … niet vaardig)",
    "check.qtype.choice": "choice (opties zonder volgorde)",
    "check.qtype.scale": "scale (een getallenschaal, zoals 0 tot 5)",
    "check.qtype.open": "open (vrije tekst)",
    "check.qtype.punten": "punten (deelnemers verdelen 100 punten over de opties)",
    "check.enum": "{subject} is '{value}'. Kies uit: {choices}.",
    "check.between": "{subject} is {value}, maar moet tussen {low} en {high} liggen. Pas het getal aan.",
    "check.at_least": "{subject} is {value}, maar moet minstens {low} zijn. Pas het getal aan.",
    "check.at_most": "{subject} is {value}, maar mag hoogstens {high} zijn. Pas het getal aan.",
    "check.pattern": "{subject} is '{value}', en dat kan hier niet. Schrijf het zoals in dit voorbeeld:  {example}",
    "check.pattern.key": "{subject} is '{value}', maar mag alleen kleine letters, cijfers en _ bevatten en moet met "
                         "een letter beginnen. Schrijf bijvoorbeeld:  key: {suggestion}",
    "check.pattern.name": "{subject} is '{value}', maar mag alleen kleine letters, cijfers, _ en - bevatten en moet "
                          "met een letter beginnen. Schrijf bijvoorbeeld:  name: {suggestion}",
    "check.pattern.language": "{subject} is '{value}', maar moet een taalcode van twee kleine letters zijn, "
                              "bijvoorbeeld:  language: nl",
    "check.too_few": "{subject} heeft te weinig onderdelen: minstens {n}. Bijvoorbeeld:  {example}",
    "check.too_few.blocks": "{subject} bevat geen blokken. Zet er minstens één onder, bijvoorbeeld:  {example}",
    "check.too_few.options": "{subject} heeft minstens twee verschillende antwoordopties nodig, bijvoorbeeld:  "
                             "{example}",
    "check.needs": "'{name}' werkt alleen samen met '{needed}', maar dit blok heeft geen '{needed}'. Zet het erbij, "
                   "bijvoorbeeld:  {example}",
    "check.schema_other": "{subject} klopt niet met de vorm van een sjabloon ({kind}). Vergelijk het met het "
                          "voorbeeld in docs/trainers.md.",
    # what a schema cannot say
    "check.key_not_a_word": "'key' moet één woord zijn, bijvoorbeeld:  key: welkom",
    "check.key_empty": "'key' is leeg. Vul een korte naam in, bijvoorbeeld:  key: welkom",
    "check.key_twice": "de key '{key}' komt al voor op regel {line}. {hint}",
    "check.key_twice_at": "{where}: de key '{key}' komt al voor op regel {line}. {hint}",
    "check.unique_hint.block": "Geef elk blok een eigen key.",
    "check.unique_hint.question": "Geef elke vraag in het sjabloon een eigen key; trends koppelen de antwoorden via "
                                  "die key.",
    "check.unique_hint.case": "Geef elke casus een eigen key.",
    "check.unique_hint.step": "Geef elke stap een eigen key.",
    "check.unique_hint.section": "Geef elk onderdeel een eigen key.",
    "check.meldcode_and_points": "een blok kan 'meldcode' of 'points' hebben, niet allebei. Zet ze in twee blokken.",
    "check.per_point_above_stickers": "'max_per_point' ({per_point}) is groter dan het aantal stickers ({stickers}). "
                                      "Maak het kleiner of gelijk.",
    "check.option_twice": "optie '{option}' staat twee keer in de lijst (ook als optie {first}). Elke optie moet "
                          "anders zijn: haal de dubbele weg.",
    "check.scale_order": "'max' ({high}) moet groter zijn dan 'min' ({low}). Bijvoorbeeld:  min: 0  en  max: 5",
    "check.scale_steps": "de schaal van {low} tot {high} heeft {steps} stappen; er passen er hoogstens {most} op een "
                         "telefoon. Maak de schaal kleiner, bijvoorbeeld:  min: 0  en  max: 10",
    "check.punten_options": "een vraag van type 'punten' heeft hoogstens {most} opties; deze heeft er {n}. Meer rijen "
                            "met knoppen passen niet op een telefoon: voeg opties samen of maak er twee vragen van.",
    "check.mapping_target": "'{old}' wordt omgezet naar '{target}', maar dat is geen antwoordoptie van deze vraag. "
                            "Kies een van: {options}.",
    # keeping trends comparable
    "check.new_key": "key: {key}",
    "check.options_changed": "de antwoordopties van '{key}' zijn anders dan in {source} (eerst: {old}; nu: {new}). "
                             "Dan zijn de trends van deze vraag niet meer te vergelijken. Geef de vraag een nieuwe "
                             "key (bijvoorbeeld  {new_key}), of zet onder de vraag een mapping van elke oude optie "
                             "naar een nieuwe, bijvoorbeeld:  {example}",
    "check.scale_changed": "de schaal van '{key}' is anders dan in {source} (eerst: {old}; nu: {new}). Dan zijn de "
                           "trends van deze vraag niet meer te vergelijken. Geef de vraag een nieuwe key "
                           "(bijvoorbeeld  {new_key}), of zet onder de vraag een mapping van elk oud getal naar een "
                           "nieuw, bijvoorbeeld:  {example}",
    "check.not_convertible": "'{key}' vroeg in {source} iets anders ({old}) dan nu ({new}), en zulke antwoorden "
                             "zijn niet om te zetten. Geef de vraag een nieuwe key, bijvoorbeeld  {new_key}",
    "check.template_file_not_found": "het bestand is niet gevonden. Controleer de naam en de map, of kies een van de "
                                     "sjablonen: {names}.",
    "check.template_unknown": "er is geen sjabloon met deze naam. Beschikbare sjablonen: {names}. Geef een van deze "
                              "namen, of het pad naar een eigen YAML-bestand.",
    "check.copy_bad_name": "de naam mag alleen kleine letters, cijfers, _ en - bevatten en moet met een letter "
                           "beginnen, bijvoorbeeld: {suggestion}",
    "check.copy_exists": "dit bestand bestaat al en wordt niet overschreven. Kies een andere naam.",
    # what a correct line looks like, so a message ends with something to copy
    "check.example": "{field}: ...",
    "check.example.schema_version": "schema_version: 1",
    "check.example.name": "name: mijn_teamleergesprek",
    "check.example.language": "language: nl",
    "check.example.title": "title: Teamleergesprek onderbouw",
    "check.example.blocks": "blocks:  met daaronder  - key: welkom  en  title: Welkom  en  minutes: 10",
    "check.example.block": "- key: welkom  en daaronder  title: Welkom  en  minutes: 10",
    "check.example.question": "- key: mijn_vraag  en daaronder  type: open  en  text: ...",
    "check.example.case": "- key: casus1  en daaronder  title: Casus 1  en  text: ...",
    "check.example.step": "- key: stap1  en daaronder  title: Stap 1  en  questions: [...]",
    "check.example.key": "key: welkom",
    "check.example.minutes": "minutes: 10",
    "check.example.guidance": "guidance: Heet iedereen welkom.",
    "check.example.questions": "questions:  met daaronder  - key: mijn_vraag  en  type: open  en  text: ...",
    "check.example.screen": 'screen:  met daaronder per alinea  - "Kindermishandeling stop je samen."',
    "check.example.prompts": 'prompts:  met daaronder per vraag  - "Herken je signalen?"',
    "check.example.prompt_seconds": "prompt_seconds: 90",
    "check.example.meldcode": "meldcode:  met daaronder  cases:  en  worksheet:",
    "check.example.cases": "cases:  met daaronder  - key: casus1  en  title: Casus 1  en  text: ...",
    "check.example.worksheet": "worksheet:  met daaronder  - key: stap1  en  title: Stap 1  en  questions: [...]",
    "check.example.points": "points:  met daaronder  stickers: 3  en  max_per_point: 2",
    "check.example.stickers": "stickers: 3",
    "check.example.max_per_point": "max_per_point: 2",
    "check.example.levels": "levels: [de professional, het team en de organisatie]",
    "check.example.statuses": "statuses: [nog niet gestart, bezig, klaar]",
    "check.example.type": "type: ordered",
    "check.example.text": 'text: "Hoe vaardig voel jij je?"',
    "check.example.options": "options: [ja, nee]",
    "check.example.mapping": 'mapping: {"redelijk vaardig": vaardig}',
    "check.example.min": "min: 0",
    "check.example.max": "max: 5",
    "check.example.min_label": "min_label: zeer ontevreden",
    "check.example.max_label": "max_label: zeer tevreden",
    "check.example.max_length": "max_length: 500",
    "check.example.private": "private: true",
}

CHECK_EN = {
    "check.ok": "{file}: no problems found.",
    "check.summary": "{n} problem(s) found. Change the file and check again.",
    "check.history_db": "Compared with the questions of {n} session(s) in {db}.",
    "check.source_standard": "the template '{name}' that ships with the kit",
    "check.source_session": "session {code} of {date}",
    "check.file_not_found": "the file was not found. Check the file's name and folder.",
    "check.is_directory": "this is a folder, not a file. Give the path of a .yaml file.",
    "check.unreadable": "the file cannot be read ({reason}). Check that you may open it.",
    "check.not_utf8": "this line contains characters that are not UTF-8 (for example an é or ë from an old editor). "
                      "Save the file with encoding UTF-8 (in Notepad: Save as → Encoding: UTF-8).",
    "check.not_yaml": "the file is not valid YAML ({error}). Check the layout.",
    "check.empty_file": "the file is empty. Start with  schema_version: 1  and fill in the other fields.",
    "check.yaml": "YAML layout error: {problem}",
    "check.yaml_colon": "there is a colon (:) here where YAML does not expect one. Is there a colon in a text? Then "
                        'put the whole text in quotes, for example  title: "Warm-up: what do you think?"  If not, this '
                        "line is indented too far: line it up exactly with the fields above it.",
    "check.yaml_tab": "this line is indented with a tab. YAML accepts only spaces: replace the tab with spaces.",
    "check.yaml_quote": "a text starts here with a quote that is never closed. Put the same quote (\" or ') at the end "
                        "of the text.",
    "check.yaml_documents": "the file holds more than one YAML document (a line with ---). One file is one document: "
                            "remove the --- or make a second file.",
    "check.yaml_alias": "there is a * here that YAML reads as a reference. Put text that starts with * in quotes.",
    "check.yaml_flow": "the list between [ ] is not closed properly or contains a colon. Close the list with ] and put "
                       "options with a colon or comma in quotes.",
    "check.yaml_indent": "the indentation is wrong or there is text in an unexpected place. Fields that belong "
                         "together must be indented exactly as far (with spaces), and text after a closing quote must "
                         "be inside the quotes.",
    "check.unknown_tag": "the value has an unknown YAML tag ({tag}). Remove the word with ! and write only the value.",
    "check.field_not_a_word": "a field name must be a plain word, such as  title:",
    "check.field_twice": "'{name}' appears twice in the same part (also on line {line}). Keep one.",
    "check.unknown_field": "unknown field '{name}'. {hint}",
    "check.unknown_field_guess": "Did you mean '{guess}'? Change the name.",
    "check.unknown_field_list": "Remove the line or use one of: {allowed}.",
    "check.kind_bool": "a yes/no value (true/false)",
    "check.kind_number": "a number",
    "check.kind_date": "a date",
    "check.kind_list": "a list",
    "check.kind_mapping": "a group of fields",
    "check.kind_other": "something other than text",
    "check.kind_loose_text": "loose text",
    "check.version_not_a_number": "'schema_version' must be a whole number, but is '{value}'. "
                                  "Write:  schema_version: {supported}",
    "check.version_too_old": "schema_version {found} is too old: this file was written for version {found}, this kit "
                             "reads version {supported}. Update the file: set  schema_version: {supported}  and run  "
                             "teamleergesprek check  again; it names, line by line, what has to change "
                             "(docs/trainers.md, 'Een ouder sjabloon bijwerken').",
    "check.version_too_new": "schema_version {found} is newer than this kit can read (this kit reads version "
                             "{supported}). Update the kit (get the latest version and run make setup), or use a "
                             "file made for version {supported}.",
    "check.where.file": "the file",
    "check.where.block": "block '{key}'",
    "check.where.block_n": "block {n}",
    "check.where.question": "question '{key}'",
    "check.where.question_n": "question {n}",
    "check.where.case": "case '{key}'",
    "check.where.case_n": "case {n}",
    "check.where.step": "step '{key}'",
    "check.where.step_n": "worksheet step {n}",
    "check.where.option": "option {n}",
    "check.where.line": "'{name}' line {n}",
    "check.required": "'{name}' is missing. {hint}, for example:  {example}",
    "check.missing_hint": "Add the field",
    "check.missing_hint.options": "Put a list of answer options under the question",
    "check.missing_hint.blocks": "Put the list of blocks at the bottom of the file",
    "check.missing_hint.schema_version": "Put it at the top of the file",
    "check.other_type_field": "'{name}' does not belong to a question of type '{type}'. Remove the line, or choose "
                              "another type.",
    "check.root_not_mapping": "the file must start with fields such as  schema_version: 1  and  name: ..., but starts "
                              "with {kind}. Remove the dash or the loose text at the start.",
    "check.empty_text": "{subject} is empty. Fill in a text, for example:  {example}",
    "check.text_is_collection": "{subject} must be one text, but is {kind}. Write the text after the colon.",
    "check.text_is_other": "{subject} must be text, but YAML reads {value} as {kind}. Put it in quotes: \"{value}\"",
    "check.integer_quoted": "{subject} is in quotes. Remove them, so that it is a number:  {field}: {value}",
    "check.integer_fraction": "{subject} must be a whole number, without a comma or point, for example:  {example}",
    "check.integer_empty": "{subject} is empty. Fill in a whole number, for example:  {example}",
    "check.integer_other": "{subject} must be a whole number, but is '{value}'. Write it in digits, for example:  "
                           "{example}",
    "check.not_a_list": "{subject} must be a list: start each item on a new line with a dash, for example:  {example}",
    "check.not_a_list.options": "{subject} must be a list, between [ ] or with a dash per option, for example:  "
                                "{example}",
    "check.empty_list": "{subject} is empty. Put at least one item under it, for example:  {example}",
    "check.empty_list.blocks": "{subject} holds no blocks. Put at least one under it, for example:  {example}",
    "check.not_a_mapping": "{subject} must have fields under it, for example:  {example}",
    "check.item_not_mapping": "{subject} must have fields, each on its own line under the dash, for example:  "
                              "{example}",
    "check.not_a_boolean": "{subject} must be true or false, for example:  {example}",
    "check.wrong_type": "{subject} does not have the right form. Write it as in this example:  {example}",
    "check.guess": "Did you mean '{guess}'? ",
    "check.unknown_question_type": "unknown question type '{value}'. {guess}Choose from: {types}.",
    "check.qtype": "{type}",
    "check.qtype.ordered": "ordered (options in an order, such as very skilled … not skilled)",
    "check.qtype.choice": "choice (options without an order)",
    "check.qtype.scale": "scale (a scale of numbers, such as 0 to 5)",
    "check.qtype.open": "open (free text)",
    "check.qtype.punten": "punten (participants divide 100 points over the options)",
    "check.enum": "{subject} is '{value}'. Choose from: {choices}.",
    "check.between": "{subject} is {value}, but must be between {low} and {high}. Change the number.",
    "check.at_least": "{subject} is {value}, but must be at least {low}. Change the number.",
    "check.at_most": "{subject} is {value}, but may be at most {high}. Change the number.",
    "check.pattern": "{subject} is '{value}', which is not possible here. Write it as in this example:  {example}",
    "check.pattern.key": "{subject} is '{value}', but may only contain lower-case letters, digits and _ and must start "
                         "with a letter. Write for example:  key: {suggestion}",
    "check.pattern.name": "{subject} is '{value}', but may only contain lower-case letters, digits, _ and - and must "
                          "start with a letter. Write for example:  name: {suggestion}",
    "check.pattern.language": "{subject} is '{value}', but must be a language code of two lower-case letters, for "
                              "example:  language: en",
    "check.too_few": "{subject} has too few items: at least {n}. For example:  {example}",
    "check.too_few.blocks": "{subject} holds no blocks. Put at least one under it, for example:  {example}",
    "check.too_few.options": "{subject} needs at least two different answer options, for example:  {example}",
    "check.needs": "'{name}' only works together with '{needed}', but this block has no '{needed}'. Add it, for "
                   "example:  {example}",
    "check.schema_other": "{subject} does not fit the form of a template ({kind}). Compare it with the example in "
                          "docs/trainers.md.",
    "check.key_not_a_word": "'key' must be one word, for example:  key: welcome",
    "check.key_empty": "'key' is empty. Fill in a short name, for example:  key: welcome",
    "check.key_twice": "the key '{key}' already appears on line {line}. {hint}",
    "check.key_twice_at": "{where}: the key '{key}' already appears on line {line}. {hint}",
    "check.unique_hint.block": "Give each block a key of its own.",
    "check.unique_hint.question": "Give each question in the template a key of its own; trends link the answers "
                                  "through that key.",
    "check.unique_hint.case": "Give each case a key of its own.",
    "check.unique_hint.step": "Give each step a key of its own.",
    "check.unique_hint.section": "Give each section a key of its own.",
    "check.meldcode_and_points": "a block can have 'meldcode' or 'points', not both. Put them in two blocks.",
    "check.per_point_above_stickers": "'max_per_point' ({per_point}) is larger than the number of stickers "
                                      "({stickers}). Make it smaller or equal.",
    "check.option_twice": "option '{option}' appears twice in the list (also as option {first}). Each option must be "
                          "different: remove the duplicate.",
    "check.scale_order": "'max' ({high}) must be larger than 'min' ({low}). For example:  min: 0  and  max: 5",
    "check.scale_steps": "the scale from {low} to {high} has {steps} steps; at most {most} fit on a phone. Make the "
                         "scale smaller, for example:  min: 0  and  max: 10",
    "check.punten_options": "a question of type 'punten' has at most {most} options; this one has {n}. More rows of "
                            "buttons do not fit on a phone: merge options or make two questions of it.",
    "check.mapping_target": "'{old}' is mapped to '{target}', but that is not an answer option of this question. "
                            "Choose one of: {options}.",
    "check.new_key": "key: {key}",
    "check.options_changed": "the answer options of '{key}' differ from those in {source} (before: {old}; now: "
                             "{new}). The trends of this question would no longer be comparable. Give the question a "
                             "new key (for example  {new_key}), or put a mapping from each old option to a new one "
                             "under the question, for example:  {example}",
    "check.scale_changed": "the scale of '{key}' differs from the one in {source} (before: {old}; now: {new}). The "
                           "trends of this question would no longer be comparable. Give the question a new key (for "
                           "example  {new_key}), or put a mapping from each old number to a new one under the "
                           "question, for example:  {example}",
    "check.not_convertible": "'{key}' asked something else in {source} ({old}) than now ({new}), and such answers "
                             "cannot be converted. Give the question a new key, for example  {new_key}",
    "check.template_file_not_found": "the file was not found. Check the name and the folder, or choose one of the "
                                     "templates: {names}.",
    "check.template_unknown": "there is no template with this name. Available templates: {names}. Give one of these "
                              "names, or the path of your own YAML file.",
    "check.copy_bad_name": "the name may only contain lower-case letters, digits, _ and - and must start with a "
                           "letter, for example: {suggestion}",
    "check.copy_exists": "this file already exists and is not overwritten. Choose another name.",
    "check.example": "{field}: ...",
    "check.example.schema_version": "schema_version: 1",
    "check.example.name": "name: my_team_conversation",
    "check.example.language": "language: en",
    "check.example.title": "title: Team learning conversation, lower school",
    "check.example.blocks": "blocks:  with under it  - key: welcome  and  title: Welcome  and  minutes: 10",
    "check.example.block": "- key: welcome  with under it  title: Welcome  and  minutes: 10",
    "check.example.question": "- key: my_question  with under it  type: open  and  text: ...",
    "check.example.case": "- key: case1  with under it  title: Case 1  and  text: ...",
    "check.example.step": "- key: step1  with under it  title: Step 1  and  questions: [...]",
    "check.example.key": "key: welcome",
    "check.example.minutes": "minutes: 10",
    "check.example.guidance": "guidance: Welcome everyone.",
    "check.example.questions": "questions:  with under it  - key: my_question  and  type: open  and  text: ...",
    "check.example.screen": 'screen:  with one paragraph per line  - "Stopping child abuse is a joint effort."',
    "check.example.prompts": 'prompts:  with one question per line  - "Do you recognise signs?"',
    "check.example.prompt_seconds": "prompt_seconds: 90",
    "check.example.meldcode": "meldcode:  with under it  cases:  and  worksheet:",
    "check.example.cases": "cases:  with under it  - key: case1  and  title: Case 1  and  text: ...",
    "check.example.worksheet": "worksheet:  with under it  - key: step1  and  title: Step 1  and  questions: [...]",
    "check.example.points": "points:  with under it  stickers: 3  and  max_per_point: 2",
    "check.example.stickers": "stickers: 3",
    "check.example.max_per_point": "max_per_point: 2",
    "check.example.levels": "levels: [the professional, the team and the organisation]",
    "check.example.statuses": "statuses: [not started, in progress, done]",
    "check.example.type": "type: ordered",
    "check.example.text": 'text: "How skilled do you feel?"',
    "check.example.options": 'options: ["yes", "no"]',
    "check.example.mapping": 'mapping: {"fairly skilled": skilled}',
    "check.example.min": "min: 0",
    "check.example.max": "max: 5",
    "check.example.min_label": "min_label: very dissatisfied",
    "check.example.max_label": "max_label: very satisfied",
    "check.example.max_length": "max_length: 500",
    "check.example.private": "private: true",
}

NL.update(CHECK_NL)
EN.update(CHECK_EN)

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
