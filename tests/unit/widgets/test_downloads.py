"""A button makes a file, a link downloads it: one link per file however often it is made, names escaped."""

import base64
import re

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
