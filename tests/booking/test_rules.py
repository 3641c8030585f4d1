import datetime

from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from booking import rules
from booking.models import Booking, RoomClosure, Status
from tests.booking.conftest import at, make_room

pytestmark = pytest.mark.django_db

PERSON = {"name": "Annie Le Goff", "email": "annie@exemple.fr", "purpose": "Réunion du bureau", "people": 4}


def book(room, start, end, **fields):
    return rules.book(room, start, end, **{**PERSON, **fields})


def test_a_valid_slot_has_no_error(room, monday):
    assert rules.slot_errors(room, at(monday, 14), at(monday, 16)) == {}


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ((14, 0), (14, 0), "end", "après l'heure de début"),
        ((15, 0), (14, 0), "end", "après l'heure de début"),
        ((14, 10), (15, 30), "start", "créneau de 30 minutes"),
        ((14, 0), (15, 15), "end", "créneau de 30 minutes"),
        ((14, 0), (14, 30), "end", "durée minimale est de 1 h"),
        ((9, 0), (17, 0), "end", "durée maximale est de 4 h"),
        ((12, 0), (14, 0), "end", "En dehors des heures d'ouverture (ce jour-là\u00a0: 09:00–12:30, 13:30–18:00)"),
        ((17, 0), (18, 30), "end", "En dehors des heures d'ouverture"),
        ((7, 0), (9, 0), "start", "En dehors des heures d'ouverture"),
    ],
)
def test_bad_slots_are_refused_with_a_french_message(room, monday, start, end, field, message):
    errors = rules.slot_errors(room, at(monday, *start), at(monday, *end))
    assert message in errors[field]


def test_adjacent_opening_ranges_do_not_join(room, monday):
    # Open 9:00–12:30 and 13:30–18:00: 12:00–14:00 crosses the lunch closure.
    assert rules.slot_errors(room, at(monday, 12), at(monday, 14))
    assert rules.slot_errors(room, at(monday, 11, 30), at(monday, 12, 30)) == {}


def test_past_notice_and_horizon(room, monday):
    now = at(monday, 10)
    assert "passé" in rules.slot_errors(room, at(monday, 9), at(monday, 10), now=now)["start"]
    tuesday = monday + datetime.timedelta(days=1)
    assert "24 heures à l'avance" in rules.slot_errors(room, at(tuesday, 9), at(tuesday, 10), now=now)["start"]
    assert rules.slot_errors(room, at(tuesday, 10), at(tuesday, 11), now=now) == {}
    far = monday + datetime.timedelta(days=91)
    assert "90 jours à l'avance" in rules.slot_errors(room, at(far, 14), at(far, 15), now=now)["date"]
    assert rules.slot_errors(room, at(far - datetime.timedelta(days=1), 14), at(far, 15), now=now)


def test_closures_and_closed_days(room, monday):
    RoomClosure.objects.create(room=room, start_date=monday, end_date=monday, reason="Travaux")
    errors = rules.slot_errors(room, at(monday, 14), at(monday, 15))
    assert errors["date"] == "La salle est fermée ce jour-là (Travaux)."
    sunday = monday + datetime.timedelta(days=6)
    assert rules.slot_errors(room, at(sunday, 14), at(sunday, 15))["date"] == "La salle est fermée le dimanche."


def test_daylight_saving_times_that_do_not_exist_or_exist_twice_are_refused():
    march = datetime.date(2027, 3, 28)  # clocks go from 2:00 to 3:00
    october = datetime.date(2027, 10, 31)  # clocks go from 3:00 back to 2:00
    with pytest.raises(rules.InvalidLocalTime, match="n'existe pas"):
        rules.local_datetime(march, datetime.time(2, 30))
    with pytest.raises(rules.InvalidLocalTime, match="existe deux fois"):
        rules.local_datetime(october, datetime.time(2, 30))
    # Around the change, wall-clock hours keep their meaning: 14:00 is 13:00 UTC in winter.
    assert rules.local_datetime(october, datetime.time(14)).astimezone(datetime.UTC).hour == 13
    assert rules.local_datetime(march, datetime.time(14)).astimezone(datetime.UTC).hour == 12


