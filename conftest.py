"""For nbval: every notebook under notebooks/ runs against a fresh, seeded temporary database.

Kernels started by nbval inherit this process's environment, so the database, the session and the page's
query string are set here when the first notebook is collected (before any kernel starts).
"""

import os
import tempfile

_seeded = False


def pytest_collect_file(file_path, parent):
    global _seeded
    if file_path.suffix != ".ipynb" or _seeded:
        return None
    from kit.store import Store
    from kit.authoring import load_template

    folder = tempfile.mkdtemp(prefix="teamleergesprek-nbval-")
    url = f"sqlite:///{folder}/nbval.sqlite"
    from kit.history.demo import load_demo

    template = load_template("teamleergesprek")
    with Store(url) as store:
        load_demo(store)  # the trends notebook runs on the demo history, as a new user would see it
        record = store.sessions.create_session(template.to_dict(), "Testteam (nbval)", "2026-11-28", template.blocks[0].key)
    os.environ.update(
        TEAMLEERGESPREK_DB=url,
        TEAMLEERGESPREK_SESSION=record.code,
        QUERY_STRING=f"code={record.code}",
        MPLBACKEND="Agg",
    )
    _seeded = True
    return None
