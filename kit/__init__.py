"""Teamleergesprek kit: a self-hosted workshop kit for a teamleergesprek about huiselijk geweld en kindermishandeling.

Kept empty on purpose: a participant kernel imports `kit.apps.participant` and must not pay for anything else.
"""

__version__ = "0.1.0"
