"""The team's side of room booking, in the browser: Coordination goes through the
« Réservations » menu to accept a fablab request (the person is emailed), to decline
another one (the reason is required, then emailed) and to book for someone without
email (the printable page). A member asks for a weekly series whose taken date is
skipped, and cannot open the inbox of the public's requests."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from playwright.sync_api import expect

from booking import rules
from booking.models import Booking, Room, Series, Status
from tests.browser.conftest import BROWSER_TEST, log_in

pytestmark = BROWSER_TEST

INBOX = "/admin/booking/a-valider/"
DECLINE_REQUIRED = "Écrivez le motif du refus\u00a0: il sera envoyé à la personne."
TAKEN = "La salle est déjà prise à cette heure-là (une autre réservation ou un atelier)."


def open_booking_menu(page, item):
    page.get_by_role("button", name="Réservations").click()
    page.get_by_role("link", name=item, exact=True).click()


def field(page, label):
    """The admin field labelled `label` (Wagtail adds « * » to the required ones)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}[\s*]*$"))


def long_date(day):
    with translation.override("fr"):
        return date_format(day, "l j F Y")


def at(day, time):
    return rules.local_datetime(day, datetime.time.fromisoformat(time))


def is_free(room, day, start, end, team=False):
    """Open, within the room's rules, and held by nothing (booking or atelier)."""
    start_at, end_at = at(day, start), at(day, end)
    return not rules.slot_errors(room, start_at, end_at, notice=not team) and not rules.busy(room, start_at, end_at)


def first_free_day(room, start, end, weekday=None, after_days=7, team=False):
    day = timezone.localdate() + datetime.timedelta(days=after_days)
    for _ in range(60):
        if (weekday is None or day.weekday() == weekday) and is_free(room, day, start, end, team=team):
            return day
        day += datetime.timedelta(days=1)
    raise AssertionError(f"aucun créneau libre {start}–{end} dans « {room.name} »")


def pending_in_fablab(**person):
    """Another request waiting for Coordination, on a free Thursday afternoon of the fablab."""
    fablab = Room.objects.get(slug="le-fablab")
    day = first_free_day(fablab, "14:00", "16:00", weekday=3)
    return rules.book(fablab, at(day, "14:00"), at(day, "16:00"), status=Status.PENDING, people=3, **person)


