"""The demo's past season gives the activity report of the last year real figures."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.utils import timezone

from agenda.figures import session_figures
from agenda.models import Occurrence, Registration

A_YEAR = datetime.timedelta(days=365)


def test_the_demo_has_a_last_year_of_sessions_with_people(demo_site):
    now = timezone.now()
    by_atelier = defaultdict(list)
    for figures in session_figures(now - A_YEAR, now, now=now):
        by_atelier[figures.atelier_title].append(figures)
    tablet = by_atelier["Tablette et téléphone : les bons gestes"]
    assert len(tablet) == 51 and [figures.cancelled for figures in tablet].count(True) == 1
    (cancelled,) = (figures for figures in tablet if figures.cancelled)
    assert (cancelled.registered, cancelled.cancelled_registrations) == (0, 9)  # 6 registered, 3 waiting
    assert {figures.registered for figures in tablet if figures.held} == {4, 5, 6}
    assert all(figures.registered == figures.places for figures in tablet if figures.waiting)
    assert sum(figures.waiting for figures in tablet) > 0
    held = [figures for figures in by_atelier.values() for figures in figures if figures.held]
    assert all(figures.present + figures.absent == figures.registered for figures in held)
    assert sum(figures.present for figures in held) > 400
    install_party = by_atelier["Install party à la médiathèque"]  # monthly, without registration
    assert len(install_party) >= 10
    assert all(figures.held and figures.places is None and figures.registered == 0 for figures in install_party)


def test_the_demo_keeps_only_the_last_month_of_registrations(demo_site):
    ended = timezone.now() - datetime.timedelta(days=settings.AGENDA_KEEP_REGISTRATIONS_DAYS)
    assert not Registration.objects.filter(occurrence__end__lt=ended).exists()
    assert Registration.objects.filter(occurrence__end__gte=ended, email__endswith="@exemple.fr").exists()
    assert Occurrence.objects.filter(end__lt=ended, kept_present__gt=0).count() > 40
