"""Demo réemploi, read from reemploi/demo_data/: Clic'n Puces receives the donations and
offers a few devices, a few donations and requests, and the objects logged at each past
session of the market's repair café. Left alone when they already exist."""

import datetime
import itertools
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from wagtail.models import Site

from agenda.models import Occurrence
from core import demo_data
from home.models import MemberPage
from reemploi import impact, rules
from reemploi.models import Device, DeviceRequest, Donation, ReemploiSettings, RepairedObject
from resources.models import GuidePage


def build_settings(data, members):
    found = ReemploiSettings.for_site(Site.objects.get(is_default_site=True))
    found.receiving_member = members.get(data["receiving_member"])
    found.erase_guide = GuidePage.objects.filter(slug=data["erase_guide"]).first()
    found.save()
    return found.receiving_member


def build_devices(data, members):
    Device.objects.bulk_create(
        Device(
            member=members[row["member"]],
            kind=row["kind"],
            description=row["description"],
            price=Decimal(row["price"]) if "price" in row else None,
            where=row["where"],
        )
        for row in data["devices"]
    )


def build_donations(data, member, now):
    Donation.objects.bulk_create(
        Donation(
            member=member,
            **{key: row[key] for key in ("kind", "quantity", "age", "starts", "erased", "name", "email", "status")},
            organisation=row.get("organisation", ""),
            recycled_reason=row.get("reason", ""),
            status_changed_at=now - datetime.timedelta(days=row["days_ago"]),
            confirmed_at=now - datetime.timedelta(days=row["days_ago"] + 20),
        )
        for row in data["donations"]
    )


def build_requests(data, members, now):
    made = DeviceRequest.objects.bulk_create(
        DeviceRequest(
            member=members[row["member"]],
            **{key: row.get(key, "") for key in ("purpose", "name", "email", "phone", "on_behalf_of")},
        )
        for row in data["requests"]
    )
    for request, row in zip(made, data["requests"], strict=True):  # auto_now_add: dated afterwards
        DeviceRequest.objects.filter(pk=request.pk).update(created_at=now - datetime.timedelta(days=row["days_ago"]))


def build_repair_season(data, now):
    """Each past session of the repair café gets the next `per_session` objects of the list."""
    objects = itertools.cycle(data["objects"])
    sessions = Occurrence.objects.filter(atelier__slug=data["atelier"], end__lt=now, cancelled=False)
    made = []
    for session in sessions.select_related("atelier").prefetch_related("atelier__organisers"):
        member = session.atelier.organisers.first()
        for row in itertools.islice(objects, data["per_session"]):
            made.append(
                RepairedObject(
                    occurrence=session,
                    member=member,
                    event_date=timezone.localdate(session.start),
                    category=row["category"],
                    brand=row["brand"],
                    age_years=row["age"],
                    problem=row["problem"],
                    status=row["status"],
                    barrier=row.get("barrier"),
                )
            )
    RepairedObject.objects.bulk_create(made)


def build():
    impact.ensure_factors()
    data = demo_data.read("reemploi", "reemploi")
    members = {member.slug: member for member in MemberPage.objects.all()}
    receiving = build_settings(data, members)
    now = timezone.now()
    if not Device.objects.exists():
        build_devices(data, members)
    if not Donation.objects.exists():
        build_donations(data, receiving, now)
    if not DeviceRequest.objects.exists():
        build_requests(data, members, now)
    if not RepairedObject.objects.exists():
        build_repair_season(data["repair_cafe"], now)
    # What the nightly purge leaves of the older donations: anonymous rows.
    rules.purge_personal_data(settings.REEMPLOI_KEEP_DAYS, now)
    return []
