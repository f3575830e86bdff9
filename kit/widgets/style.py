"""Page styling shipped as a <style> widget, so the kit needs no custom Voilà template."""

from __future__ import annotations

import ipywidgets as widgets

# A download link that looks like a button: the facilitator's and zorgteam's pages and the preparation page.
DOWNLOAD_CSS = """.tlg-download { display: inline-block; padding: 10px 16px; margin: 4px 8px 4px 0; background: #1f4e79;
  color: #fff !important; border-radius: 8px; font-weight: 700; text-decoration: none; }
"""

PARTICIPANT_CSS = """
<style>
body, .jp-Notebook, .voila-container { background: #ffffff; }
.tlg-phone { max-width: 560px; margin: 0 auto; font-size: 20px; color: #111; box-sizing: border-box; padding-right: 6px; }
.tlg-phone .jupyter-widgets { box-sizing: border-box; max-width: 100%; }
.tlg-phone .widget-html-content { font-size: 20px; line-height: 1.4; }
.tlg-title .widget-html-content { font-size: 22px; font-weight: 700; color: #1f4e79; }
.tlg-question .widget-html-content { font-size: 24px; font-weight: 700; margin: 8px 0 12px; }
.tlg-notepad { display: flex; flex-direction: column; gap: 6px; margin-top: 12px; }
.tlg-notepad-title { font-size: 18px; font-weight: 700; }
.tlg-notepad-privacy { font-size: 16px; margin: 0; color: #333; }
.tlg-notepad textarea { font: inherit; font-size: 18px; min-height: 44px; width: 100%; box-sizing: border-box;
  padding: 8px; border: 2px solid #1f4e79; border-radius: 6px; }
.tlg-thinking .widget-html-content { font-size: 22px; font-weight: 700; color: #1f4e79; font-variant-numeric: tabular-nums; }
.tlg-hint .widget-html-content { font-size: 16px; color: #444; }
.tlg-status .widget-html-content { font-size: 20px; font-weight: 700; min-height: 28px; }
.tlg-status-ok .widget-html-content { color: #116622; }
.tlg-status-error .widget-html-content { color: #b00020; }
.tlg-phone button.tlg-option { height: auto; min-height: 64px; font-size: 22px; white-space: normal;
  border-radius: 12px; margin: 6px 0; border: 2px solid #1f4e79; background: #fff; color: #1f4e79; }
.tlg-phone button.tlg-option.tlg-selected { background: #1f4e79; color: #fff; }
.tlg-phone button.tlg-scale { min-height: 64px; font-size: 24px; border-radius: 12px; margin: 3px;
  border: 2px solid #1f4e79; background: #fff; color: #1f4e79; }
.tlg-phone button.tlg-scale.tlg-selected { background: #1f4e79; color: #fff; }
.tlg-phone button.tlg-send { min-height: 60px; font-size: 22px; border-radius: 12px; background: #1f4e79; color: #fff; }
.tlg-phone textarea { font-size: 20px; border-radius: 8px; }
.tlg-phone input { font-size: 24px; height: 56px; text-transform: uppercase; letter-spacing: 4px; }
.tlg-waiting .widget-html-content { font-size: 28px; text-align: center; padding: 40px 0 8px; color: #1f4e79; }
.tlg-point { font-size: 20px; padding: 10px 12px; margin-top: 10px; background: #fff8d6; border: 2px solid #c9b458;
  border-radius: 10px; overflow-wrap: anywhere; }
.tlg-dots { font-size: 22px; color: #1f4e79; letter-spacing: 4px; min-height: 24px; }
.tlg-prompt-list { padding-left: 1.4em; margin: 4px 0; }
.tlg-prompt-list li { margin: 0 0 14px; overflow-wrap: anywhere; }
.tlg-prompt-list li[aria-current] { background: #e8f0f8; border-left: 4px solid #1f4e79; padding: 4px 8px; }
.tlg-on-screen { font-size: 16px; color: #1f4e79; }
.tlg-route-mark { display: inline-block; font-size: 0.75em; font-weight: 700; color: #fff; background: #8a4b00;
  border-radius: 6px; padding: 1px 6px; margin-right: 4px; vertical-align: middle; }
</style>
"""