def test_coordination_accepts_a_fablab_request_from_the_inbox_and_the_person_is_emailed(page):
    booking = Booking.objects.filter(room__slug="le-fablab", status=Status.PENDING).order_by("start").first()
    assert booking is not None, "la démo n'a plus de demande en attente au fablab"
    log_in(page, "coordination")
    open_booking_menu(page, "À valider")
    expect(page).to_have_url(page.base_url + INBOX)
    expect(page.get_by_role("heading", level=1)).to_have_text("À valider")

    row = page.get_by_role("row").filter(has_text=booking.name)
    expect(row).to_contain_text("Le fablab")
    row.get_by_role("link", name="Accepter", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accepter la réservation")
    details = page.locator(".booking-details")
    expect(details).to_contain_text(booking.name)
    expect(details).to_contain_text("En attente de validation")
    booking.refresh_from_db()
    assert booking.status == Status.PENDING  # opening the page changes nothing
    assert mail.outbox == []

    page.get_by_role("button", name="Oui, accepter").click()
    expect(page).to_have_url(page.base_url + INBOX)
    expect(page.locator(".messages")).to_contain_text(
        f"Réservation acceptée. Un courriel a été envoyé à {booking.name}."
    )
    expect(page.get_by_role("row").filter(has_text=booking.name)).to_have_count(0)
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [booking.email]
    assert "confirmée" in mail.outbox[0].subject
    assert page.foreign_requests == []


def test_coordination_declines_a_request_only_with_a_reason_which_is_emailed(page):
    kept = Booking.objects.filter(status=Status.PENDING).count()
    booking = pending_in_fablab(
        name="Erwan Bouvier",
        email="erwan.bouvier@exemple.fr",
        purpose="Découper des pochoirs pour le carnaval",
    )
    log_in(page, "coordination")
    open_booking_menu(page, "À valider")
    page.get_by_role("row").filter(has_text="Erwan Bouvier").get_by_role("link", name="Refuser", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Refuser la réservation")
    refuse_url = page.url

    page.get_by_role("button", name="Refuser la demande").click()
    expect(page).to_have_url(refuse_url)
    reason = field(page, "Motif")
    wrapper = page.locator("[data-field-wrapper]", has=reason)
    expect(wrapper.locator("[data-field-errors]")).to_have_text(DECLINE_REQUIRED)
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-field-errors]").filter(has_text=re.compile(r"\S"))).to_have_count(1)
    expect(page.locator(".messages")).not_to_contain_text("Demande refusée")
    booking.refresh_from_db()
    assert booking.status == Status.PENDING and booking.reason == ""
    assert mail.outbox == []

    reason.fill("Personne de formé à la découpeuse laser n'est disponible ce jour-là.")
    page.get_by_role("button", name="Refuser la demande").click()
    expect(page).to_have_url(page.base_url + INBOX)
    expect(page.locator(".messages")).to_contain_text("Demande refusée. Un courriel a été envoyé à Erwan Bouvier.")
    expect(page.get_by_role("row").filter(has_text="Erwan Bouvier")).to_have_count(0)
    booking.refresh_from_db()
    assert booking.status == Status.DECLINED
    assert booking.reason == "Personne de formé à la découpeuse laser n'est disponible ce jour-là."
    assert Booking.objects.filter(status=Status.PENDING).count() == kept  # the others still wait
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erwan.bouvier@exemple.fr"]
    assert "refusée" in mail.outbox[0].subject
    assert "Personne de formé à la découpeuse laser n'est disponible ce jour-là." in mail.outbox[0].body
    assert page.foreign_requests == []


def test_coordination_books_the_meeting_room_for_someone_without_email_and_gets_the_printable_page(page):
    room = Room.objects.get(slug="la-salle-de-reunion")
    day = first_free_day(room, "10:00", "11:00", after_days=2, team=True)
    log_in(page, "coordination")
    open_booking_menu(page, "Réserver pour quelqu'un")
    expect(page.get_by_role("heading", level=1)).to_have_text("Réserver pour quelqu'un")

    field(page, "Salle").select_option(label="La salle de réunion")
    field(page, "Date").fill(day.isoformat())
    field(page, "Heure de début").fill("10:00")
    field(page, "Heure de fin").fill("11:00")
    field(page, "Nom de la personne").fill("Jeannine Briand")
    field(page, "Pour quoi faire\u00a0?").fill("Rendez-vous pour remplir sa déclaration de revenus")
    field(page, "Nombre de personnes").fill("2")
    page.get_by_role("button", name="Réserver", exact=True).click()

    booking = Booking.objects.get(name="Jeannine Briand")
    expect(page).to_have_url(f"{page.base_url}/admin/reservations/{booking.pk}/imprimer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre réservation de salle")
    facts = page.locator("dl")
    expect(facts).to_contain_text("La salle de réunion")
    expect(facts.locator(f"time[datetime='{day.isoformat()}']")).to_have_text(long_date(day))
    expect(facts).to_contain_text("de 10 h 00 à 11 h 00")
    expect(facts).to_contain_text("Jeannine Briand")
    expect(facts).to_contain_text("Confirmée")
    expect(page.get_by_role("heading", name="Pour entrer dans la salle")).to_be_visible()

    assert booking.status == Status.CONFIRMED
    assert booking.room == room and booking.email == ""
    assert booking.start == at(day, "10:00") and booking.end == at(day, "11:00")
    assert booking.booked_by == get_user_model().objects.get(username="coordination")
    assert mail.outbox == []  # nobody to email: the page is printed
    assert page.foreign_requests == []


def six_free_wednesdays(room, start, end):
    """Six weeks in a row of the training room free on Wednesday (no closure, no booking, no atelier)."""
    first = first_free_day(room, start, end, weekday=2, after_days=2)
    for _ in range(30):
        days = [first + datetime.timedelta(weeks=n) for n in range(6)]
        if all(is_free(room, day, start, end) for day in days):
            return days
        first += datetime.timedelta(weeks=1)
    raise AssertionError("pas six mercredis libres de suite dans la salle de formation")


def test_member_requests_a_weekly_series_whose_taken_date_is_skipped_and_cannot_see_the_inbox(page):
    room = Room.objects.get(slug="la-salle-de-formation")
    days = six_free_wednesdays(room, "10:00", "12:00")
    taken = days[2]
    rules.book(
        room,
        at(taken, "09:30"),
        at(taken, "11:00"),
        status=Status.CONFIRMED,
        name="Pascale Thébault",
        email="pascale.thebault@exemple.fr",
        purpose="Formation au tableur",
        people=6,
    )
    log_in(page, "mulots")
    page.get_by_role("button", name="Réservations").click()
    expect(page.get_by_role("link", name="À valider", exact=True)).to_have_count(0)
    page.get_by_role("link", name="Demander une série", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demander une série")

    field(page, "Salle").select_option(label="La salle de formation")
    field(page, "Chaque").select_option(label="mercredi")
    field(page, "De").fill("10:00")
    field(page, "À").fill("12:00")
    field(page, "À partir du").fill(days[0].isoformat())
    field(page, "Jusqu'au (inclus)").fill(days[-1].isoformat())
    expect(field(page, "Organisation")).to_have_value("Les Mulots")
    field(page, "Personne à contacter").fill("Gaëlle Tanguy")
    field(page, "Pour quoi faire\u00a0?").fill("Atelier hebdomadaire « L'ordinateur sans stress »")
    field(page, "Nombre de personnes").fill("8")
    page.get_by_role("button", name="Réserver la série").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre série")
    expect(page.get_by_role("heading", name="5 dates réservées")).to_be_visible()
    booked = page.locator("#main ul", has=page.locator("time[datetime*='T']"))
    for day in days:
        if day != taken:
            expect(booked.locator(f"time[datetime^='{day.isoformat()}T']")).to_have_text(long_date(day))
    expect(booked).not_to_contain_text(long_date(taken))
    expect(page.get_by_role("heading", name="1 date sautée")).to_be_visible()
    skipped = page.get_by_role("listitem").filter(has=page.locator(f"time[datetime='{taken.isoformat()}']"))
    expect(skipped).to_have_text(f"{long_date(taken)} : {TAKEN}")
    expect(page.locator("#main")).not_to_contain_text("Pascale")  # who holds the date stays private

    series = Series.objects.get(organisation="Les Mulots", room=room, first_date=days[0])  # the demo has past ones
    assert series.requested_by.username == "mulots"
    assert [timezone.localdate(b.start) for b in series.bookings.order_by("start")] == [d for d in days if d != taken]
    assert set(series.bookings.values_list("status", flat=True)) == {Status.CONFIRMED}

    page.goto(page.base_url + INBOX)
    expect(page).not_to_have_url(page.base_url + INBOX)
    expect(page.locator(".messages")).to_contain_text("vous n'avez pas les autorisations")
    content = page.content()
    for booking in Booking.objects.exclude(series=series).filter(anonymised=False):  # the purged have no name
        assert booking.name not in content
        assert not booking.email or booking.email not in content
    assert page.foreign_requests == []
