import datetime

from django.core import mail
from django.utils import timezone

import pytest

from agenda import registration
from agenda.models import AtelierStatus, OccurrenceChange, Registration, RegistrationStatus
from tests.agenda.factories import make_atelier


def session(atelier):
    return atelier.occurrences.get()


def register(occurrence, people=1, name="Annie", email="annie@exemple.fr"):
    return registration.register(occurrence, name, email, people)


def test_registration_takes_places_counted_in_people(agenda):
    occurrence = session(make_atelier(places=6))
    register(occurrence, people=4)
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 4 and occurrence.places_left == 2
    assert "Confirmez votre inscription" in mail.outbox[-1].subject


def test_the_last_free_place_goes_to_the_first_and_the_next_waits(agenda):
    occurrence = session(make_atelier(places=3))
    first = register(occurrence, people=2)
    last = register(occurrence, people=1)
    waiting = register(occurrence, people=1)
    assert [first.status, last.status, waiting.status] == ["registered", "registered", "waiting"]
    occurrence.refresh_from_db()
    assert occurrence.is_full and occurrence.status_label == "Complet"


def test_full_session_without_waiting_list_refuses_and_stores_nothing(agenda):
    occurrence = session(make_atelier(places=1, waiting_list=False))
    register(occurrence)
    with pytest.raises(registration.RegistrationRefused, match="complète"):
        register(occurrence)
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "people", "message"),
    [
        ({"registration_required": False}, 1, "sans inscription"),
        ({"max_people_per_registration": 2}, 3, "au plus 2 personnes"),
        ({"places": 3, "max_people_per_registration": 5}, 4, "que 3 places"),
        ({"status": AtelierStatus.CANCELLED}, 1, "annulée"),
    ],
)
def test_refused_registrations_say_why_in_french_and_store_nothing(agenda, fields, people, message):
    occurrence = session(make_atelier(**fields))
    with pytest.raises(registration.RegistrationRefused, match=message):
        register(occurrence, people=people)
    assert not Registration.objects.exists()
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 0


def test_registration_closes_at_the_deadline_and_the_session_is_then_past(agenda):
    start = timezone.now() + datetime.timedelta(hours=3)
    occurrence = session(
        make_atelier(start=start, end=start + datetime.timedelta(hours=2), registration_closes_hours=2)
    )
    just_before = occurrence.registration_deadline - datetime.timedelta(seconds=1)
    registration.check_can_register(occurrence, 1, now=just_before)
    with pytest.raises(registration.RegistrationRefused, match="closes"):
        registration.check_can_register(occurrence, 1, now=occurrence.registration_deadline)
    with pytest.raises(registration.RegistrationRefused, match="passée"):
        registration.check_can_register(occurrence, 1, now=occurrence.start)


