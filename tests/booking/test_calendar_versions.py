"""A booking's calendar file through its changes of status: each mail's event is a newer
version of the same one (SEQUENCE), and the cancellation is an iTIP CANCEL that mail apps
act on (ORGANIZER, `method=` in the MIME type), read back by a strict parser and a mail parser."""

import email
import threading

from django.core import mail
from django.db import connection

import icalendar
import pytest

from booking import emails, rules
from booking.models import Booking, Status
from tests.booking.conftest import PERSON, at, make_room, monday_in
from tests.validators import ics_errors


def calendar_parts(message):
    # As the SMTP backend sends it: CRLF line ends, which a calendar file needs.
    parsed = email.message_from_bytes(message.message().as_bytes(linesep="\r\n"))
    return [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]


def calendar_of(message):
    """(MIME type, calendar) of the .ics in a mail, as a mail app reads the message."""
    (part,) = calendar_parts(message)
    data = part.get_payload(decode=True)
    assert ics_errors(data) == []
    return part, icalendar.Calendar.from_ical(data)


def sequence_of(cal):
    return int(cal.walk("VEVENT")[0]["SEQUENCE"])


def test_every_change_of_status_sends_a_newer_version_of_the_event(db):
    room = make_room(needs_approval=True)
    monday = monday_in(2)
    booking = rules.book(room, at(monday, 10), at(monday, 12), email="annie@exemple.fr", **PERSON)
    emails.send_status(booking)
    first_change = booking.updated_at
    assert rules.confirm_email(booking) and booking.status == Status.PENDING
    emails.send_status(booking)
    assert rules.approve(booking)
    emails.send_status(booking)
    assert rules.cancel(booking, "Salle en travaux")
    emails.send_status(booking)

    # The request's mails carry no event: it goes into a calendar once confirmed.
    assert [len(calendar_parts(message)) for message in mail.outbox] == [0, 0, 1, 1]
    calendars = [calendar_of(message) for message in mail.outbox[2:]]
    sequences = [sequence_of(cal) for _part, cal in calendars]
    assert sequences == [2, 3]
    assert booking.updated_at > first_change
    assert [str(cal.walk("VEVENT")[0]["STATUS"]) for _part, cal in calendars] == ["CONFIRMED", "CANCELLED"]
    assert len({str(cal.walk("VEVENT")[0]["UID"]) for _part, cal in calendars}) == 1


def test_the_cancellation_is_an_itip_cancel_with_its_organiser_and_method_in_the_mime_type(db, settings):
    settings.DEFAULT_FROM_EMAIL = "Espace numérique <reservations@espace.example>"
    room = make_room()
    monday = monday_in(2)
    booking = rules.book(room, at(monday, 10), at(monday, 12), email="annie@exemple.fr", **PERSON)
    rules.confirm_email(booking)
    emails.send_status(booking)
    rules.cancel(booking)
    emails.send_status(booking)

    (confirmed_part, confirmed), (cancel_part, cancel) = (calendar_of(message) for message in mail.outbox)
    assert confirmed_part.get_param("method") == "PUBLISH"
    assert cancel_part.get_param("method") == "CANCEL"
    assert str(cancel["METHOD"]) == "CANCEL"
    event = cancel.walk("VEVENT")[0]
    assert str(event["ORGANIZER"]) == "mailto:reservations@espace.example"
    assert event["ORGANIZER"].params["CN"] == "Espace numérique"
    assert sequence_of(cancel) > sequence_of(confirmed)


def test_an_unconfirmed_request_expired_by_a_new_booking_is_a_new_version(db):
    room = make_room()
    monday = monday_in(2)
    past = at(monday, 10) - rules.UNCONFIRMED_VALIDITY * 30
    stale = rules.book(room, at(monday, 10), at(monday, 12), now=past, email="a@exemple.fr", **PERSON)
    rules.book(room, at(monday, 10), at(monday, 12), email="b@exemple.fr", **PERSON)
    stale.refresh_from_db()
    assert (stale.status, stale.sequence) == (Status.EXPIRED, 1)


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_cancel_makes_one_new_version():
    """Two cancellations at the same moment: one conditional UPDATE wins, the version goes up once."""
    room = make_room()
    monday = monday_in(2)
    booking = rules.book(room, at(monday, 10), at(monday, 12), email="annie@exemple.fr", **PERSON)
    rules.confirm_email(booking)
    barrier = threading.Barrier(2)
    results = []

    def cancel():
        try:
            copy = Booking.objects.get(pk=booking.pk)
            barrier.wait()
            results.append(rules.cancel(copy))
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    booking.refresh_from_db()
    assert sorted(results) == [False, True]
    assert (booking.status, booking.sequence) == (Status.CANCELLED, 2)
