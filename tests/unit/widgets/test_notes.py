"""The facilitator's notes: folded until tapped, the current block's notes, every template text escaped."""

from kit.authoring import load_template
from kit.model.template import Block, Notes
from kit.widgets.notes import NotesPanel, notes_html


def block(key="welkom", notes=None):
    return Block(key=key, title=key.title(), minutes=10, notes=notes)


def test_folded_by_default_and_one_tap_opens_and_closes():
    panel = NotesPanel()
    panel.show(block(notes=Notes(doel="Iedereen is welkom.")))
    assert not panel.is_open and panel.body.layout.display == "none"
    assert "Aantekeningen" in panel.toggle.description
    panel.toggle.click()
    assert panel.is_open and panel.body.layout.display is None
    assert "Iedereen is welkom." in panel.body.value
    panel.toggle.click()
    assert not panel.is_open


def test_shows_the_current_blocks_notes_and_folds_again_when_the_block_changes():
    panel = NotesPanel()
    panel.show(block("welkom", Notes(doel="Welkom-doel", stappen=("Heet welkom",))))
    panel.toggle.click()
    panel.show(block("welkom", Notes(doel="Welkom-doel", stappen=("Heet welkom",))))  # a poll of the same block
    assert panel.is_open
    panel.show(block("werkvorm2", Notes(let_op=("Delen is vrijwillig",), tips=("Gebruik een timer",))))
    assert not panel.is_open
    assert "Delen is vrijwillig" in panel.body.value and "Gebruik een timer" in panel.body.value
    assert "Welkom-doel" not in panel.body.value
    panel.show(block("leeg"))
    assert "geen aantekeningen" in panel.body.value
    panel.show(None)  # a closed session
    assert panel.layout.display == "none"


def test_every_text_is_escaped():
    evil = Notes(doel="<script>alert(1)</script>", stappen=("<b>vet</b>",), let_op=("a & b",), tips=("<img src=x>",))
    shown = notes_html(evil)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "<b>vet</b>" not in shown and "&lt;b&gt;vet&lt;/b&gt;" in shown
    assert "a &amp; b" in shown and "<img" not in shown


def test_sections_in_order_with_numbered_steps():
    shown = notes_html(Notes(doel="D", stappen=("s1", "s2"), let_op=("l",), tips=("t",)))
    assert shown.index("Doel") < shown.index("Zo doe je het") < shown.index("Let op") < shown.index("Tips")
    assert "<ol class='tlg-notes-stappen'><li>s1</li><li>s2</li></ol>" in shown


def test_every_block_of_the_shipped_templates_has_complete_notes():
    for name in ("teamleergesprek", "teamleergesprek.en"):
        template = load_template(name)
        for b in template.blocks:
            assert b.notes is not None, f"{name}: {b.key} has no notes"
            assert b.notes.doel and b.notes.stappen and b.notes.let_op, f"{name}: {b.key}"