PROJECTOR_CSS = """
<style>
""" + DOWNLOAD_CSS + """body, .jp-Notebook, .voila-container { background: #ffffff; }
/* The room view: one screen, no scrolling, at 1024×768 as at 1920×1080. Fixed to the window, so Voilà's page
   margins do not count; the columns share out the height with flex and the chart scales into what is left. */
.tlg-projector { color: #111; font-size: 22px; }
.tlg-room { position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 5; background: #fff;
  box-sizing: border-box; padding: 6px 14px 8px; overflow: hidden; gap: 4px; }
.tlg-room > * { flex: 0 0 auto; }
.tlg-room > .tlg-room-body { flex: 1 1 0; min-height: 0; gap: 14px; }
.tlg-room-body > .tlg-agenda { flex: 0 0 auto; width: clamp(190px, 16vw, 260px); overflow: hidden; }
.tlg-room-main { flex: 1 1 0; min-width: 0; min-height: 0; overflow: hidden; }
.tlg-room-main > * { flex: 0 0 auto; min-height: 0; }
.tlg-room-main > .tlg-results { flex: 1 1 0; }
.tlg-room-main > .tlg-activity, .tlg-room-main > .tlg-private { flex: 0 1 auto; overflow: auto; }
.tlg-room-main > .tlg-under-private { display: none !important; }
.tlg-results > * { flex: 0 0 auto; }
.tlg-results > .tlg-chart { flex: 1 1 0; min-height: 0; }
.tlg-results > .tlg-answers-row { flex: 1 1 0; min-height: 0; gap: 16px; }
.tlg-answers-row > .tlg-cards { flex: 1 1 0; overflow: hidden; }
.tlg-words > .tlg-chart { flex: 1 1 0; }
.tlg-projector .widget-html-content { font-size: clamp(18px, 1.1vw + 0.9vh, 26px); line-height: 1.3;
  overflow-wrap: break-word; hyphens: auto; }
.tlg-projector button { height: auto; min-height: 44px; font-size: clamp(16px, 0.8vw + 0.6vh, 20px);
  border-radius: 8px; white-space: nowrap; overflow: visible; text-overflow: clip; width: auto; }
.tlg-room-top { align-items: center; gap: 16px; }
.tlg-room-top > * { flex: 0 0 auto; }
.tlg-room-top > .tlg-block-title { flex: 1 1 auto; min-width: 0; }
.tlg-block-title { flex: 1 1 auto; min-width: 0; }
.tlg-block-title .widget-html-content { font-size: clamp(26px, 1.8vw + 1.4vh, 46px); font-weight: 700;
  color: #1f4e79; line-height: 1.15; }
.tlg-question-big .widget-html-content { font-size: clamp(24px, 1.4vw + 1.3vh, 40px); font-weight: 700; line-height: 1.2; }
.tlg-count .widget-html-content { font-size: clamp(22px, 1vw + 1.2vh, 34px); font-weight: 700; color: #111; }
.tlg-timer .widget-html-content { font-size: clamp(36px, 2vw + 2vh, 64px); font-weight: 700;
  font-variant-numeric: tabular-nums; color: #111; white-space: nowrap; }
.tlg-timer-over .widget-html-content { color: #b00020; }
.tlg-agenda .widget-html-content { font-size: clamp(16px, 0.6vw + 0.9vh, 22px); }
.tlg-agenda .tlg-agenda-item { margin: 2px 0; border-radius: 6px; }
.tlg-agenda .tlg-agenda-item .widget-html-content { padding: 4px 8px; }
.tlg-agenda button.tlg-agenda-item { min-height: 0; padding: 4px 8px; text-align: left; background: #f3f6fa;
  color: #111; font-size: clamp(16px, 0.7vw + 0.9vh, 22px); white-space: normal; }
.tlg-agenda .tlg-agenda-item.tlg-current, .tlg-agenda .tlg-agenda-item.tlg-current .widget-html-content {
  background: #1f4e79; color: #fff; font-weight: 700; }
.tlg-agenda .tlg-agenda-item.tlg-skipped, .tlg-agenda .tlg-agenda-item.tlg-skipped .widget-html-content {
  text-decoration: line-through; color: #555; }
.tlg-agenda button.tlg-agenda-skip { min-height: 0; margin: 0 0 4px 12px; padding: 2px 8px;
  font-size: clamp(14px, 0.5vw + 0.7vh, 18px); }
.tlg-agenda .tlg-agenda-remaining .widget-html-content { font-size: clamp(15px, 0.5vw + 0.8vh, 20px); color: #333;
  font-variant-numeric: tabular-nums; }
.tlg-join { flex: 0 0 auto; }
.tlg-join-small { display: flex; gap: 12px; align-items: center; justify-content: flex-end; }
.tlg-join-small .tlg-join-text { text-align: right; }
.tlg-join-small .tlg-join-url { font-size: clamp(14px, 0.5vw + 0.6vh, 18px); overflow-wrap: anywhere; max-width: 28vw; }
.tlg-join-small .tlg-join-qr svg { width: clamp(84px, 11vh, 140px); height: auto; display: block; }
.tlg-join-code { font-size: clamp(36px, 2vw + 2.4vh, 56px); font-weight: 700; letter-spacing: 4px; color: #1f4e79;
  white-space: nowrap; line-height: 1.1; }
.tlg-join-big { display: flex; gap: 32px; align-items: center; flex-wrap: nowrap; }
.tlg-join-big .tlg-join-qr svg { height: min(52vh, 36vw, 460px); width: auto; display: block; }
.tlg-join-big .tlg-join-text { min-width: 0; }
.tlg-join-big .tlg-join-url { font-size: clamp(20px, 1.2vw + 0.8vh, 30px); overflow-wrap: anywhere; }
.tlg-join-big .tlg-join-code { font-size: clamp(56px, 4vw + 4vh, 110px); letter-spacing: 6px; }
.tlg-guidance .widget-html-content { font-size: 18px; color: #333; background: #f3f6fa; padding: 10px 14px;
  border-left: 6px solid #1f4e79; }
.tlg-answer-card { font-size: clamp(20px, 1vw + 0.9vh, 28px); background: #fff8d6; border: 2px solid #c9b458;
  border-radius: 10px; padding: 8px 14px; margin: 6px 0; white-space: pre-wrap; overflow-wrap: break-word; }
.tlg-moderation .widget-html-content { font-size: 18px; white-space: pre-wrap; overflow-wrap: break-word; }
.tlg-muted .widget-html-content { color: #333; font-size: clamp(18px, 0.8vw + 0.9vh, 24px); }
.tlg-screen .widget-html-content { font-size: clamp(20px, 1vw + 1.4vh, 32px); line-height: 1.3; }
.tlg-screen p { margin: 0 0 0.45em; }
.tlg-screen li { margin: 4px 0; }
.tlg-screen .tlg-prompt { font-size: clamp(28px, 1.8vw + 2vh, 48px); font-weight: 700; line-height: 1.25; }
.tlg-thinking .widget-html-content { font-size: clamp(24px, 1.2vw + 1.4vh, 40px); font-weight: 700; color: #1f4e79;
  font-variant-numeric: tabular-nums; }
.tlg-screen .tlg-prompt-position { font-size: clamp(18px, 0.8vw + 0.9vh, 24px); color: #333; }
.tlg-count-line { font-size: clamp(22px, 1vw + 1.2vh, 34px); font-weight: 700; margin: 0 0 6px; }
.tlg-activity .widget-html-content { font-size: clamp(18px, 0.9vw + 1vh, 26px); }
.tlg-board-row { margin: 0 0 min(1.2vh, 10px); }
.tlg-board-columns-2 { columns: 2; column-gap: 32px; }
.tlg-board-columns-3 { columns: 3; column-gap: 24px; }
.tlg-board-row { break-inside: avoid; }
.tlg-board-text { font-size: clamp(18px, 0.9vw + 1.1vh, 28px); font-weight: 700; }
.tlg-board-bar { display: flex; align-items: center; gap: 12px; }
.tlg-board-bar span { display: inline-block; height: clamp(14px, 2.4vh, 28px); background: #1f4e79; }
.tlg-board-bar b { font-size: clamp(18px, 0.9vw + 1.1vh, 28px); }
.tlg-route, .tlg-actions { border-collapse: collapse; width: 100%; font-size: clamp(16px, 0.8vw + 1vh, 26px); }
.tlg-route th, .tlg-route td, .tlg-actions th, .tlg-actions td { border: 2px solid #333; padding: 4px 8px;
  vertical-align: top; text-align: left; overflow-wrap: break-word; word-break: normal; hyphens: auto; }
.tlg-route ul { margin: 0; padding-left: 18px; }
.tlg-controls { flex-flow: row wrap; align-items: center; gap: 2px; border-top: 2px solid #d0d7e2; padding-top: 4px; }
.tlg-controls button.tlg-private-toggle { background: #5a2d82; color: #fff; }
.tlg-private { background: #fbf7ff; border: 4px solid #5a2d82; border-radius: 10px; padding: 8px 12px; }
/* The facilitator's forms (action plan, route map, tidying the board): 11-12 px by default, too small for a nervous hand;
   every field 44 px high, a target a finger can hit (WCAG 2.5.5). */
.tlg-private .widget-inline-hbox { height: auto; }
.tlg-private input, .tlg-private select, .tlg-private textarea,
.tlg-private .widget-text input[type="text"], .tlg-private .widget-textarea textarea { font-size: 18px; min-height: 44px; }
.tlg-private .widget-label { font-size: 17px; line-height: 44px; }
.tlg-private-warning .widget-html-content { font-size: 20px; font-weight: 700; color: #fff; background: #5a2d82;
  padding: 8px 12px; border-radius: 6px; }
.tlg-confirm .widget-html-content { font-size: 20px; font-weight: 700; color: #b00020; }
.tlg-route-mark { display: inline-block; font-size: 0.75em; font-weight: 700; color: #fff; background: #8a4b00;
  border-radius: 6px; padding: 1px 6px; margin-right: 4px; vertical-align: middle; }
</style>
"""


