"""What goes to whom: new ateliers to the « each » subscriptions, a weekly summary to
the others, and the erasure of addresses never confirmed. Each function takes `now`
so that tests can fix the clock; the scheduler's jobs (follow.jobs) call them."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agenda.models import AtelierPage, AtelierStatus, Occurrence
from follow import emails
from follow.models import Rhythm, SentAtelier, Subscription

DIGEST_DAYS = 7


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


def week_sessions(now):
    end = now + datetime.timedelta(days=DIGEST_DAYS)
    return list(
        Occurrence.objects.listed()
        .filter(start__gte=now, start__lt=end, cancelled=False)
        .filter(atelier__status=AtelierStatus.SCHEDULED)
        .order_by("start")
    )


def send_digests(now=None):
    """On Mondays, the week's summary to each « weekly » address that has not had this
    week's yet: the sessions of the next 7 days and the new ateliers. Nothing to say, no mail."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.weekday() != 0:
        return 0
    monday = local.replace(hour=0, minute=0, second=0, microsecond=0)
    ateliers = list(public_ateliers(now))
    week = week_sessions(now)
    sent = 0
    for subscription in confirmed(Rhythm.WEEKLY):
        if subscription.last_sent_at and subscription.last_sent_at >= monday:
            continue
        found = new_ateliers(subscription, ateliers)
        sessions = [session for session in week if subscription.matches(session.atelier)]
        if found or sessions:
            with transaction.atomic():
                record(subscription, found, now)
                emails.send_digest(subscription, found, sessions)
            sent += 1
    return sent


def purge_unconfirmed(now=None):
    """Erases the addresses not confirmed within FOLLOW_UNCONFIRMED_DAYS days."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.FOLLOW_UNCONFIRMED_DAYS)
    _total, by_model = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=limit).delete()
    return by_model.get(Subscription._meta.label, 0)
