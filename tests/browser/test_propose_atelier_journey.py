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
