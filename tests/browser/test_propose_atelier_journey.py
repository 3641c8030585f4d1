"""A member proposes an atelier for the agenda: from the login page to « submitted for
review » in three screens, with its own structure already set as organiser."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, submit_login

pytestmark = BROWSER_TEST


def test_a_member_proposes_an_atelier_in_three_screens(page):
    screens = []
    page.on("framenavigated", lambda frame: screens.append(frame.url) if frame == page.main_frame else None)

    submit_login(page, "mulots")  # 1: the login
    page.get_by_role("link", name="Proposer un atelier").first.click()  # 2: « Mon espace »
    expect(page.get_by_role("heading", name=re.compile("atelier", re.I)).first).to_be_visible()  # 3: the form

    # The member is already the organiser; the advanced tabs are not shown.
    expect(page.get_by_role("checkbox", name="Les Mulots")).to_be_checked()
    expect(page.get_by_role("tab", name="Référencement")).to_have_count(0)
    page.get_by_label(re.compile("^Titre")).fill("Débuter avec une tablette")
    page.get_by_label(re.compile("^Résumé")).fill(
        "Allumer, toucher, faire glisser : les premiers gestes, sans se presser."
    )
    page.locator("#id_start").fill("2027-03-10 14:00")
    page.locator("#id_end").fill("2027-03-10 16:00")
    page.keyboard.press("Escape")
    page.get_by_role("button", name=re.compile("^Soumettre")).first.click()

    expect(page.locator(".messages")).to_contain_text("soumise")
    assert len(screens) - 1 <= 3, screens  # the last one is the answer, not a step
    from agenda.models import AtelierPage

    atelier = AtelierPage.objects.get(title="Débuter avec une tablette")
    assert [member.slug for member in atelier.organisers.all()] == ["les-mulots"]
    assert not atelier.live and atelier.current_workflow_state is not None


# Each visible field and help text of the form: where it starts, how wide it is, in pixels
# and in characters of its own text (CSS's `ch`, the width of a « 0 »).
MEASURE = """() => {
    const seen = (element) => element.offsetParent !== null;
    const box = (element) => element.getBoundingClientRect();
    const inChars = (element, width) => {
        const probe = document.createElement("span");
        probe.style.cssText = "position: absolute; width: 1ch";
        (element.matches("input, select, textarea") ? element.parentElement : element).append(probe);
        const chars = width / box(probe).width;
        probe.remove();
        return chars;
    };
    const measure = (elements) => Object.fromEntries(elements.filter(seen).map((element, index) => [
        element.id || `help-${index}`, [box(element).left, box(element).width, inChars(element, box(element).width)],
    ]));
    return {
        viewport: document.documentElement.clientWidth,
        fields: measure([...document.querySelectorAll("[data-edit-form] :is(input, select, textarea)")]),
        helps: measure([...document.querySelectorAll("[data-edit-form] .w-field__help")]),
        cut: [...document.querySelectorAll("[data-edit-form] label")].filter(seen)
            .filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent.trim()),
    };
}"""


def test_at_a_desk_the_atelier_form_keeps_a_reading_measure_and_cuts_no_field(page):
    submit_login(page, "mulots")
    page.goto(page.base_url + "/admin/agenda/proposer/")
    expect(page.locator("#id_repeat_until")).to_be_attached()
    found = page.evaluate(MEASURE)
    fields = found["fields"]
    for name in ("id_title", "id_summary", "id_place_name", "id_place_address", "id_accessibility", "id_frequency"):
        assert fields[name][1] < 700 and fields[name][2] <= 70.5, (name, fields[name])  # not across the screen
    assert all(chars <= 70.5 for _, _, chars in found["helps"].values()), found["helps"]
    assert all(left + width <= found["viewport"] for left, width, _ in fields.values())  # nothing cut at the right
    assert found["cut"] == []
    # « Toutes les » has room for its number, « Jusqu'au » for its date.
    assert fields["id_interval"][1] >= 100 and fields["id_repeat_until"][1] >= 200
