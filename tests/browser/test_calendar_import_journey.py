"""A member's editor, on a phone, gives the address of its calendar: the ateliers in it
arrive as drafts, and the list says when it was read and what it did."""

import datetime

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, log_in, serious_violations
from tests.partners.calendar_server import PARIS, CalendarServer, calendar, event

pytestmark = BROWSER_TEST


def test_an_editor_adds_its_calendar_on_a_phone(phone, axe, settings):
    from agenda.models import AtelierPage

    settings.PARTNERS_CALENDAR_PRIVATE_HOSTS = True  # the calendar's server is on 127.0.0.1
    start = datetime.datetime.now(PARIS).replace(hour=14, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=20
    )
    server = CalendarServer()
    try:
        server.serve(calendar(event("tablette@cloud", start, RRULE="FREQ=WEEKLY", summary="Tablette pas à pas")))
        log_in(phone, "mulots")
        phone.goto(phone.base_url + "/admin/calendriers/")
        phone.get_by_role("link", name="Ajouter un calendrier").tap()
        phone.get_by_label("Adresse du calendrier (iCalendar)").fill(server.url)
        phone.get_by_role("button", name="Enregistrer").tap()
        expect(phone.locator(".messages")).to_contain_text("Calendrier enregistré")
        expect(phone.get_by_text("1 atelier ajouté")).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        assert serious_violations(phone, axe) == []
    finally:
        server.close()
    atelier = AtelierPage.objects.get(title="Tablette pas à pas")
    assert not atelier.live and [member.slug for member in atelier.organisers.all()] == ["les-mulots"]
