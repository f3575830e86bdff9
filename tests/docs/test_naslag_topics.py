"""The naslag is complete in substance (issue 11.5): every topic of the handbook's background chapter is in it, in
Dutch and in English, so a facilitator and the phones need no paper handbook beside them."""

import pytest

from kit.authoring.naslag import load_reference

TOPICS = {
    "what child abuse and domestic violence are, and the forms (neglect the largest)": (
        ("wat is kindermishandeling", "huiselijk geweld is", "lichamelijke mishandeling", "seksueel misbruik",
         "emotionele of psychische mishandeling", "verwaarlozing", "dit is de grootste groep",
         "getuige zijn van huiselijk geweld"),
        ("what is child abuse", "domestic violence is", "physical abuse", "sexual abuse",
         "emotional or psychological abuse", "neglect", "this is the largest group", "witnessing domestic violence"),
    ),
    "signs, among them a sudden change in behaviour": (
        ("signalen", "plotselinge verandering in gedrag", "niet-pluis-gevoel"),
        ("signs", "sudden change in behaviour", "gut feeling"),
    ),
    "risk factors and protective factors": (
        ("risicofactoren", "beschermende factoren", "verslaving", "veerkracht", "steun ervaren"),
        ("risk factors", "protective factors", "addiction", "resilience", "experiencing support"),
    ),
    "why children do not tell": (
        ("waarom kinderen het niet vertellen", "loyaal aan hun ouders", "bang dat niemand hen gelooft"),
        ("why children do not tell", "loyal to their parents", "afraid nobody will believe them"),
    ),
    "consequences": (
        ("gevolgen voor de leerling", "basisvertrouwen", "depressie"),
        ("consequences for the pupil", "basic trust", "depression"),
    ),
    "the five meldcode steps with the afwegingskader": (
        ("stap 1", "stap 2", "stap 3", "stap 4", "stap 5", "afwegingskader", "acute of structurele onveiligheid",
         "is melden noodzakelijk?", "is hulp verlenen of organiseren (ook) mogelijk?"),
        ("step 1", "step 2", "step 3", "step 4", "step 5", "afwegingskader", "acute or structural lack of safety",
         "is a report necessary?", "is giving or organising help (also) possible?"),
    ),
    "anonymous advice versus a report to Veilig Thuis, and what happens after (safety assessment)": (
        ("advies:", "anoniem", "melding:", "veiligheidsbeoordeling", "veiligheidsvoorwaarden", "onderzoek",
         "wijkteam"),
        ("advice:", "anonymously", "a report:", "safety assessment", "safety conditions", "investigation",
         "wijkteam"),
    ),
    "talking with a pupil and with parents, including how to open": (
        ("in gesprek met een leerling", "in gesprek met ouders", "hoe open je het gesprek?", "hoe gaat het thuis?",
         "ik wil even met u praten omdat ik me zorgen maak."),
        ("talking with a pupil", "talking with parents", "how do you open the conversation?",
         "how are things at home?", "i would like to talk with you because i am worried."),
    ),
    "nazorg at school after a report": (
        ("nazorg op school", "afrondend gesprek", "adviezen voor de omgang met leerling en ouders"),
        ("aftercare at school", "closing talk", "advice on dealing with the pupil and the parents"),
    ),
    "where to find more, by name": (
        ("www.nji.nl/kindermishandeling", "nederlands jeugdinstituut", "augeo", "po-raad en vo-raad", "veilig thuis",
         "marike van gemert", "bijtijds erbij zijn"),
        ("www.nji.nl/kindermishandeling", "netherlands youth institute", "augeo", "po-raad and vo-raad",
         "veilig thuis", "marike van gemert", "bijtijds erbij zijn"),
    ),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("topic", list(TOPICS))
def test_every_topic_of_the_background_chapter_is_in_the_naslag(lang, topic):
    reference = load_reference(lang)
    text = " ".join([s.title for s in reference] + [item for s in reference for item in s.items]).casefold()
    phrases = TOPICS[topic][0 if lang == "nl" else 1]
    missing = [p for p in phrases if p not in text]
    assert not missing, f"{lang}: {topic}: {missing}"


def test_both_languages_have_the_same_sections_in_the_same_order():
    assert load_reference("nl").keys == load_reference("en").keys
