"""Every TEAMLEERGESPREK_* environment variable the kit reads or sets is named in kit/settings.py, the one place
a reader looks for them; only kit.settings (and kit.i18n, for the language it reads and sets) touch os.environ."""

import re
from pathlib import Path

import kit
from kit import settings

KIT = Path(kit.__file__).parent
NAME = re.compile(r"TEAMLEERGESPREK_[A-Z_]+")
# kit.i18n reads and sets the language and its catalogs' folders; serving and the cli copy the whole environment for the processes they start;
# the phone's kernel reads its own page request (QUERY_STRING) from it.
ENVIRON_ALLOWED = {"settings.py", "i18n/__init__.py", "serving/launcher.py", "cli/common.py", "apps/page_request.py"}


def test_every_variable_of_the_kit_is_named_in_settings():
    named = {value for name, value in vars(settings).items() if name.endswith("_ENV")}
    used = {match for path in KIT.rglob("*.py") for match in NAME.findall(path.read_text(encoding="utf-8"))}
    assert used - named == set()


def test_only_settings_reads_the_environment():
    readers = {str(path.relative_to(KIT)) for path in KIT.rglob("*.py")
               if re.search(r"os\.environ|os\.getenv", path.read_text(encoding="utf-8"))}
    assert readers <= ENVIRON_ALLOWED, readers - ENVIRON_ALLOWED
