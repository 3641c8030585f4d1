"""The activity report: what the agenda, the rooms, the counters and the library say of a
period, for the whole collective or one member, as tables (`reports.tables`).

Every figure comes from anonymous counts (agenda.figures, booking.figures, the counters,
reemploi.impact), so a report is the same before and after personal data is purged. The
query count does not grow with the data: three queries for the sessions, the rooms', one
for the members' names, one for the counters, one for the guides, three for réemploi."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from agenda.figures import session_figures
from booking.figures import room_figures
from booking.models import BookerKind
from core.choices import MONTH_NAMES, Audience
from home.models import MemberPage
from reemploi.impact import impact_by_member
from reemploi.impact import total as impact_total
from reports.cells import Hours, Percent
from reports.cra import cra_table
from reports.models import CounterEntry, PublicFigure
from reports.tables import Report, Table
from resources.models import GuidePage

SESSION_HEADERS = (
    "Séances tenues",
    "Séances annulées",
    "Personnes inscrites",
    "Personnes présentes",
    "Personnes absentes",
    "Liste d'attente",
)
ZERO = datetime.timedelta(0)
PUBLISHED, REVIEWED = "publié", "relu"


@dataclass(frozen=True)
class Activity:
    sessions: list  # [agenda.figures.SessionFigures]
    rooms: list  # [booking.figures.RoomFigures]
    counters: list  # [(kind id, kind name, total)]
    guides: list  # [(title, author's name, PUBLISHED or REVIEWED, date)], by date
    reemploi: dict  # {member id or None: reemploi.impact.Impact}


def collect(period, member=None, now=None):
    now = now or timezone.now()
    start, end = period.start, period.end
    counters = CounterEntry.objects.between(period.first_day, period.last_day).of_member(member).totals()
    return Activity(
        sessions=session_figures(start, end, member=member, now=now),
        rooms=room_figures(start, end, member=member, now=now),
        counters=counters,
        guides=guide_events(period, member),
        reemploi=impact_by_member(period.first_day, period.last_day, member),
    )


def guide_events(period, member):
    """The guides first published in the period, and the live guides published before it
    and reviewed during it (a new guide's review date is its writing: not a review)."""
    published = Q(first_published_at__gte=period.start, first_published_at__lt=period.end)
    reviewed = Q(
        live=True, first_published_at__lt=period.start, last_reviewed__range=(period.first_day, period.last_day)
    )
    guides = GuidePage.objects.filter(published | reviewed)
    if member is not None:
        guides = guides.filter(author=member)
    events = []
    for title, author, first_published_at, last_reviewed in guides.values_list(
        "title", "author__title", "first_published_at", "last_reviewed"
    ):
        if first_published_at >= period.start:
            events.append((title, author or "", PUBLISHED, timezone.localdate(first_published_at)))
        else:
            events.append((title, author or "", REVIEWED, last_reviewed))
    return sorted(events, key=lambda event: (event[3], event[0]))


def build_report(period, member=None, now=None):
    """The Report of `period` (reports.periods.Period), only `member`'s activity when given."""
    activity = collect(period, member, now)
    sessions = activity.sessions
    members = dict(
        MemberPage.objects.filter(
            pk__in={pk for s in sessions for pk in s.members} | set(activity.reemploi)
        ).values_list("pk", "title")
    )
    by_month = grouped(sessions, lambda s: [(timezone.localtime(s.start).year, timezone.localtime(s.start).month)])
    return Report(
        period=period,
        member=member,
        tables=[
            key_figures_table(activity),
            session_table(
                "by-month",
                "Séances par mois",
                "Mois",
                [
                    (f"{MONTH_NAMES[month - 1]} {year}", by_month.get((year, month), []))
                    for year, month in period.months()
                ],
                note="Une séance compte dans le mois où elle commence.",
            ),
            session_table(
                "by-category",
                "Séances par catégorie",
                "Catégorie",
                labelled(grouped(sessions, lambda s: s.categories or [None]), "Sans catégorie"),
                note="Une séance de plusieurs catégories compte dans chacune.",
            ),
            session_table(
                "by-audience",
                "Séances par public",
                "Public",
                [
                    (label, group)
                    for value, label in Audience.choices
                    if (group := grouped_by_audience(sessions, value))
                ],
            ),
            session_table(
                "by-member",
                "Séances par membre organisateur",
                "Membre",
                labelled(
                    grouped(sessions, lambda s: [members.get(pk, "") for pk in s.members] or [None]),
                    "Sans membre organisateur",
                ),
                note="Une séance organisée à plusieurs compte pour chaque membre.",
            ),
            session_table(
                "by-place",
                "Séances par lieu",
                "Lieu",
                labelled(grouped(sessions, lambda s: [s.place or None]), "Lieu non précisé"),
            ),
            cra_table(sessions),
            rooms_table(activity.rooms),
            booker_kinds_table(activity.rooms),
            Table(
                "counters",
                "Chiffres saisis",
                ("Compteur", "Total"),
                [(name, total) for _kind, name, total in activity.counters],
                note="Les chiffres que les membres ont saisis à la main pour la période.",
            ),
            Table("guides", "Guides publiés et relus", ("Guide", "Membre auteur", "Quoi", "Date"), activity.guides),
            reemploi_table(activity.reemploi, members),
        ],
    )


def grouped(sessions, keys):
    """{key: [sessions]}, a session under each of its keys."""
    groups = defaultdict(list)
    for session in sessions:
        for key in keys(session):
            groups[key].append(session)
    return groups


def grouped_by_audience(sessions, value):
    return [session for session in sessions if session.audience == value]


def labelled(groups, missing):
    """[(name, sessions)] in alphabetical order, the sessions without a name last."""
    named = sorted((key, group) for key, group in groups.items() if key)
    return named + ([(missing, groups[None])] if groups.get(None) else [])


def session_counts(sessions):
    kept = [session for session in sessions if not session.cancelled]
    return (
        sum(session.held for session in sessions),
        sum(session.cancelled for session in sessions),
        sum(session.registered for session in kept),
        sum(session.present for session in kept),
        sum(session.absent for session in kept),
        sum(session.waiting for session in kept),
    )


def session_table(slug, title, name, groups, note=""):
    return Table(
        slug, title, (name, *SESSION_HEADERS), [(label, *session_counts(group)) for label, group in groups], note
    )


def share(part, whole):
    return Percent(part / whole if whole else None)


def total(durations):
    return sum(durations, ZERO)


def key_figures_table(activity):
    sessions, rooms = activity.sessions, activity.rooms
    held, cancelled, registered, present, absent, waiting = session_counts(sessions)
    counted = [s for s in sessions if not s.cancelled and s.places]
    open_time, booked = total(r.open_time for r in rooms), total(r.booked for r in rooms)
    rows = [
        ("Séances tenues", held),
        ("Séances annulées", cancelled),
        ("Séances à venir", sum(not s.held and not s.cancelled for s in sessions)),
        ("Personnes inscrites", registered),
        ("Personnes présentes", present),
        ("Personnes absentes", absent),
        ("Taux de présence (présentes sur présentes et absentes)", share(present, present + absent)),
        (
            "Taux de remplissage (inscrites sur places)",
            share(sum(s.registered for s in counted), sum(s.places for s in counted)),
        ),
        ("Demande en liste d'attente (personnes)", waiting),
        ("Désinscriptions (personnes)", sum(s.cancelled_registrations for s in sessions if not s.cancelled)),
        ("Heures de salle réservées", Hours(booked)),
        ("Heures de salle utilisées", Hours(total(r.used for r in rooms))),
        ("Taux d'occupation des salles", share(booked, open_time)),
        ("Guides publiés", sum(event[2] == PUBLISHED for event in activity.guides)),
        ("Guides relus", sum(event[2] == REVIEWED for event in activity.guides)),
        *((name, count) for _kind, name, count in activity.counters),
        *reemploi_key_figures(impact_total(activity.reemploi.values())),
    ]
    return Table("key-figures", "Chiffres clés", ("Indicateur", "Valeur"), rows)


def kg(amount):
    """Kilograms to one decimal: a number for the spreadsheet."""
    return round(float(amount), 1)


REEMPLOI_HEADERS = ("Appareils réparés", "Appareils redistribués", "Déchets évités (kg)", "Émissions évitées (kg CO2e)")


def reemploi_values(impact):
    return (impact.repaired, impact.redistributed, kg(impact.waste_kg), kg(impact.co2e_kg))


def reemploi_key_figures(impact):
    labels = ("Appareils réparés au repair café", "Appareils donnés et redistribués", *REEMPLOI_HEADERS[2:])
    return list(zip(labels, reemploi_values(impact), strict=True))


def reemploi_table(impacts, members):
    rows = sorted((members.get(pk, "Sans membre"), *reemploi_values(impact)) for pk, impact in impacts.items())
    note = (
        "Un appareil réparé (repair café, résultat «\u00a0réparé\u00a0») ou redistribué après un don "
        "évite son poids de déchets et les émissions de la fabrication d'un neuf, "
        "d'après la table des facteurs d'impact."
    )
    return Table("reemploi", "Réemploi et réparation", ("Membre", *REEMPLOI_HEADERS), rows, note)


def rooms_table(rooms):
    headers = (
        "Salle",
        "Heures d'ouverture",
        "Heures réservées",
        "Heures utilisées",
        "Heures annulées",
        "Taux d'occupation",
    )
    rows = [
        (r.room_name, Hours(r.open_time), Hours(r.booked), Hours(r.used), Hours(r.cancelled), Percent(r.occupancy))
        for r in rooms
    ]
    note = "Taux d'occupation\u00a0: heures réservées sur heures d'ouverture, fermetures retirées."
    return Table("rooms", "Salles", headers, rows, note)


def booker_kinds_table(rooms):
    rows = []
    for kind in BookerKind:
        hours = [
            total(room.by_kind.get(kind, {}).get(what, ZERO) for room in rooms)
            for what in ("booked", "used", "cancelled")
        ]
        rows.append((str(kind.label), *(Hours(duration) for duration in hours)))
    headers = ("Qui réserve", "Heures réservées", "Heures utilisées", "Heures annulées")
    return Table("booker-kinds", "Salles\u00a0: heures par type de réservant", headers, rows if rooms else [])


def key_figures(period, member=None, now=None):
    """{PublicFigure value: number, "counter:<kind id>": total} of `period`, for the public
    figures page: the same counts as the report's key figures."""
    activity = collect(period, member, now)
    held, _cancelled, registered, present, _absent, _waiting = session_counts(activity.sessions)
    figures = {
        PublicFigure.SESSIONS_HELD.value: held,
        PublicFigure.PEOPLE_PRESENT.value: present,
        PublicFigure.PEOPLE_REGISTERED.value: registered,
        PublicFigure.ROOM_HOURS_USED.value: Hours(total(room.used for room in activity.rooms)).hours,
        PublicFigure.GUIDES_PUBLISHED.value: sum(event[2] == PUBLISHED for event in activity.guides),
    }
    figures.update({f"counter:{kind_id}": count for kind_id, _name, count in activity.counters})
    figures.update(reemploi_figures(activity))
    return figures


# The counters typed by hand before the site counted réemploi: their entries (the BooTIC's
# 17 computers, past years) are added to what the site counts, so no year loses its figure.
HAND_TYPED = {
    PublicFigure.OBJECTS_REPAIRED.value: "appareils réparés",
    PublicFigure.DEVICES_REDISTRIBUTED.value: "ordinateurs redistribués",
}


def reemploi_figures(activity):
    impact = impact_total(activity.reemploi.values())
    typed = {name: count for _kind, name, count in activity.counters}
    return {
        PublicFigure.OBJECTS_REPAIRED.value: impact.repaired + typed.get(HAND_TYPED["objects_repaired"], 0),
        PublicFigure.DEVICES_REDISTRIBUTED.value: impact.redistributed
        + typed.get(HAND_TYPED["devices_redistributed"], 0),
        PublicFigure.WASTE_AVOIDED.value: kg(impact.waste_kg),
        PublicFigure.CO2E_AVOIDED.value: kg(impact.co2e_kg),
    }
