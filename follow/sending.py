"""What goes to whom: new ateliers to the « each » subscriptions, a weekly summary to
the others, and the erasure of addresses never confirmed. Each function takes `now`
so that tests can fix the clock; the scheduler's jobs (follow.jobs) call them."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from agenda.models import AtelierPage, AtelierStatus, Occurrence
from follow import emails
from follow.models import Rhythm, SentAtelier, Subscription

# The weekly summary is due on Mondays at this time (follow.jobs runs its job daily then).
DIGEST_TIME = datetime.time(8, 0)


def confirmed(rhythm):
    return (
        Subscription.objects.filter(rhythm=rhythm, confirmed_at__isnull=False)
        .prefetch_related("categories", "members", "sent")
        .order_by("pk")
    )


def public_ateliers(now):
    """Published (after Coordination's review, for members' ateliers), not cancelled,
    with a session still to come."""
    upcoming = Occurrence.objects.upcoming(now).filter(cancelled=False).values("atelier_id")
    return (
        AtelierPage.objects.live()
        .filter(status=AtelierStatus.SCHEDULED, pk__in=upcoming)
        .prefetch_related("categories", "organisers")
        .order_by("start", "pk")
    )


def new_ateliers(subscription, ateliers):
    """The ateliers first published since the address was confirmed, not yet sent to it."""
    sent = {announced.atelier_id for announced in subscription.sent.all()}  # prefetched by confirmed()
    return [
        atelier
        for atelier in ateliers
        if atelier.pk not in sent
        and atelier.first_published_at
        and atelier.first_published_at >= subscription.confirmed_at
        and subscription.matches(atelier)
    ]


def record(subscription, ateliers, now):
    SentAtelier.objects.bulk_create(
        [SentAtelier(subscription=subscription, atelier=atelier) for atelier in ateliers], ignore_conflicts=True
    )
    Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)


def send_new_ateliers(now=None):
    """One email per « each » address listing its new ateliers; returns how many were sent."""
    now = now or timezone.now()
    ateliers = list(public_ateliers(now))
    sent = 0
    for subscription in confirmed(Rhythm.EACH):
        found = new_ateliers(subscription, ateliers)
        if found:
            with transaction.atomic():
                record(subscription, found, now)
                emails.send_new_ateliers(subscription, found)
            sent += 1
    return sent


def week_of(now):
    """The week `now` is in, in Paris time: its Monday (a date), when its summary is due
    (Monday at DIGEST_TIME) and when it ends (the next Monday at midnight: seven calendar
    days, 167 or 169 hours across a clock change)."""
    today = timezone.localdate(now)
    monday = today - datetime.timedelta(days=today.weekday())
    due = timezone.make_aware(datetime.datetime.combine(monday, DIGEST_TIME))
    end = timezone.make_aware(datetime.datetime.combine(monday + datetime.timedelta(days=7), datetime.time()))
    return monday, due, end


def week_sessions(now, end):
    return list(
        Occurrence.objects.listed()
        .filter(start__gte=now, start__lt=end, cancelled=False)
        .filter(atelier__status=AtelierStatus.SCHEDULED)
        .order_by("start")
    )


def without_summary_of(monday):
    """The addresses whose summary of the week of `monday` is not made yet."""
    return Q(digest_week__isnull=True) | Q(digest_week__lt=monday)


def take_week(subscription, monday):
    """Marks the week's summary as made for the address; False when a run beside this one
    took it first (the update is conditional, so two runs never both send it)."""
    return bool(Subscription.objects.filter(without_summary_of(monday), pk=subscription.pk).update(digest_week=monday))


def send_digests(now=None):
    """The week's summary to each « weekly » address confirmed before it was due (Monday at
    DIGEST_TIME) that has not had it: at the first run from then on, so that a Monday the
    scheduler or the worker missed is caught up later in the week, and never twice. It
    holds the week's sessions still to come, to Sunday night, and the new ateliers;
    nothing to say, no mail (the week counts as done all the same)."""
    now = now or timezone.now()
    monday, due, end = week_of(now)
    if now < due:
        return 0
    ateliers = list(public_ateliers(now))
    week = week_sessions(now, end)
    last_day = monday + datetime.timedelta(days=6)
    sent = 0
    for subscription in confirmed(Rhythm.WEEKLY).filter(without_summary_of(monday), confirmed_at__lt=due):
        found = new_ateliers(subscription, ateliers)
        sessions = [session for session in week if subscription.matches(session.atelier)]
        with transaction.atomic():
            if not take_week(subscription, monday) or not (found or sessions):
                continue
            record(subscription, found, now)
            emails.send_digest(subscription, found, sessions, last_day)
        sent += 1
    return sent


def purge_unconfirmed(now=None):
    """Erases the addresses not confirmed within FOLLOW_UNCONFIRMED_DAYS days."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.FOLLOW_UNCONFIRMED_DAYS)
    _total, by_model = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=limit).delete()
    return by_model.get(Subscription._meta.label, 0)
