"""Demo agenda, read from agenda/demo_data/: the past BooTIC (November 2017) as
history, an upcoming edition, recurring ateliers of the members, and a past season of
ateliers with their registrations and attendance. Dates are set from today, so that the
demo always has a future and a last year to report on."""

import datetime
import itertools

from django.conf import settings
from django.db.models import DateTimeField, ExpressionWrapper, OuterRef, Subquery
from django.utils import timezone
from django.utils.text import slugify

from agenda import registration
from agenda.models import (
    AgendaIndexPage,
    AtelierPage,
    Category,
    FestivalPage,
    Occurrence,
    Registration,
    RegistrationStatus,
)
from booking.models import Room
from core import demo_data
from core.groups import ensure_coordination_group, setup_member
from home.demo import figure, publish_child
from home.models import HomePage, MemberPage

# What places an atelier in time and links it to others; the rest are its page's fields.
ATELIER_KEYS = (
    "festival",
    "day",
    "festival_day",
    "last_festival_day",
    "start",
    "end",
    "repeat_weeks",
    "at_the_espace",
    "organisers",
    "categories",
    "room",
    "picture",
    "season",
)


def at(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(time)))


def first_weekday_after(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def first_saturday_of_next_month(today):
    saturday = first_weekday_after(today.replace(day=1) + datetime.timedelta(days=31), 5)
    return saturday - datetime.timedelta(days=7 * ((saturday.day - 1) // 7))


A_YEAR = datetime.timedelta(days=365)

# The days the data files name (« day »), from today.
DAYS = {
    "next_tuesday": lambda today: first_weekday_after(today, 1),
    "saturday_after_next": lambda today: first_weekday_after(today, 5) + datetime.timedelta(days=7),
    "first_saturday_of_next_month": first_saturday_of_next_month,
    "monday_in_two_months": lambda today: first_weekday_after(today + datetime.timedelta(days=60), 0),
    "monday_a_year_ago": lambda today: first_weekday_after(today - A_YEAR, 0),
    "thursday_a_year_ago": lambda today: first_weekday_after(today - A_YEAR, 3),
    "saturday_a_year_ago": lambda today: first_saturday_of_next_month(today - A_YEAR),
}


def build_festivals(index, festivals, today):
    pages = {}
    for content in festivals:
        start = content.get("start_date") or DAYS[content["day"]](today)
        pages[content["slug"]] = FestivalPage.objects.filter(slug=content["slug"]).first() or publish_child(
            index,
            FestivalPage(
                **demo_data.fields(FestivalPage, content, ["title", "slug", "intro"]),
                start_date=start,
                end_date=start + datetime.timedelta(days=content["days"] - 1),
                body=[figure(content["picture"])],
            ),
        )
    return pages


def atelier_page(content, festival, today, address):
    """The atelier's page, its dates set from today or from its festival's first day."""
    if festival is None:
        first_day = last_day = DAYS[content["day"]](today)
    else:
        days = content["festival_day"], content.get("last_festival_day", content["festival_day"])
        first_day, last_day = (festival.start_date + datetime.timedelta(days=day - 1) for day in days)
    fields = demo_data.fields(AtelierPage, {key: value for key, value in content.items() if key not in ATELIER_KEYS})
    if "repeat_weeks" in content:
        fields["repeat_until"] = first_day + datetime.timedelta(weeks=content["repeat_weeks"])
    if content.get("at_the_espace"):
        fields["place_address"] = address
    if "picture" in content:
        fields["body"] = [*fields.get("body", []), figure(content["picture"])]
    atelier = AtelierPage(
        **fields,
        start=at(first_day, content["start"]),
        end=at(last_day, content["end"]),
        room=Room.objects.filter(slug=content.get("room")).first(),
    )
    atelier.organisers = list(MemberPage.objects.filter(slug__in=content["organisers"]))
    atelier.categories = list(Category.objects.filter(name__in=content["categories"]))
    return atelier


def turn(values, number):
    """The `number`-th value of a list of the season, taken again from its start."""
    return values[number % len(values)]


def session_registrations(season, number):
    """[(people, status, attended)] of the registrations of the season's `number`-th session:
    the last ones registered were marked absent."""
    registered, left = [], turn(season["registered"], number)
    while left:
        registered.append(min(turn(season["people"], len(registered)), left))
        left -= registered[-1]
    present = len(registered) - turn(season["absent"], number)
    return [
        *((people, RegistrationStatus.REGISTERED, index < present) for index, people in enumerate(registered)),
        *[(1, RegistrationStatus.WAITING, None)] * turn(season["waiting"], number),
        *[(1, RegistrationStatus.CANCELLED, None)] * turn(season["cancelled"], number),
    ]


def build_season(atelier, season, first_names, now):
    """The registrations of the atelier's past sessions, with attendance marked, and the
    session the team cancelled, in a few queries."""
    sessions = list(atelier.occurrences.filter(end__lt=now).order_by("start"))
    if "cancelled_session" in season:
        registration.cancel_occurrence(sessions[season["cancelled_session"] - 1])
    made, names = [], itertools.cycle(first_names)
    for number, session in enumerate(sessions):
        rows = session_registrations(season, number)
        if session.cancelled:  # everyone was told, and no place stays taken
            rows = [(people, RegistrationStatus.CANCELLED, None) for people, _status, _attended in rows]
        for people, status, attended in rows:
            name = next(names)
            made.append(
                Registration(
                    occurrence=session,
                    name=name,
                    email=f"{slugify(name)}@exemple.fr",
                    people=people,
                    status=status,
                    attended=attended,
                    email_confirmed_at=session.start - datetime.timedelta(days=6),
                    cancelled_at=session.start - datetime.timedelta(days=1)
                    if status == RegistrationStatus.CANCELLED
                    else None,
                )
            )
        session.places_taken = sum(
            people for people, status, _attended in rows if status in Registration.HOLDING_PLACES
        )
    Registration.objects.bulk_create(made)
    Occurrence.objects.bulk_update(sessions, ["places_taken"])
    # Registered a week before their session, rather than when the demo was built.
    session_start = Subquery(Occurrence.objects.filter(pk=OuterRef("occurrence")).values("start"))
    Registration.objects.filter(occurrence__atelier=atelier).update(
        created_at=ExpressionWrapper(session_start - datetime.timedelta(days=7), output_field=DateTimeField())
    )


def build():
    home = HomePage.objects.get()
    agenda = demo_data.read("agenda", "agenda")
    for name in agenda["categories"]:
        Category.objects.update_or_create(name=name, defaults={"thematiques": agenda["thematiques"].get(name, [])})
    index = AgendaIndexPage.objects.first() or publish_child(
        home, AgendaIndexPage(**demo_data.fields(AgendaIndexPage, agenda["index"]))
    )
    # Now that the agenda exists, the groups get what they need of it.
    ensure_coordination_group(home)
    for member in MemberPage.objects.all():
        setup_member(member)
    now = timezone.now()
    today = timezone.localdate(now)
    festivals = build_festivals(index, agenda["festivals"], today)
    # The espace's ateliers take place at its address, in the demo's settings.
    address = "{street_address}, {postal_code} {city}".format(**demo_data.read("home", "site")["settings"])
    season = demo_data.read("agenda", "saison")
    for content in [*demo_data.read("agenda", "ateliers")["ateliers"], *season["ateliers"]]:
        if AtelierPage.objects.filter(slug=content["slug"]).exists():
            continue
        festival = festivals.get(content.get("festival"))
        atelier = publish_child(festival or index, atelier_page(content, festival, today, address))
        if "season" in content:
            build_season(atelier, content["season"], season["first_names"], now)
    # What the nightly purge leaves of the season: anonymous counts, past the last month.
    registration.purge_personal_data(settings.AGENDA_KEEP_REGISTRATIONS_DAYS, now)
    return []
