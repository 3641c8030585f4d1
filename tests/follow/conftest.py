import datetime

from django.utils import timezone

from follow.models import Subscription


def subscribe(email="suzanne@exemple.fr", rhythm="each", confirmed=True, confirmed_at=None, **choices):
    """A subscription confirmed an hour ago (before the ateliers a test publishes), or at `confirmed_at`."""
    if confirmed and confirmed_at is None:
        confirmed_at = timezone.now() - datetime.timedelta(hours=1)
    subscription = Subscription.objects.create(
        email=email, rhythm=rhythm, audiences=choices.get("audiences", []), confirmed_at=confirmed_at
    )
    subscription.categories.set(choices.get("categories", []))
    subscription.members.set(choices.get("members", []))
    return subscription
