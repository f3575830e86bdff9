"""What counts as Dutch in an English run: every NL catalog string that differs from its English one, and every text
of the Dutch standard template and naslag that the English ones do not share. Matched as whole strings (a
placeholder matches any text, word boundaries at both ends), never as single words, so short common words in
English text ("Team", "Code", "in") are no false alarm."""

import re


def dutch_patterns() -> list[tuple[str, re.Pattern]]:
    from kit import i18n
    from kit.reference import load_reference
    from kit.templates import load_template

    patterns = []
    for key, dutch in i18n.NL.items():
        if dutch == i18n.EN[key]:
            continue
        fixed = re.split(r"\{\w+\}", dutch)
        if sum(len(re.findall(r"[^\W\d_]", part)) for part in fixed) < 4:
            continue  # a decimal comma, "{n} min": nothing a reader would call Dutch
        body = r".{1,40}?".join(re.escape(part) for part in fixed)  # a filled-in value: a name, a number, a title
        patterns.append((f"catalog {key}", re.compile(rf"(?<!\w){body}(?!\w)")))

    template = load_template("teamleergesprek").to_dict()
    texts = set()

    def strings(value):
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for inner in value.values():
                strings(inner)
        elif isinstance(value, list):
            for inner in value:
                strings(inner)

    strings({k: v for k, v in template.items() if k not in ("name", "language", "schema_version")})
    naslag = load_reference("nl")
    texts |= {naslag.title, naslag.bron} | {s.title for s in naslag} | {i for s in naslag for i in s.items}
    english = load_template("teamleergesprek.en").to_dict()
    same = set()

    def english_strings(value):
        if isinstance(value, str):
            same.add(value)
        elif isinstance(value, (dict, list)):
            for inner in value.values() if isinstance(value, dict) else value:
                english_strings(inner)

    english_strings(english)
    for text in sorted(texts - same):
        text = text.removeprefix("- ")
        if re.search(r"[^\W\d_]{2,}", text):
            patterns.append((f"template {text[:40]!r}", re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")))
    return patterns


def dutch_in(text: str, patterns) -> list[str]:
    text = " ".join(text.split())
    return [name for name, pattern in patterns if pattern.search(text)]