def test_cancelling_frees_places_and_offers_them_to_the_first_confirmed_person_waiting(agenda):
    occurrence = session(make_atelier(places=2))
    holder = register(occurrence, people=2)
    first_waiting = register(occurrence, people=1, name="Bernard", email="b@exemple.fr")
    second_waiting = register(occurrence, people=1, name="Chloé", email="c@exemple.fr")
    for waiting in (first_waiting, second_waiting):
        registration.confirm_email(waiting)
    mail.outbox.clear()

    assert registration.cancel(holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    # Two places freed: both people waiting are offered one, in order.
    assert first_waiting.status == second_waiting.status == RegistrationStatus.OFFERED
    assert {m.to[0] for m in mail.outbox if "place est libre" in m.subject} == {"b@exemple.fr", "c@exemple.fr"}
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 2


def test_an_offer_not_claimed_in_time_goes_to_the_next_person(agenda):
    occurrence = session(make_atelier(places=1))
    register(occurrence)
    first = register(occurrence, name="Bernard", email="b@exemple.fr")
    second = register(occurrence, name="Chloé", email="c@exemple.fr")
    registration.confirm_email(first)
    registration.confirm_email(second)
    registration.cancel(Registration.objects.get(status=RegistrationStatus.REGISTERED))
    first.refresh_from_db()
    assert first.status == RegistrationStatus.OFFERED

    later = first.offer_expires_at + datetime.timedelta(minutes=1)
    with pytest.raises(registration.RegistrationRefused, match="délai"):
        registration.claim_offer(first, now=later)
    assert registration.expire(now=later) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert second.status == RegistrationStatus.OFFERED
    registration.claim_offer(second, now=later)
    second.refresh_from_db()
    assert second.status == RegistrationStatus.REGISTERED


def test_unconfirmed_registrations_free_their_places_after_48_hours(agenda):
    occurrence = session(make_atelier(places=1, start=timezone.now() + datetime.timedelta(days=10)))
    unconfirmed = register(occurrence)
    assert registration.expire(now=timezone.now() + datetime.timedelta(hours=47)) == 0
    assert registration.expire(now=timezone.now() + datetime.timedelta(hours=49)) == 1
    unconfirmed.refresh_from_db()
    occurrence.refresh_from_db()
    assert unconfirmed.status == RegistrationStatus.CANCELLED and occurrence.places_taken == 0


def test_cancelling_twice_changes_nothing_the_second_time(agenda):
    occurrence = session(make_atelier(places=2))
    made = register(occurrence, people=2)
    assert registration.cancel(made) is True
    assert registration.cancel(made) is False
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 0


def test_reminders_go_once_to_confirmed_people_two_days_before(agenda):
    start = timezone.now() + datetime.timedelta(days=1)
    occurrence = session(make_atelier(start=start, end=start + datetime.timedelta(hours=2)))
    confirmed = register(occurrence)
    registration.confirm_email(confirmed)
    register(occurrence, name="Sans confirmation", email="x@exemple.fr")
    mail.outbox.clear()
    assert registration.send_reminders() == 1
    assert registration.send_reminders() == 0
    assert [m.to for m in mail.outbox] == [["annie@exemple.fr"]]
    assert mail.outbox[0].attachments[0][0] == "atelier.ics"


def test_cancelling_a_session_tells_everyone_registered(agenda):
    occurrence = session(make_atelier(places=5))
    register(occurrence, email="a@exemple.fr")
    register(occurrence, email="b@exemple.fr")
    mail.outbox.clear()
    assert registration.cancel_occurrence(occurrence) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@exemple.fr", "b@exemple.fr"]
    assert all("Séance annulée" in m.subject for m in mail.outbox)


def test_personal_data_is_deleted_some_days_after_the_session(agenda):
    occurrence = session(make_atelier(places=5))
    register(occurrence)
    after = occurrence.end + datetime.timedelta(days=31)
    assert registration.purge_personal_data(keep_days=30, now=occurrence.end + datetime.timedelta(days=29)) == 0
    assert registration.purge_personal_data(keep_days=30, now=after) == 1
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 1  # the anonymous count remains


def test_a_moved_session_keeps_its_registrations(agenda):
    atelier = make_atelier(frequency="weekly", repeat_until=(timezone.localdate() + datetime.timedelta(days=30)))
    first = atelier.occurrences.first()
    register(first)
    new_start = first.start + datetime.timedelta(days=1)
    atelier.changes = [
        OccurrenceChange(
            date=timezone.localdate(first.start), new_start=new_start, new_end=new_start + datetime.timedelta(hours=2)
        )
    ]
    atelier.save_revision().publish()
    first.refresh_from_db()
    assert first.start == new_start and first.registrations.count() == 1


def test_emails_are_plain_text_without_html_escaping(agenda):
    occurrence = session(make_atelier(title="Atelier « <Réparer> » d'hiver", places=5))
    register(occurrence, name="Jeanne O'Neil")
    body = mail.outbox[-1].body
    assert "Bonjour Jeanne O'Neil," in body
    assert "Atelier « <Réparer> » d'hiver" in body
    assert "&#x27;" not in body and "&lt;" not in body
