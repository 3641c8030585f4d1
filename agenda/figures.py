"""The figures of the agenda's sessions over a period, for the activity report: anonymous
counts of people only, the same before and after the purge of personal data.

Which sessions: those starting in the period, ordered by start (a session across midnight
belongs to the day it starts). Those of published ateliers, and also the past ones of
ateliers unpublished since: they took place all the same. The future sessions of an
unpublished atelier are left out, since nobody can see them or register.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from agenda.models import AtelierPage, AtelierStatus, Occurrence
from agenda.models.occurrences import PEOPLE_COUNTS


@dataclass(frozen=True)
class SessionFigures:
    occurrence_id: int
    atelier_id: int
    atelier_title: str
    start: datetime.datetime
    end: datetime.datetime
    place: str  # the room's name when the atelier is in a room of the espace, else its place_name
    audience: str  # a core.choices.Audience value
    categories: tuple[str, ...]  # category names, in alphabetical order
    members: tuple[int, ...]  # ids of the organisers' MemberPages, in ascending order
    places: int | None  # places per session; None: no limit, or no registration
    registration_required: bool
    cancelled: bool  # the session or its whole atelier cancelled
    held: bool  # not cancelled, and ended by `now`
    registered: int  # people holding a place (registered, or offered a freed place)
    present: int  # people marked present
    absent: int  # people marked absent
    waiting: int  # people still on the waiting list
    cancelled_registrations: int  # people whose registration was cancelled

    @property
    def fill_rate(self):
        """Registered people over places, when the places are counted (may exceed 1 if
        places were reduced after people registered)."""
        return self.registered / self.places if self.places else None


def session_figures(start, end, member=None, now=None):
    """[SessionFigures] of the sessions starting in [start, end) (aware datetimes), only
    those of ateliers `member` (a MemberPage) organises when given. Three queries,
    whatever the number of sessions."""
    now = now or timezone.now()
    sessions = Occurrence.objects.filter(start__gte=start, start__lt=end).filter(
        Q(atelier__live=True) | Q(end__lte=now)
    )
    if member is not None:
        sessions = sessions.organised_by([member])
    # The ateliers' vocabularies by a join on the same sessions, not by a list of ids,
    # which could pass SQLite's limit on parameters.
    ateliers = sessions.values("atelier")
    categories = related_values(AtelierPage.categories.through, ateliers, "category__name")
    members = related_values(AtelierPage.organisers.through, ateliers, "memberpage_id")
    # Rows rather than models: building 10,000 pages and sessions would take most of the time.
    rows = (
        sessions.with_people()
        .annotate(place=Coalesce("atelier__room__name", "atelier__place_name"))
        .order_by("start", "pk")
        .values(*ROW_FIELDS, "place", *(f"{name}_people" for name in PEOPLE_COUNTS))
    )
    return [figures(row, categories[row["atelier_id"]], members[row["atelier_id"]], now) for row in rows]


ROW_FIELDS = (
    "pk",
    "atelier_id",
    "atelier__title",
    "start",
    "end",
    "cancelled",
    "atelier__status",
    "atelier__audience",
    "atelier__places",
    "atelier__registration_required",
)


def related_values(through, ateliers, field):
    """{atelier id: (sorted values)} of one of the ateliers' many-to-many fields."""
    values = defaultdict(list)
    for atelier_id, value in through.objects.filter(atelierpage__in=ateliers).values_list("atelierpage_id", field):
        values[atelier_id].append(value)
    return defaultdict(tuple, {atelier_id: tuple(sorted(found)) for atelier_id, found in values.items()})


def figures(row, categories, members, now):
    # As Occurrence.is_cancelled: the session, or its whole atelier.
    cancelled = row["cancelled"] or row["atelier__status"] == AtelierStatus.CANCELLED
    required = row["atelier__registration_required"]
    return SessionFigures(
        occurrence_id=row["pk"],
        atelier_id=row["atelier_id"],
        atelier_title=row["atelier__title"],
        start=row["start"],
        end=row["end"],
        place=row["place"],
        audience=row["atelier__audience"],
        categories=categories,
        members=members,
        places=row["atelier__places"] if required else None,
        registration_required=required,
        cancelled=cancelled,
        held=not cancelled and row["end"] <= now,
        registered=row["registered_people"],
        present=row["present_people"],
        absent=row["absent_people"],
        waiting=row["waiting_people"],
        cancelled_registrations=row["cancelled_people"],
    )
