"""A senior on a 375 px phone with the text at 150 %: from the home page to a confirmed
registration and to a booking request, every tap counted (a field typed in counts as one tap),
each journey with a failed submit that lands on the error summary and follows its link to the
field. Then axe on the pages these journeys pass through: no violation of any impact."""

import datetime
import re
from urllib.parse import urlparse

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from agenda.models import Registration
from booking import week
from booking.models import Booking, Room
from tests.browser.conftest import BROWSER_TEST, violations

pytestmark = BROWSER_TEST


def large_text(tab):
    """The phone's text at 150 %: the browser's default font size (24 px instead of 16 px), set
    before any page is laid out, as the phone's own text-size setting does."""
    tab.context.new_cdp_session(tab).send("Page.setFontSizes", {"fontSizes": {"standard": 24}})


# Taps with the failed submit and its fix included (two of them): home → confirmed registration,
# home → booking request sent (the issue counted 13 and 16 before).
REGISTRATION_TAPS = 8
# A shared machine can be slow: a page may take more than Playwright's 5 s to come.
PAGE_WAIT = 30_000
# The training room is booked straight away: « Pour quoi faire ? » is optional there.
BOOKING_TAPS = 8


class Taps:
    """Counts what the person does: a tap, or a tap into a field and typing."""

    def __init__(self):
        self.count = 0

    def tap(self, locator):
        locator.tap()
        self.count += 1

    def type_into(self, locator, text):
        locator.tap()
        locator.fill(text)
        self.count += 1


def fails_then_follows_the_summary(phone, taps, button_name, first_field):
    """Sends the form empty: the page says « Erreur », the summary has the focus, its first
    link puts the focus in the field."""
    taps.tap(phone.get_by_role("button", name=button_name))
    expect(phone).to_have_title(re.compile("^Erreur\u00a0: "), timeout=PAGE_WAIT)
    summary = phone.locator("#resume-des-erreurs")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    taps.tap(summary.get_by_role("link").first)
    field = phone.get_by_label(first_field)
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    return field


def open_mail_link(phone, taps, path_part):
    link = re.search(rf"https?://\S+{path_part}\S+/", mail.outbox[-1].body).group(0)
    phone.goto(phone.base_url + urlparse(link).path)
    taps.count += 1  # the tap on the link in the mail


def test_from_the_home_page_to_a_confirmed_registration_in_eight_taps(phone):
    large_text(phone)
    taps = Taps()
    phone.goto(phone.base_url + "/")
    taps.tap(phone.locator(".next-list a").first)
    register = phone.locator(".next-session").get_by_role("link", name=re.compile("^M'inscrire"))
    expect(register).to_be_visible(timeout=PAGE_WAIT)
    taps.tap(register)

    name = fails_then_follows_the_summary(phone, taps, "Envoyer mon inscription", re.compile("^Votre nom"))
    name.fill("Jeanne Martin")  # the focus is in the field already: no tap
    taps.type_into(phone.get_by_label(re.compile("^Votre adresse électronique")), "jeanne@exemple.fr")
    taps.tap(phone.get_by_role("button", name="Envoyer mon inscription"))
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Encore une étape\u00a0: confirmez votre adresse", timeout=PAGE_WAIT
    )

    open_mail_link(phone, taps, "/agenda/inscription/")
    taps.tap(phone.get_by_role("button", name="Confirmer mon adresse"))
    expect(phone.get_by_role("button", name="Confirmer mon adresse")).to_have_count(0, timeout=PAGE_WAIT)
    assert Registration.objects.get(email="jeanne@exemple.fr").email_confirmed_at is not None
    assert taps.count == REGISTRATION_TAPS


def test_from_the_home_page_to_a_booking_request_in_eight_taps(phone):
    large_text(phone)
    taps = Taps()
    phone.goto(phone.base_url + "/")
    taps.tap(phone.get_by_role("main").get_by_role("link", name="Réserver une salle"))
    taps.tap(phone.get_by_role("link", name="La salle de formation", exact=True))
    taps.tap(phone.locator(".slot--free a").first)

    name = fails_then_follows_the_summary(phone, taps, "Envoyer ma demande", re.compile("^Votre nom"))
    name.fill("Jeanne Martin")
    taps.type_into(phone.get_by_label(re.compile("^Votre adresse électronique")), "jeanne@exemple.fr")
    # The slot is filled in from the week, « 1 » person too; the optional answers are folded away.
    expect(phone.get_by_label(re.compile("^Pour quoi faire\\s\\? \\(facultatif\\)"))).to_be_visible()
    expect(phone.get_by_label(re.compile("^Association ou structure"))).to_be_hidden()
    taps.tap(phone.get_by_label(re.compile("^J'ai lu ce que deviennent mes données")))
    taps.tap(phone.get_by_role("button", name="Envoyer ma demande"))
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Encore une étape\u00a0: confirmez votre adresse", timeout=PAGE_WAIT
    )
    assert Booking.objects.filter(email="jeanne@exemple.fr").exists()
    assert taps.count == BOOKING_TAPS


