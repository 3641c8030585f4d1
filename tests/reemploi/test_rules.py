"""The steps of a donation, each a conditional UPDATE, and the purge of personal data on
its delay (plain functions, then the scheduled job run by the real task worker)."""

import datetime
import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from core import schedule
from core.models import ScheduledJob
from reemploi import rules
from reemploi.models import DeviceRequest, Donation
from tests.core.conftest import DATABASE_TASKS
from tests.reemploi.conftest import donation, member

pytestmark = pytest.mark.django_db


def status_of(made):
    made.refresh_from_db()
    return made.status


def test_a_donation_goes_through_its_steps_to_redistributed(site):
    made = donation()
    for before, after in [("promis", "recu"), ("recu", "reconditionne"), ("reconditionne", "redistribue")]:
        rules.change_status(made, before, after)
        assert status_of(made) == after
    with pytest.raises(rules.StepRefused, match="ne peut pas suivre"):
        rules.change_status(made, "redistribue", "recycle", "cassé")


def test_a_step_cannot_be_skipped_nor_go_back(site):
    made = donation()
    with pytest.raises(rules.StepRefused):
        rules.change_status(made, "promis", "redistribue")
    rules.change_status(made, "promis", "recu")
    with pytest.raises(rules.StepRefused):
        rules.change_status(made, "recu", "promis")
    assert status_of(made) == "recu"


def test_recycled_needs_a_reason(site):
    made = donation(status="recu")
    with pytest.raises(rules.StepRefused, match="pourquoi"):
        rules.change_status(made, "recu", "recycle", "   ")
    rules.change_status(made, "recu", "recycle", "Écran cassé")
    made.refresh_from_db()
    assert (made.status, made.recycled_reason) == ("recycle", "Écran cassé")


def test_a_step_from_a_status_that_changed_meanwhile_is_refused(site):
    made = donation()
    rules.change_status(made, "promis", "recu")
    with pytest.raises(rules.StepRefused, match="changé d'étape entre-temps"):
        rules.change_status(made, "promis", "recu")  # the second person still saw « promis »


def test_personal_data_is_erased_on_the_day_its_delay_ends_not_before(site):
    now = timezone.now()
    keep = 90
    due = donation(status="redistribue", days_ago=keep, note="à l'accueil")
    Donation.objects.filter(pk=due.pk).update(status_changed_at=now - datetime.timedelta(days=keep, seconds=1))
    kept = donation(status="redistribue")
    Donation.objects.filter(pk=kept.pk).update(status_changed_at=now - datetime.timedelta(days=keep, seconds=-60))
    old_request = DeviceRequest.objects.create(member=member("clic-n-puces"), purpose="Démarches", name="Paul")
    DeviceRequest.objects.filter(pk=old_request.pk).update(created_at=now - datetime.timedelta(days=keep + 1))

    rules.purge_personal_data(keep, now=now)

    due.refresh_from_db()
    kept.refresh_from_db()
    old_request.refresh_from_db()
    assert (due.name, due.email, due.phone, due.note, due.status) == ("", "", "", "", "redistribue")
    assert due.purged_at == now and due.quantity == 1  # the figures stay
    assert (kept.name, kept.purged_at) == ("Jeanne Donatrice", None)
    assert (old_request.name, old_request.purpose) == ("", "")
    assert rules.purge_personal_data(keep, now=now) == 0  # nothing twice


def test_a_purged_donation_link_leads_nowhere(client, site):
    made = donation(status="recu")
    token = made.make_token()
    rules.purge_personal_data(0, now=timezone.now() + datetime.timedelta(seconds=1))
    assert client.get(f"/reemploi/don/{token}/").status_code == 400


@pytest.mark.django_db(transaction=True)
def test_the_scheduled_purge_runs_in_the_worker(committed_demo, settings):
    old = donation(status="recycle", recycled_reason="hors d'usage")
    Donation.objects.filter(pk=old.pk).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=settings.REEMPLOI_KEEP_DAYS + 1)
    )
    ScheduledJob.objects.create(name="reemploi_purge_personal_data")
    with override_settings(TASKS=DATABASE_TASKS):
        schedule.run_job.enqueue("reemploi_purge_personal_data")
        call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)
    old.refresh_from_db()
    assert (old.name, old.email) == ("", "")
    outcome = ScheduledJob.objects.get(name="reemploi_purge_personal_data").last_outcome
    assert outcome == "1 don(s) ou demande(s) rendu(s) anonyme(s)."
