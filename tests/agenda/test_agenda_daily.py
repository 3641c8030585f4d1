import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from agenda import registration
from agenda.models import Occurrence, Registration, RegistrationStatus
from tests.agenda.factories import make_atelier


def test_daily_command_purges_old_registrations_and_is_safe_to_run_twice(agenda, settings):
    settings.AGENDA_KEEP_REGISTRATIONS_DAYS = 30
    start = timezone.now() - datetime.timedelta(days=40)
    old = make_atelier(start=start, end=start + datetime.timedelta(hours=2), registration_required=False)
    Registration.objects.create(
        occurrence=old.occurrences.get(), name="Ancien", email="a@exemple.fr", status="registered"
    )
    upcoming = make_atelier()
    registration.register(upcoming.occurrences.get(), "Récent", "r@exemple.fr", 1)
    out = io.StringIO()
    call_command("agenda_daily", stdout=out)
    assert "1 inscription(s) effacée(s)" in out.getvalue()
    assert list(Registration.objects.values_list("name", flat=True)) == ["Récent"]
    call_command("agenda_daily", stdout=io.StringIO())
    assert Registration.objects.count() == 1


def test_daily_command_extends_recurring_ateliers_as_time_passes(agenda):
    atelier = make_atelier(frequency="weekly", registration_required=False)
    count = atelier.occurrences.count()
    atelier.occurrences.order_by("-start").first().delete()  # as if the horizon had not reached it yet
    call_command("agenda_daily", stdout=io.StringIO())
    assert atelier.occurrences.count() == count


def test_a_second_run_says_truthfully_that_it_added_no_session(agenda):
    make_atelier(frequency="weekly", registration_required=False)
    out = io.StringIO()
    call_command("agenda_daily", stdout=out)
    call_command("agenda_daily", stdout=out)
    assert out.getvalue().splitlines()[-1] == (
        "0 inscription(s) expirée(s), 0 place(s) proposée(s) à la liste d'attente, 0 rappel(s) envoyé(s), "
        "0 séance(s) ajoutée(s) aux ateliers récurrents, 0 inscription(s) effacée(s)."
    )


def test_a_session_cancelled_by_the_team_stays_cancelled_when_the_dates_are_planned_again(agenda):
    atelier = make_atelier(frequency="weekly", places=6)
    session = atelier.occurrences.order_by("start").first()
    registration.register(session, "Annie", "annie@exemple.fr", 2)
    registration.cancel_occurrence(session)
    call_command("agenda_daily", stdout=io.StringIO())
    session.refresh_from_db()
    assert session.cancelled and session.is_cancelled


def test_cancelling_a_session_leaves_no_place_taken(agenda):
    atelier = make_atelier(places=6)
    session = atelier.occurrences.get()
    for n in range(3):
        registration.register(session, f"Personne {n}", f"p{n}@exemple.fr", 2 if n else 1)
    assert Occurrence.objects.get(pk=session.pk).places_taken == 5
    registration.cancel_occurrence(session)
    session.refresh_from_db()
    active = session.registrations.exclude(status=RegistrationStatus.CANCELLED)
    assert session.places_taken == sum(r.people for r in active) == 0
