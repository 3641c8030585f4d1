"""The day-before call list: the people registered for tomorrow's sessions who have no
email (nothing else reaches them) or asked to be called, with their phone. The mediator
records what each call gave; « ne viendra pas » cancels through the usual path, so the
place goes to the waiting list. The outcome lives on the registration, and goes with it
when personal data are purged."""

import datetime

from django.db.models import Q
from django.utils import timezone

from agenda import registration as rules
from agenda.models import CallOutcome, Registration, RegistrationStatus


def day_bounds(day):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return start, timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


def day_of(occurrence):
    return timezone.localdate(occurrence.start)


def tomorrow(now=None):
    return timezone.localdate(now or timezone.now()) + datetime.timedelta(days=1)


def people_to_call(day, registrations=None):
    """The registrations holding places for a session on `day`, not cancelled, without
    email or asking to be called; soonest session first."""
    start, end = day_bounds(day)
    registrations = Registration.objects.all() if registrations is None else registrations
    return (
        registrations.filter(
            Q(email="") | Q(call_me=True),
            status__in=Registration.HOLDING_PLACES,
            occurrence__start__gte=start,
            occurrence__start__lt=end,
            occurrence__cancelled=False,
        )
        .select_related("occurrence__atelier", "registered_by")
        .order_by("occurrence__start", "occurrence_id", "name", "pk")
    )


def record_call(registration, outcome, now=None):
    """Keeps the outcome; « ne viendra pas » frees the places. False when the
    registration was cancelled meanwhile (by someone else, or a double click)."""
    outcome = CallOutcome(outcome)
    recorded = (
        Registration.objects.filter(pk=registration.pk)
        .exclude(status=RegistrationStatus.CANCELLED)
        .update(call_outcome=outcome, called_at=now or timezone.now())
    )
    if recorded and outcome == CallOutcome.NOT_COMING:
        return rules.cancel(registration, now, notify=bool(registration.email))
    return bool(recorded)