def test_a_night_across_the_clock_change_counts_real_minutes():
    room = make_room(hours=[(datetime.time(0), datetime.time(23, 30))], weekdays=range(7), max_minutes=600)
    october = datetime.date(2027, 10, 31)
    start, end = rules.local_datetime(october, datetime.time(1)), rules.local_datetime(october, datetime.time(9, 30))
    # From 1:00 to 9:30 that night, 9 h 30 really pass (the clock shows 8 h 30).
    now = start - datetime.timedelta(days=3)
    assert rules.slot_errors(room, start, end, now=now) == {}
    shorter = make_room(name="Courte", max_minutes=540, weekdays=range(7))
    assert "9 h" in rules.slot_errors(shorter, start, end, now)["end"]
    booking = rules.book(room, start, end, **PERSON)
    assert booking.end - booking.start == datetime.timedelta(hours=9, minutes=30)


def test_overlaps_are_refused_adjacent_slots_accepted(room, monday):
    book(room, at(monday, 14), at(monday, 16))
    for start, end in [((14, 0), (16, 0)), ((15, 0), (17, 0)), ((13, 30), (14, 30)), ((14, 30), (15, 30))]:
        with pytest.raises(rules.SlotTaken):
            book(room, at(monday, *start), at(monday, *end))
    book(room, at(monday, 16), at(monday, 17))
    book(room, at(monday, 13, 30), at(monday, 14))
    assert Booking.objects.count() == 3


def test_the_buffer_keeps_time_between_bookings():
    room = make_room(buffer_minutes=30)
    monday = timezone.localdate() + datetime.timedelta(days=14 - timezone.localdate().weekday())
    book(room, at(monday, 14), at(monday, 15))
    with pytest.raises(rules.SlotTaken):
        book(room, at(monday, 15), at(monday, 16))
    with pytest.raises(rules.SlotTaken):
        book(room, at(monday, 12), at(monday, 14))  # its own buffer runs into 14:00
    book(room, at(monday, 15, 30), at(monday, 16, 30))
    book(room, at(monday, 11), at(monday, 13, 30))


def test_other_rooms_and_inactive_bookings_do_not_block(room, monday):
    other = make_room(name="Autre salle")
    book(other, at(monday, 14), at(monday, 16))
    cancelled = book(room, at(monday, 14), at(monday, 16))
    rules.cancel(cancelled)
    again = book(room, at(monday, 14), at(monday, 16))
    assert list(room.bookings.active()) == [again]


