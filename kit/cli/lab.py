"""`lab`: JupyterLab on notebooks/ (the kit's folder as its root), for trainers and the zorgteam who adapt notebooks and templates or ask their own
question with `kit.data` (docs/analyse.md). Only on this laptop (127.0.0.1), with a key in the link.

JupyterLab runs with the kit's own Python, so its notebooks' kernels and its terminal find the kit and the
`teamleergesprek` command (`teamleergesprek check BESTAND.yaml` from JupyterLab's terminal), and with the
command's database (`--db`, else TEAMLEERGESPREK_DB, else the kit's default, made absolute) and `--lang`.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

from kit import settings
from kit.cli.common import child_environment, run_until_stopped
from kit.cli.registry import arg, command
from kit.i18n import t
from kit.store import resolve_db_url

LAB_PORT = 8870


def lab_command(db: str | None, port: int, open_browser: bool, token: str) -> tuple[list[str], dict[str, str]]:
    """(argv, environment) of the JupyterLab process `lab` starts."""
    from kit.serving.launcher import absolute_db_url

    kit_root = str(Path(__file__).resolve().parents[2])
    bin_dir = str(Path(sys.executable).parent)
    env = child_environment({settings.DB_URL_ENV: absolute_db_url(resolve_db_url(db))},
                            {"PATH": bin_dir, "PYTHONPATH": kit_root})
    # The kit's folder as the root, opened on notebooks/: data/templates/ (a school's own templates) is reachable
    # in the file browser, and the terminal starts where `teamleergesprek check data/templates/...` works.
    argv = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={settings.NOTEBOOKS.parent}",
            f"--LabApp.default_url=/lab/tree/{settings.NOTEBOOKS.name}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--ServerApp.open_browser={open_browser}", f"--IdentityProvider.token={token}"]
    return argv, env


@command("lab", help="cli.help.lab", args=(
    arg("--port", type=int, default=LAB_PORT, metavar="POORT", help="cli.help.port"),
    arg("--no-browser", action="store_true", help="cli.help.lab.no_browser"),
))
def cmd_lab(args) -> int:
    token = secrets.token_urlsafe(24)
    argv, env = lab_command(args.db, args.port, not args.no_browser, token)
    process = subprocess.Popen(argv, cwd=settings.NOTEBOOKS.parent, env=env, start_new_session=True)
    link = f"http://127.0.0.1:{args.port}/lab/tree/{settings.NOTEBOOKS.name}?token={token}"
    print(f"{t('cli.lab_title')}: {link}")
    return run_until_stopped(process)
