import datetime

from django.utils import timezone

import pytest

from agenda.models import AtelierPage, FestivalPage
from follow.models import Subscription
from tests.agenda.factories import agenda_index


@pytest.fixture
def agenda(home_page):
    """The demo site with an empty agenda: each test adds the ateliers it needs."""
    for page in [*AtelierPage.objects.all(), *FestivalPage.objects.all()]:
        if page.pk:
            page.refresh_from_db()
            page.delete()
    return agenda_index()


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
