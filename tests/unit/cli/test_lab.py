"""`teamleergesprek lab`: JupyterLab on notebooks/ on 127.0.0.1 with a key, the kit's Python, its database."""

from __future__ import annotations

import sys
from pathlib import Path

from kit import settings
from kit.cli import build_parser
from kit.cli.lab import LAB_PORT, lab_command


def test_lab_is_a_command_with_its_port_and_no_browser():
    args = build_parser().parse_args(["--db", "sqlite:///x.sqlite", "lab", "--no-browser"])
    assert (args.port, args.no_browser, args.db) == (LAB_PORT, True, "sqlite:///x.sqlite")


def test_lab_runs_jupyterlab_on_this_laptop_with_the_kits_database(tmp_path, monkeypatch):
    monkeypatch.delenv(settings.DB_URL_ENV, raising=False)
    argv, env = lab_command(f"sqlite:///{tmp_path}/school.sqlite", 18999, False, "key")
    assert argv[:3] == [sys.executable, "-m", "jupyterlab"]
    assert "--ServerApp.ip=127.0.0.1" in argv and "--ServerApp.port=18999" in argv
    assert "--IdentityProvider.token=key" in argv and "--ServerApp.open_browser=False" in argv
    assert f"--ServerApp.root_dir={settings.NOTEBOOKS.parent}" in argv
    assert "--LabApp.default_url=/lab/tree/notebooks" in argv
    assert env[settings.DB_URL_ENV] == f"sqlite:///{tmp_path}/school.sqlite"
    assert env["PATH"].split(":")[0] == str(Path(sys.executable).parent)  # `teamleergesprek check` in its terminal


def test_lab_makes_a_relative_database_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(settings.DB_URL_ENV, raising=False)
    _, env = lab_command(None, 18999, True, "key")
    assert env[settings.DB_URL_ENV] == f"sqlite:///{tmp_path}/data/teamleergesprek.sqlite"