def test_the_database_refuses_an_overlap_even_without_the_rules(room, monday):
    Booking.objects.create(room=room, start=at(monday, 14), end=at(monday, 16), blocked_until=at(monday, 16), **PERSON)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            room=room, start=at(monday, 15), end=at(monday, 17), blocked_until=at(monday, 17), **PERSON
        )
    # A cancelled row may overlap; moving it back to active is refused too.
    cancelled = Booking.objects.create(
        room=room,
        start=at(monday, 15),
        end=at(monday, 17),
        blocked_until=at(monday, 17),
        status=Status.CANCELLED,
        **PERSON,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.filter(pk=cancelled.pk).update(status=Status.CONFIRMED)
    Booking.objects.create(room=room, start=at(monday, 16), end=at(monday, 17), blocked_until=at(monday, 17), **PERSON)


def test_status_changes_happen_once(room, monday):
    booking = book(room, at(monday, 14), at(monday, 16))
    assert booking.status == Status.UNCONFIRMED
    assert rules.confirm_email(booking) and booking.status == Status.CONFIRMED
    assert not rules.confirm_email(booking)
    assert rules.cancel(booking, "Plus besoin") and booking.reason == "Plus besoin"
    assert not rules.cancel(booking)


def test_rooms_that_need_approval_wait_for_coordination(monday):
    room = make_room(needs_approval=True)
    booking = book(room, at(monday, 14), at(monday, 16))
    rules.confirm_email(booking)
    assert booking.status == Status.PENDING
    assert rules.approve(booking) and booking.status == Status.CONFIRMED
    other = book(room, at(monday, 9), at(monday, 10))
    rules.confirm_email(other)
    assert rules.decline(other, "Machine en panne") and other.status == Status.DECLINED


def test_unconfirmed_requests_free_their_slot_after_a_day(room, monday):
    old = book(room, at(monday, 14), at(monday, 16), now=timezone.now() - datetime.timedelta(hours=25))
    fresh = book(room, at(monday, 14), at(monday, 16))
    old.refresh_from_db()
    assert (old.status, fresh.status) == (Status.EXPIRED, Status.UNCONFIRMED)
    book(room, at(monday, 9), at(monday, 10), now=timezone.now() - datetime.timedelta(hours=30))
    assert len(rules.expire_unconfirmed()) == 1


def test_ateliers_in_the_room_block_it(home_page, room, monday):
    from tests.agenda.factories import make_atelier

    make_atelier(start=at(monday, 14), room=room, slug="atelier-dans-la-salle")
    with pytest.raises(rules.SlotHeld) as held:
        book(room, at(monday, 15), at(monday, 17))
    assert held.value.label == "Atelier"
    book(room, at(monday, 16), at(monday, 17))  # the atelier lasts two hours


def test_an_atelier_cannot_be_placed_over_a_booking(home_page, room, monday):
    from django.core.exceptions import ValidationError

    from agenda.models import Frequency
    from tests.agenda.factories import make_atelier

    book(room, at(monday + datetime.timedelta(days=7), 15), at(monday + datetime.timedelta(days=7), 16))
    with pytest.raises(ValidationError, match="Cette salle est déjà réservée le lundi .* de 15h00 à 16h00"):
        # Weekly from this Monday: its second session meets the booking.
        make_atelier(start=at(monday, 14), room=room, frequency=Frequency.WEEKLY, slug="hebdo")
    make_atelier(start=at(monday, 14), room=room, slug="une-fois")  # one session, a week before: fine


def test_purge_erases_who_booked_and_keeps_statistics(room, monday):
    booking = book(room, at(monday, 14), at(monday, 16), phone="02 99 00 00 00", answers={"Vidéo ?": "oui"})
    later = booking.end + datetime.timedelta(days=91)
    assert rules.purge_personal_data(90, now=booking.end + datetime.timedelta(days=89)) == 0
    assert rules.purge_personal_data(90, now=later) == 1
    booking.refresh_from_db()
    assert (booking.name, booking.email, booking.phone, booking.purpose, booking.answers) == ("", "", "", "", {})
    assert booking.anonymised and booking.room == room and booking.duration == datetime.timedelta(hours=2)
    assert rules.purge_personal_data(90, now=later) == 0  # safe to run again


def test_daily_command_expires_and_purges(room, monday):
    from django.core.management import call_command

    book(room, at(monday, 14), at(monday, 16), now=timezone.now() - datetime.timedelta(hours=25))
    mail.outbox.clear()
    call_command("booking_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Booking.objects.get().status == Status.EXPIRED
    assert "expirée" in mail.outbox[0].subject


def test_tokens_are_signed(room, monday):
    booking = book(room, at(monday, 14), at(monday, 16))
    assert rules.booking_from_token(rules.make_token(booking)) == booking
    assert rules.booking_from_token(rules.make_token(booking) + "x") is None
    assert rules.booking_from_token(f"{booking.pk}") is None
    assert rules.email_from_token(rules.make_email_token(" Annie@Exemple.fr")) == "annie@exemple.fr"
    assert rules.email_from_token("annie@exemple.fr") is None
