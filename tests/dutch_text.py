"""What counts as Dutch in an English run: every NL catalog string that differs from its English one, and every text
of the Dutch standard template and naslag that the English ones do not share. Matched as whole strings (a
placeholder matches any text, word boundaries at both ends), never as single words, so short common words in
English text ("Team", "Code", "in") are no false alarm."""

import re


def dutch_patterns() -> list[tuple[str, re.Pattern]]:
    from kit import i18n
    from kit.authoring.naslag import load_reference
    from kit.authoring import load_template

    patterns = []
    dutch_catalog, english = i18n.catalog("nl").messages, i18n.catalog("en").messages
    pairs = ((key, form, english_form) for key, text in dutch_catalog.items()
             for form, english_form in (zip(text, english[key]) if isinstance(text, tuple) else [(text, english[key])]))
    for key, dutch, english_text in pairs:
        if dutch == english_text:
            continue
        fixed = re.split(r"\{\w+\}", dutch)
        if sum(len(re.findall(r"[^\W\d_]", part)) for part in fixed) < 4:
            continue  # a decimal comma, "{n} min": nothing a reader would call Dutch
        body = r".{1,40}?".join(re.escape(part) for part in fixed)  # a filled-in value: a name, a number, a title
        patterns.append((f"catalog {key}", re.compile(rf"(?<!\w){body}(?!\w)")))

    template = load_template("teamleergesprek").to_dict()
    dutch = _strings({k: v for k, v in template.items() if k not in ("name", "language")})
    naslag = load_reference("nl")
    dutch |= {naslag.title, naslag.bron} | {s.title for s in naslag} | {i for s in naslag for i in s.items}
    for text in sorted(dutch - _strings(load_template("teamleergesprek.en").to_dict())):
        text = text.removeprefix("- ")
        if re.search(r"[^\W\d_]{2,}", text):
            patterns.append((f"template {text[:40]!r}", re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")))
    return patterns


def _strings(value) -> set[str]:
    """Every string in a template's plain data (keys such as 'vaardigheid' too: the English one has them as well)."""
    if isinstance(value, str):
        return {value}
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*map(_strings, inner))


def dutch_in(text: str, patterns) -> list[str]:
    text = " ".join(text.split())
    return [name for name, pattern in patterns if pattern.search(text)]