# Thumbs need 44 px: ipywidgets gives a Text box 28 px (its container's inline height), whatever the input asks.
# Only the join code is typed in capitals with wide letters; a group's name is typed as it is.
PHONE_TOUCH_CSS = """
<style>
.tlg-phone .widget-text { height: auto; min-height: 56px; }
.tlg-phone .widget-text input[type="text"] { height: 56px; min-height: 56px; font-size: 22px; box-sizing: border-box; }
.tlg-phone .tlg-code input[type="text"] { font-size: 24px; text-transform: uppercase; letter-spacing: 4px; }
.tlg-phone .tlg-tall input[type="text"] { text-transform: none; letter-spacing: normal; }
.tlg-phone button.tlg-option:disabled { opacity: 0.45; border-style: dashed; }
/* Reflow (WCAG 1.4.10, 1.4.4): at 320 px and with text at 200% a long word ("Teamleergesprek",
   "aandachtfunctionaris") breaks instead of running past the screen's edge or out of its button. */
.tlg-phone .widget-html-content, .tlg-phone button { overflow-wrap: anywhere; }
.tlg-phone button { height: auto; white-space: normal; }
</style>
"""


# Every page: a focus ring of 3 px in the kit's dark blue (9:1 against white, WCAG 2.4.7 and 1.4.11), whatever
# ipywidgets' own focus style (a pale blue, about 2.2:1); text only for screen readers (.tlg-sr-only).
A11Y_CSS = """
<style>
.jupyter-widgets button:focus-visible, .jupyter-widgets input:focus-visible, .jupyter-widgets textarea:focus-visible,
.jupyter-widgets select:focus-visible, .jupyter-widgets a:focus-visible, .widget-html a:focus-visible {
  outline: 3px solid #1f4e79 !important; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.jupyter-widgets input:focus, .jupyter-widgets textarea:focus, .jupyter-widgets select:focus { border-color: #1f4e79; }
.tlg-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.jupyter-widgets.tlg-field, .jupyter-widgets.tlg-field-sr { flex-direction: column; align-items: stretch; height: auto; }
.jupyter-widgets.tlg-field > .widget-label { width: auto; max-width: 100%; height: auto; white-space: normal;
  overflow: visible; text-overflow: clip; text-align: left; line-height: 1.4; font-size: inherit; margin: 6px 0 4px; }
.jupyter-widgets.tlg-field-sr > .widget-label { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
</style>
"""


