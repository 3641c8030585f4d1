"""« 36 objets réparés depuis 2025, 87 kg de déchets évités »: on the page of a member that
repairs or redistributes, from the same counts as the activity report (reemploi.impact)."""

import datetime

from django import template
from django.db.models import Min
from django.utils import timezone

from reemploi.impact import impact_between
from reemploi.models import Donation, DonationStatus, RepairedObject

register = template.Library()


def first_year(member):
    repaired = RepairedObject.objects.filter(member=member).aggregate(first=Min("event_date"))["first"]
    given = Donation.objects.filter(member=member, status=DonationStatus.REDISTRIBUTED).aggregate(
        first=Min("status_changed_at")
    )["first"]
    years = [repaired.year] if repaired else []
    years += [timezone.localtime(given).year] if given else []
    return min(years, default=None)


def member_impact(member):
    """{"since": year, "impact": Impact} of everything the member kept in use; None when nothing."""
    since = first_year(member)
    if since is None:
        return None
    impact = impact_between(datetime.date(since, 1, 1), timezone.localdate(), member)
    return {"since": since, "impact": impact} if impact.devices else None


@register.inclusion_tag("reemploi/member_impact.html")
def member_impact_figures(member):
    # In the member page's cached part: a repair logged or a donation moved on empties the cache.
    return {"found": member_impact(member)}


@register.filter
def weight(kilograms):
    """« 87 kg », « 1,2 t »: French, with a non-breaking space."""
    kilograms = float(kilograms)
    if kilograms >= 1000:
        return f"{kilograms / 1000:.1f}".replace(".", ",") + "\u00a0t"
    return f"{round(kilograms)}\u00a0kg"
