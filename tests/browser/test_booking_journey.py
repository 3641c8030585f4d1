"""Someone books the training room without an account: from the menu to a free slot
of a coming week, the form, the emailed link (opening it changes nothing, the button
does), and back to the week, where the slot reads « Réservé » without their name.
Then a wrong end time, axe-core on the booking pages, and the week on a 320 px screen."""

import datetime
import itertools
import re
from urllib.parse import parse_qs, urlparse

from django.core import mail
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from booking.models import Booking, Status
from tests.browser.conftest import BROWSER_TEST, boxes, press_tab_until, serious_violations

pytestmark = BROWSER_TEST

ROOM = "/reserver/la-salle-de-formation/"
FREE_SLOT = re.compile(r"^\d{1,2}h\d\d · Libre : réserver le ")
SLOT_TIME = re.compile(r"réserver le (?P<day>.+) à (?P<hour>\d{1,2}h\d\d)$")
VISITOR = {"name": "Maëlle Rouxel", "email": "maelle.rouxel@exemple.fr"}


def free_slots(page):
    return page.locator(".week").get_by_role("link", name=FREE_SLOT)


def go_to_a_coming_week_with_a_free_slot(page, weeks=8):
    """Follows « Semaine suivante » with the keyboard at least once, then until a week has a free slot."""
    for _ in range(weeks):
        week_nav = page.get_by_role("navigation", name="Changer de semaine")
        next_week = week_nav.get_by_role("link", name="Semaine suivante")
        expect(next_week).to_have_attribute("rel", "next")
        target = next_week.get_attribute("href")
        next_week.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(re.escape(target) + "$"))
        expect(page.get_by_role("link", name="Semaine précédente")).to_have_attribute("rel", "prev")
        if free_slots(page).count():
            return
    raise AssertionError(f"aucun créneau « Libre » dans les {weeks} semaines suivantes")


def minutes(hour):
    hours, rest = hour.split("h")
    return int(hours) * 60 + int(rest)


def state_at(page, day, hour):
    """The state the day headed `day` (« mardi 1 décembre ») shows at `hour`: the item whose time
    or span of time holds it (« 9h00 · Libre », « 9h00 – 11h00 · Réservé »)."""
    heading = page.get_by_role("heading", name=re.compile(f"^{re.escape(day)}$", re.IGNORECASE))
    for item in page.locator(".day", has=heading).locator("li").all_inner_texts():
        times, state = item.split(" · ")
        start, _dash, end = times.partition(" – ")
        if (minutes(start) <= minutes(hour) < minutes(end)) if end else start == hour:
            return state
    raise AssertionError(f"{hour} absent du {day}")


def open_form_of_first_free_slot(page):
    page.goto(page.base_url + ROOM)
    go_to_a_coming_week_with_a_free_slot(page)
    free_slots(page).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demande de réservation : La salle de formation")


