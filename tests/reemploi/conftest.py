import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from agenda.models import AtelierPage, Occurrence
from home.models import MemberPage
from reemploi.models import Answer, Device, DeviceAge, DeviceKind, Donation

DONATION = {
    "kind": str(DeviceKind.LAPTOP.value),
    "quantity": "2",
    "age": DeviceAge.FIVE_TO_10,
    "starts": Answer.YES,
    "erased": Answer.NO,
    "name": "Hélène Guérin",
    "email": "helene@exemple.fr",
    "phone": "",
    "organisation": "",
    "note": "",
    "website": "",
}


def member(slug):
    return MemberPage.objects.get(slug=slug)


def user(username):
    return get_user_model().objects.get(username=username)


def donation(status="promis", days_ago=0, **fields):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    fields = {
        "kind": DeviceKind.LAPTOP,
        "quantity": 1,
        "age": DeviceAge.UNDER_5,
        "starts": Answer.YES,
        "erased": Answer.YES,
        "name": "Jeanne Donatrice",
        "email": "jeanne@exemple.fr",
        "phone": "06 00 00 00 00",
        **fields,
    }
    return Donation.objects.create(member=member("clic-n-puces"), status=status, status_changed_at=when, **fields)


def device(slug="clic-n-puces", **fields):
    fields = {"kind": DeviceKind.LAPTOP, "description": "Pour internet", "where": "À la boutique", **fields}
    return Device.objects.create(member=member(slug), **fields)


def repair_session(slug="depantek", start=None):
    """A session of a repair café of `slug`, today at 09:30 unless told."""
    atelier = AtelierPage.objects.get(slug="repair-cafe-du-marche")
    start = start or timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    if slug != "depantek":
        atelier.organisers = [member(slug)]
        atelier.save_revision().publish()
    return Occurrence.objects.create(
        atelier=atelier, original_start=start, start=start, end=start + datetime.timedelta(hours=3)
    )


@pytest.fixture
def site(demo_site):
    return demo_site
