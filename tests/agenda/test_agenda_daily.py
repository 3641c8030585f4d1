import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from agenda import registration
from agenda.models import Registration
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
