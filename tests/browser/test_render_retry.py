"""A phone page that Voilà could not draw (a widget the kernel made while the page loaded its widget states is
missing: 'widget model not found', and the page would stay on 'Loading widget...') loads itself again, once per
half minute at most. tests/browser/test_second_hour.py met it with six latecomers while the facilitator moved on."""

from playwright.sync_api import expect

from serving import PHONE, new_page


def test_a_page_that_could_not_draw_its_widgets_loads_again_but_never_in_a_loop(browser, served):
    phone = new_page(browser, served.join_url, **PHONE)
    expect(phone.get_by_text("Even wachten…")).to_be_visible()
    phone.evaluate("window.__tlgSamePage = true")

    with phone.expect_navigation():
        phone.evaluate("console.error(new Error('widget model not found'))")
    expect(phone.get_by_text("Even wachten…")).to_be_visible()
    assert phone.evaluate("window.__tlgSamePage === undefined")  # a new page, drawn whole

    phone.evaluate("window.__tlgSamePage = true")
    phone.evaluate("console.error(new Error('widget model not found'))")  # again within half a minute: no loop
    phone.wait_for_timeout(1500)  # the reload would have started after 0.5 s
    assert phone.evaluate("window.__tlgSamePage === true")
    phone.evaluate("console.error('something else went wrong')")  # other errors are not this one
    phone.wait_for_timeout(1500)
    assert phone.evaluate("window.__tlgSamePage === true")
