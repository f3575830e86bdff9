"""Every string a participant or facilitator sees, in gettext catalogs: kit/i18n/locale/<lang>/LC_MESSAGES/kit.po.

Dutch (nl) is the source: every key is in its catalog, and another catalog that lacks a key falls back to it (the
catalog tests fail on such a gap, so only a trainer's own half-done catalog ever shows Dutch). msgid is the key,
msgstr the text with str.format placeholders (`{name}`); a count is a plural entry (msgid_plural, msgstr[0], …)
whose form the catalog's Plural-Forms header chooses from `n`.

`t("key", name=value)` formats the string of the language in TEAMLEERGESPREK_LANG (default nl). A command sets
the language once with `set_language` (kit.cli's `--lang`): the variable then reaches everything the command
starts, the Voilà servers and each of their kernels included, so no page decides its language on its own.
The languages are the folders of kit/i18n/locale and of the folders in TEAMLEERGESPREK_LOCALE_DIRS (separated by
os.pathsep, searched first; `add_locale_dir`), so a trainer adds German by adding de/LC_MESSAGES/kit.po.
Dates and numbers are written the way the language writes them (`long_date`, `number`).
"""

from __future__ import annotations

import gettext
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable

from kit.i18n.po import read_po

LANG_ENV = "TEAMLEERGESPREK_LANG"
LOCALE_DIRS_ENV = "TEAMLEERGESPREK_LOCALE_DIRS"
LOCALE = Path(__file__).with_name("locale")
DOMAIN = "kit"
SOURCE = "nl"


@dataclass(frozen=True)
class Catalog:
    lang: str
    path: Path
    messages: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]  # n -> the index of its form in a plural entry

    def keys(self) -> list[str]:
        return list(self.messages)


def locale_dirs() -> list[Path]:
    """Where catalogs are looked for: TEAMLEERGESPREK_LOCALE_DIRS first (a trainer's own), then the kit's."""
    extra = os.environ.get(LOCALE_DIRS_ENV, "")
    return [Path(d) for d in extra.split(os.pathsep) if d] + [LOCALE]


def add_locale_dir(path) -> None:
    """Look for catalogs in `path` too, in this process and every process it starts (servers, kernels)."""
    os.environ[LOCALE_DIRS_ENV] = os.pathsep.join([str(path)] + [str(d) for d in locale_dirs()[:-1]])


def languages() -> tuple[str, ...]:
    """Every language with a catalog: Dutch first, then by code."""
    return _languages(os.environ.get(LOCALE_DIRS_ENV, ""))


@lru_cache(maxsize=8)
def _languages(dirs: str) -> tuple[str, ...]:
    found = set(_catalog_paths(dirs))
    return (SOURCE, *sorted(found - {SOURCE}))


@lru_cache(maxsize=8)
def _catalog_paths(dirs: str) -> dict[str, Path]:
    paths: dict[str, Path] = {}
    for folder in locale_dirs():
        for po in sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            paths.setdefault(po.parent.parent.name, po)
    return paths


def catalog(lang: str = SOURCE) -> Catalog:
    """The catalog of `lang` as it is on disk (read once per process)."""
    return _read(_catalog_paths(os.environ.get(LOCALE_DIRS_ENV, ""))[lang], lang)


@lru_cache(maxsize=16)
def _read(path: Path, lang: str) -> Catalog:
    header, messages = read_po(path)
    rule = header.get("Plural-Forms") or _babel_plural_forms(lang)
    expression = rule.split("plural=", 1)[1].rstrip(";").strip()
    return Catalog(lang, path, messages, gettext.c2py(expression))


def _babel_plural_forms(lang: str) -> str:
    """A catalog without a Plural-Forms header gets its language's rule from Babel (CLDR data, per locale)."""
    from babel.messages.plurals import get_plural

    return get_plural(lang).plural_forms


def __getattr__(name: str):
    # LANGUAGES and CATALOGS are read from the locale folders when asked, so a catalog added later shows up.
    if name == "LANGUAGES":
        return languages()
    if name == "CATALOGS":
        return {lang: catalog(lang).messages for lang in languages()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def language() -> str:
    lang = os.environ.get(LANG_ENV, SOURCE)
    return lang if lang in languages() else SOURCE


def set_language(lang: str) -> None:
    """The language of this process and of every process it starts from now on (servers, kernels)."""
    if lang not in languages():
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(languages())}")
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
    """The text of `key` in this process's language; a plural entry takes its form from `n`."""
    return translate(language(), key, **values)


def tn(key: str, count: int, /, **values) -> str:
    """ngettext: the form of plural entry `key` for `count` (also the `{n}` in the text unless `n` is given)."""
    values.setdefault("n", count)
    return _format(language(), key, count, values)


def translate(lang: str, key: str, /, **values) -> str:
    """The text of `key` in `lang` (Dutch when that catalog or the key is missing)."""
    return _format(lang, key, values.get("n"), values)


def _format(lang: str, key: str, count, values: dict) -> str:
    book = catalog(lang) if lang in languages() else catalog(SOURCE)
    text = book.messages.get(key)
    if text is None:
        book = catalog(SOURCE)
        text = book.messages[key]
    if isinstance(text, tuple):
        if count is None:
            raise TypeError(f"{key!r} has plural forms: give n (t) or a count (tn)")
        text = text[min(book.plural(int(count)), len(text) - 1)]
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
