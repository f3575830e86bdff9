"""A button makes a file, a link downloads it: one link per file however often it is made, names escaped."""

import base64
import re

import pytest
from factories import run_on_a_loop_of_its_own

from kit.widgets.downloads import Downloads


def links(downloads):
    return re.findall(r"download='([^']+)' href='data:([^;]+);base64,([^']+)'", downloads.links.value)


def test_a_file_is_made_when_asked_and_offered_once():
    made = []

    def make():
        made.append(1)
        return "verslag-ABC123.pdf", "application/pdf", b"%PDF-" + bytes([len(made)])

    downloads = Downloads({"facilitator.outcomes_report": make})
    assert made == [] and downloads.links.value == ""  # nothing made before the tap
    downloads.buttons["facilitator.outcomes_report"].click()
    downloads.buttons["facilitator.outcomes_report"].click()
    (name, mime, data), = links(downloads)
    assert (name, mime, base64.b64decode(data)) == ("verslag-ABC123.pdf", "application/pdf", b"%PDF-\x02")
    assert downloads.buttons["facilitator.outcomes_report"].description == "Verslag (PDF)"
    downloads.clear()
    assert downloads.links.value == ""


def test_a_file_name_cannot_break_out_of_its_link():
    downloads = Downloads({"facilitator.outcomes_report": lambda: ("a'><script>x.pdf", "application/pdf", b"")})
    downloads.buttons["facilitator.outcomes_report"].click()
    assert "<script>" not in downloads.links.value and "&#x27;&gt;&lt;script&gt;" in downloads.links.value


def test_files_made_in_the_background_are_all_shown_on_the_pages_loop():
    """In a kernel the links are shown by the event loop; the files are made while the loop is busy elsewhere."""
    import asyncio

    files = {"facilitator.outcomes_report": lambda: ("verslag.pdf", "application/pdf", b"%PDF-"),
             "facilitator.outcomes_workbook": lambda: ("antwoorden.xlsx", "application/zip", b"PK")}

    async def on_the_loop():
        downloads = Downloads(files, at_once=True)
        downloads.make_all()
        downloads.wait(10)  # holds the loop's thread, as a test does that runs on a loop
        shown_while_held = [name for name, _, _ in links(downloads)]
        await asyncio.sleep(0.05)  # the loop runs what the thread sent: nothing twice
        return shown_while_held, [name for name, _, _ in links(downloads)]

    result, _ = run_on_a_loop_of_its_own(on_the_loop)
    assert result == (["verslag.pdf", "antwoorden.xlsx"], ["verslag.pdf", "antwoorden.xlsx"])


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # the failure goes to the log
def test_a_file_that_cannot_be_made_brings_the_buttons_back():
    def broken():
        raise OSError("schijf vol")

    downloads = Downloads({"facilitator.outcomes_report": broken}, at_once=True)
    downloads.make_all()
    downloads.wait(10)
    assert downloads.row.layout.display is None and "schijf" not in downloads.links.value