def participant_style() -> widgets.HTML:
    return widgets.HTML(PARTICIPANT_CSS + PHONE_TOUCH_CSS + A11Y_CSS)


def projector_style() -> widgets.HTML:
    return widgets.HTML(PROJECTOR_CSS + A11Y_CSS)


PREPARE_CSS = """
<style>
""" + DOWNLOAD_CSS + """.tlg-prepare { max-width: 1200px; font-size: 16px; }
.tlg-prepare h2 { color: #1f4e79; }
.tlg-prepare-section { border-top: 2px solid #d0d7e2; padding: 4px 0 14px; margin-top: 6px; }
.tlg-prepare-section h3 { color: #1f4e79; margin: 8px 0 4px; }
.tlg-prepare .tlg-status-ok .widget-html-content, .tlg-prepare .tlg-status-ok { color: #116622; font-weight: 700; }
.tlg-prepare .tlg-status-error .widget-html-content, .tlg-prepare .tlg-status-error { color: #b00020; font-weight: 700; }
.tlg-prepare .widget-html-content { white-space: normal; }
.tlg-prepare-hint { color: #444; font-size: 14px; max-width: 760px; }
.tlg-join-code { font-size: 40px; font-weight: 700; letter-spacing: 6px; color: #1f4e79; margin: 4px 0; }
/* An ordinary phone: 390 px wide (CSS pixels), a screen of about 780 px, scrolling inside like the real one. */
.tlg-phone-frame { width: 390px; height: 780px; box-sizing: content-box; overflow-y: auto; overflow-x: hidden;
  border: 14px solid #222; border-radius: 36px; background: #fff; padding: 10px 0; }
.tlg-phone-frame > .tlg-phone { width: 100%; }
</style>
"""


def prepare_style() -> widgets.HTML:
    return widgets.HTML(PREPARE_CSS + A11Y_CSS)