def test_the_changed_pages_have_no_violation_of_any_impact_at_375_px_and_150_percent(phone, axe):
    large_text(phone)
    found = {}
    for path in ["/", "/agenda/", "/agenda/?public=seniors", "/agenda/premiers-pas-ordinateur/"]:
        phone.goto(phone.base_url + path)
        found[path] = violations(phone, axe)
    phone.get_by_role("link", name=re.compile("^M'inscrire")).first.tap()
    phone.get_by_role("button", name="Envoyer mon inscription").tap()
    expect(phone.locator("#resume-des-erreurs")).to_be_focused(timeout=PAGE_WAIT)
    found["inscription en erreur"] = violations(phone, axe)
    phone.goto(phone.base_url + "/reserver/la-salle-de-formation/demande/")
    phone.get_by_role("button", name="Envoyer ma demande").tap()
    expect(phone.locator("#resume-des-erreurs")).to_be_focused(timeout=PAGE_WAIT)
    found["réservation en erreur"] = violations(phone, axe)
    phone.get_by_text("Menu", exact=True).tap()  # the folded menu, open
    found["menu ouvert"] = violations(phone, axe)
    assert all(not found[page] for page in found), found


def test_a_slot_not_bookable_online_says_why_in_words_that_fit_at_150_percent(phone, axe):
    room = Room.objects.get(slug="la-salle-de-formation")
    room.notice_hours = 30 * 24
    room.save()
    next_monday = week.monday_of(timezone.localdate()) + datetime.timedelta(days=7)
    large_text(phone)
    phone.goto(f"{phone.base_url}/reserver/{room.slug}/?semaine={next_monday.isoformat()}")
    slot = phone.locator(".slot--notice").first
    expect(slot).to_have_text(
        re.compile(r" · Indisponible\s: il faut réserver au moins 720 heures à l'avance$"), timeout=PAGE_WAIT
    )
    # The whole reason is on the screen, wrapped, not cut at the edge.
    box = slot.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert violations(phone, axe) == []


def test_the_agenda_filtered_by_level_lands_on_the_counted_results_at_150_percent(phone, axe):
    large_text(phone)
    phone.goto(phone.base_url + "/agenda/")
    phone.get_by_text("Filtrer les ateliers").tap()
    phone.get_by_label("Niveau").select_option(label="Débutant")
    phone.get_by_role("button", name="Afficher").tap()
    expect(phone).to_have_url(re.compile(r"[?&]niveau=debutant&.*#results$"), timeout=PAGE_WAIT)
    count = phone.locator("#results")
    expect(count).to_have_text(re.compile(r"^\d+ ateliers?$"))
    expect(count).to_be_in_viewport()
    # Each card says its level: « Débutant », or « Tous niveaux » for the ateliers open to all.
    for facts in phone.locator(".occurrence__facts").all():
        expect(facts).to_contain_text(re.compile("Débutant|Tous niveaux"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert violations(phone, axe) == []


def test_from_the_home_page_to_the_festival_and_a_registration_from_my_programme_at_150_percent(phone, axe):
    large_text(phone)
    phone.goto(phone.base_url + "/")
    phone.locator("#festival-heading + .festival-list").get_by_role("link", name="La BooTIC revient").tap()
    expect(phone).to_have_url(re.compile(r"/agenda/bootic/#programme$"), timeout=PAGE_WAIT)
    phone.get_by_role("link", name=re.compile("^Ajouter à mon programme : Ma première adresse")).tap()
    phone.get_by_role("link", name=re.compile("^Ajouter à mon programme : Repair café")).tap()
    phone.get_by_role("link", name="Voir mon programme").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mon programme", timeout=PAGE_WAIT)
    sessions = phone.locator(".programme-session")
    expect(sessions.nth(0).locator(".programme-session__registration")).to_contain_text("Sur inscription.")
    expect(sessions.nth(1).locator(".programme-session__registration")).to_have_text(
        "Sans inscription\u00a0: venez directement."
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert violations(phone, axe) == []
    phone.get_by_role("link", name=re.compile("^M'inscrire à « Ma première adresse électronique » le ")).tap()
    expect(phone.get_by_role("button", name="Envoyer mon inscription")).to_be_visible(timeout=PAGE_WAIT)