@pytest.mark.postgresql  # a journey end to end on PostgreSQL + Redis too (.ci/run)
def test_visitor_books_a_free_slot_with_the_keyboard_and_confirms_through_the_email(page):
    page.goto(page.base_url + "/")
    press_tab_until(page, "Réserver une salle")
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + "/reserver/")
    expect(
        page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Réserver une salle")
    ).to_have_attribute("aria-current", "page")

    room_link = page.get_by_role("link", name="La salle de formation", exact=True)
    room_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + ROOM)
    expect(page.get_by_role("heading", level=1)).to_have_text("La salle de formation")

    go_to_a_coming_week_with_a_free_slot(page)
    week_url = page.url
    tops = {day["y"] for day in boxes(page.locator(".day"))}
    assert len(tops) == 1, tops  # on a wide screen, the seven days side by side
    slot = free_slots(page).first
    when = SLOT_TIME.search(slot.get_attribute("aria-label"))
    expect(slot.locator("xpath=..")).to_have_class(re.compile(r"\bslot--free\b"))
    query = parse_qs(urlparse(slot.get_attribute("href")).query)
    day, start = query["date"][0], query["debut"][0]
    end = (datetime.datetime.fromisoformat(f"{day}T{start}") + datetime.timedelta(hours=1)).strftime("%H:%M")
    slot.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_label(re.compile("^Date"))).to_have_value(day)
    expect(page.get_by_label(re.compile("^Heure de début"))).to_have_value(start)
    expect(page.get_by_label(re.compile("^Heure de fin"))).to_have_value(end)
    expect(page.locator("#id_website")).not_to_be_in_viewport()  # the honeypot is off screen
    page.get_by_label(re.compile("^Votre nom")).fill(VISITOR["name"])
    page.get_by_label(re.compile("^Votre adresse électronique")).fill(VISITOR["email"])
    page.get_by_label(re.compile("^Pour quoi faire")).fill("Former les bénévoles au nouveau logiciel de comptabilité")
    page.get_by_label(re.compile("^Nombre de personnes")).fill("6")
    consent = page.get_by_label(re.compile("^J'ai lu ce que deviennent mes données"))
    consent.focus()
    page.keyboard.press("Space")
    expect(consent).to_be_checked()
    page.get_by_role("button", name="Envoyer ma demande").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Encore une étape\u00a0: confirmez votre adresse")
    expect(page.get_by_role("status")).to_contain_text(VISITOR["email"])
    booking = Booking.objects.get(email=VISITOR["email"])
    assert booking.status == Status.UNCONFIRMED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [VISITOR["email"]]

    link = re.search(r"https?://\S+/reserver/reservation/\S+/", mail.outbox[0].body).group(0)
    page.goto(page.base_url + urlparse(link).path)  # the demo site's address is not the test server's
    expect(page.get_by_role("heading", level=1)).to_have_text("Ma réservation")
    expect(page.locator(".facts")).to_contain_text("Adresse à confirmer")
    expect(page.get_by_role("link", name="Annuler ma réservation")).to_be_visible()  # a second step, not a button
    confirm = page.get_by_role("button", name="Confirmer ma demande")
    booking.refresh_from_db()
    assert booking.status == Status.UNCONFIRMED  # opening the link changed nothing
    confirm.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("votre adresse est confirmée")
    expect(page.locator(".facts")).to_contain_text("Confirmée")
    expect(page.get_by_role("button", name="Confirmer ma demande")).to_have_count(0)
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED
    assert len(mail.outbox) == 2

    page.goto(week_url)
    later = minutes(when["hour"]) + 30
    for hour in (when["hour"], f"{later // 60}h{later % 60:02d}"):  # an hour: two slots of 30 minutes
        assert state_at(page, when["day"], hour) == "Réservé"
    assert VISITOR["name"] not in page.content()
    assert VISITOR["email"] not in page.content()
    assert page.foreign_requests == []


