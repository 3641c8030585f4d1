"""Jobs run by themselves: the scheduler queues what is due, the worker runs it,
and each job is safe to run twice."""

import datetime
import io
import zoneinfo

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from agenda import registration
from agenda.models import Registration, RegistrationStatus
from booking.models import Booking
from core import schedule
from core.models import ScheduledJob
from tests.agenda.factories import make_atelier
from tests.booking.conftest import make_room
from tests.core.conftest import DATABASE_TASKS

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def test_a_job_every_hour_is_due_an_hour_after_it_was_queued():
    job = schedule.Job(name="j", func=str, every=datetime.timedelta(hours=1))
    last = paris(2026, 12, 2, 10, 0)
    assert job.is_due(None, last)
    assert not job.is_due(last, last + datetime.timedelta(minutes=59))
    assert job.is_due(last, last + datetime.timedelta(hours=1))


@pytest.mark.parametrize(
    ("last", "now", "due"),
    [
        (paris(2026, 12, 2, 4, 10), paris(2026, 12, 2, 23, 0), False),  # ran today already
        (paris(2026, 12, 2, 4, 10), paris(2026, 12, 3, 4, 10), True),
        (paris(2026, 12, 2, 1, 0), paris(2026, 12, 2, 4, 10), True),  # first start before the hour
        (paris(2026, 12, 2, 1, 0), paris(2026, 12, 2, 4, 9), False),
        # Across the October clock change the job still runs at 4:10 Paris time (25 hours later).
        (paris(2026, 10, 24, 4, 10), paris(2026, 10, 25, 4, 9), False),
        (paris(2026, 10, 24, 4, 10), paris(2026, 10, 25, 4, 10), True),
    ],
)
def test_a_daily_job_is_due_once_a_day_at_its_paris_time(last, now, due):
    job = schedule.Job(name="j", func=str, daily_at=datetime.time(4, 10))
    assert job.is_due(last, now) is due


def test_a_job_is_declared_with_one_rhythm():
    with pytest.raises(ValueError, match="either"):
        schedule.job("double", every_minutes=5, daily_at="03:00")


def test_the_apps_declare_their_housekeeping():
    assert {"agenda-housekeeping", "booking-housekeeping", "heartbeat", "prune-tasks", "prune-login-logs"} <= set(
        schedule.jobs()
    )


def test_two_schedulers_queue_a_due_job_once(db):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS=DATABASE_TASKS):  # queued, not run: only the queue is looked at
        first = schedule.tick(now=timezone.now())
        second = schedule.tick(now=timezone.now())
    assert set(first) == set(schedule.jobs()) and second == []
    assert DBTaskResult.objects.filter(task_path="core.schedule.run_job").count() == len(first)


@pytest.mark.django_db(transaction=True)
def test_housekeeping_from_the_scheduler_frees_a_lost_place_and_erases_an_old_booking(committed_demo):
    atelier = make_atelier(places=1, slug="atelier-du-planificateur")
    occurrence = atelier.occurrences.get()
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    unconfirmed = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    Registration.objects.filter(pk=unconfirmed.pk).update(created_at=three_days_ago)
    room = make_room(notice_hours=0)
    old_start = timezone.now() - datetime.timedelta(days=200)
    old = Booking.objects.create(
        room=room,
        start=old_start,
        end=old_start + datetime.timedelta(hours=1),
        blocked_until=old_start + datetime.timedelta(hours=1),
        name="Bernard",
        email="bernard@exemple.fr",
        purpose="Réunion",
        people=3,
        status="confirmed",
    )

    with override_settings(TASKS=DATABASE_TASKS):
        out = io.StringIO()
        call_command("scheduler", "--once", stdout=out)
        assert ScheduledJob.objects.filter(last_finished_at__isnull=True).count() == len(schedule.jobs())
        call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)

    unconfirmed.refresh_from_db()
    occurrence.refresh_from_db()
    old.refresh_from_db()
    assert unconfirmed.status == RegistrationStatus.CANCELLED and occurrence.places_taken == 0
    assert (old.anonymised, old.name, old.email) == (True, "", "")
    outcome = ScheduledJob.objects.get(name="agenda-housekeeping").last_outcome
    assert outcome.startswith("1 inscription(s) expirée(s)")
    assert "1 réservation(s) anonymisée(s)" in ScheduledJob.objects.get(name="booking-housekeeping").last_outcome


def test_a_failing_job_records_its_failure_and_the_next_ones_still_run(db, monkeypatch):
    def broken():
        raise RuntimeError("disque plein")

    monkeypatch.setitem(schedule._jobs, "broken", schedule.Job(name="broken", func=broken, every=datetime.timedelta(1)))
    ScheduledJob.objects.create(name="broken")
    with pytest.raises(RuntimeError):
        schedule.run_job.call("broken")
    assert "disque plein" in ScheduledJob.objects.get(name="broken").last_outcome
    assert schedule.run_job.call("heartbeat") == "ok"