def test_end_before_start_is_refused_next_to_the_end_field_and_books_nothing(page):
    open_form_of_first_free_slot(page)
    start = page.get_by_label(re.compile("^Heure de début")).input_value()
    earlier = (datetime.datetime.strptime(start, "%H:%M") - datetime.timedelta(hours=1)).strftime("%H:%M")
    page.get_by_label(re.compile("^Heure de fin")).fill(earlier)
    page.get_by_label(re.compile("^Votre nom")).fill(VISITOR["name"])
    page.get_by_label(re.compile("^Votre adresse électronique")).fill(VISITOR["email"])
    page.get_by_label(re.compile("^Pour quoi faire")).fill("Une réunion")
    page.get_by_label(re.compile("^J'ai lu ce que deviennent mes données")).check()
    page.get_by_role("button", name="Envoyer ma demande").click()

    expect(page).to_have_title(re.compile("^Erreur\u00a0: "))
    summary = page.locator("#resume-des-erreurs")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    summary.get_by_role("link", name="L'heure de fin doit être après l'heure de début.").click()
    end = page.get_by_label(re.compile("^Heure de fin"))
    expect(end).to_have_value(earlier)
    expect(end).to_have_attribute("aria-invalid", "true")
    expect(end).to_have_attribute("aria-describedby", re.compile(r"\bid_end_error\b"))
    error = page.locator("#id_end_error")
    expect(error).to_have_text("Erreur\u00a0: L'heure de fin doit être après l'heure de début.")
    # Next to the field: in the same block, just above the input.
    field = page.locator(".form-field", has=end)
    expect(field).to_have_class(re.compile(r"\bform-field--error\b"))
    expect(field.locator(".form-field__errors")).to_have_count(1)
    end.focus()
    expect(error).to_be_in_viewport()
    error_box, end_box = error.bounding_box(), end.bounding_box()
    assert 0 <= end_box["y"] - (error_box["y"] + error_box["height"]) < 40
    expect(page.locator(".form-field__errors")).to_have_count(1)  # the other fields were fine
    expect(page.get_by_label(re.compile("^Votre nom"))).to_have_value(VISITOR["name"])

    assert not Booking.objects.filter(email=VISITOR["email"]).exists()
    assert mail.outbox == []
    assert page.foreign_requests == []


# axe-core (serious_violations, tests/browser/conftest.py) on every booking page.
NEXT_WEEK = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
BOOKING_PAGES = {
    "rooms": "/reserver/",
    "week": ROOM,
    "week-next": f"{ROOM}?semaine={NEXT_WEEK}",
    "week-fablab": "/reserver/le-fablab/",
    "form": f"{ROOM}demande/?date={NEXT_WEEK}&debut=14:00",
    "form-with-questions": "/reserver/le-fablab/demande/",
    "mine-request": "/reserver/mes-reservations/",
    "bad-link": "/reserver/reservation/lien-abime/",
}


@pytest.mark.parametrize("path", BOOKING_PAGES.values(), ids=BOOKING_PAGES.keys())
def test_booking_page_has_no_serious_accessibility_violation(page, axe, path):
    page.goto(page.base_url + path)
    serious = serious_violations(page, axe)
    assert serious == [], "\n".join(serious)
    assert page.foreign_requests == []


def test_booking_form_with_errors_has_no_serious_accessibility_violation(page, axe):
    open_form_of_first_free_slot(page)
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.locator("#resume-des-erreurs")).to_contain_text("Il y a un problème")
    serious = serious_violations(page, axe)
    assert serious == [], "\n".join(serious)
    assert page.foreign_requests == []


def test_my_bookings_request_with_errors_has_no_serious_accessibility_violation(page, axe):
    page.goto(page.base_url + "/reserver/mes-reservations/")
    page.get_by_label(re.compile("^Votre adresse électronique")).fill("pas une adresse")
    page.get_by_role("button", name="M'envoyer le lien").click()
    expect(page.locator("#resume-des-erreurs")).to_contain_text("Il y a un problème")
    expect(page.get_by_label(re.compile("^Votre adresse électronique"))).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_email_error\b")
    )
    serious = serious_violations(page, axe)
    assert serious == [], "\n".join(serious)
    assert page.foreign_requests == []


def test_week_fits_a_320px_screen_one_day_at_a_time(browser, demo_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ["/reserver/", ROOM, f"{ROOM}demande/", f"{ROOM}?semaine={NEXT_WEEK}"]:
        tab.goto(demo_server.url + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, path
    days = tab.locator(".day")
    expect(days).to_have_count(7)
    measured = boxes(days)
    assert all(box["x"] + box["width"] <= 320 for box in measured)
    # One under the other.
    assert all(above["y"] + above["height"] <= below["y"] for above, below in itertools.pairwise(measured))
    expect(tab.locator(".day .slot--free a").first).to_be_visible()
    context.close()
