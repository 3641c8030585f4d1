"""The figures of the sessions over a period, from a fixture whose every answer is known:
October 2025 in Paris, with its daylight-saving change on Sunday 26, a session across
the midnight that ends the month, and one across the midnight that starts it."""

import datetime

from django.utils import timezone

import pytest

from agenda import registration
from agenda.figures import SessionFigures, session_figures
from agenda.models import AtelierStatus, Occurrence, Registration
from booking.models import Room
from tests.agenda.factories import CANCELLED, OFFERED, REGISTERED, WAITING, atelier, member, paris, registrations

OCTOBER = paris(2025, 10, 1), paris(2025, 11, 1)
NOW = paris(2025, 10, 29, 12, 0)


@pytest.fixture
def october(agenda):
    """The sessions around October 2025, and what each one's figures must be."""
    room = Room.objects.get(slug="la-salle-de-formation")
    weekly = atelier(
        paris(2025, 9, 30, 14, 0),
        title="Tablette pas à pas",
        frequency="weekly",
        repeat_until=datetime.date(2025, 10, 28),
        places=6,
        audience="seniors",
        room=room,
        categories=["Formation", "Sensibilisation"],
        organisers=["les-mulots"],
    )
    by_day = {timezone.localdate(o.start).day: o for o in weekly.occurrences.all()}
    registrations(by_day[30], (4, REGISTERED, True))  # September: outside the period
    registrations(
        by_day[7],
        (2, REGISTERED, True),
        (1, REGISTERED, False),
        (1, REGISTERED, None),
        (1, OFFERED, None),
        (2, WAITING, None),
        (1, CANCELLED, None),
    )
    registrations(by_day[14], (1, REGISTERED, None), (1, REGISTERED, None), (1, WAITING, None))
    registration.cancel_occurrence(by_day[14])
    registrations(by_day[21], (3, REGISTERED, True), (3, REGISTERED, True), (1, WAITING, None), (2, CANCELLED, False))
    registrations(by_day[28], (1, REGISTERED, True))

    unpublished = atelier(paris(2025, 10, 3, 10, 0), title="Permanence d'octobre", registration_required=False)
    unpublished.unpublish()
    hidden_future = atelier(paris(2025, 10, 30, 10, 0), title="Jamais annoncé")
    hidden_future.unpublish()

    called_off = atelier(
        paris(2025, 10, 10, 18, 0),
        title="Soirée annulée",
        status=AtelierStatus.CANCELLED,
        places=12,
        place_name="Médiathèque",
        categories=["Animation"],
        organisers=["riwal-raude"],
    )
    registrations(called_off.occurrences.get(), (2, REGISTERED, None))

    # Sunday 26 October: clocks go back at 3 h, the session is still 14 h – 17 h.
    repair = atelier(
        paris(2025, 10, 26, 14, 0),
        hours=3,
        title="Repair café",
        registration_required=False,
        place_name="Salle des fêtes",
        categories=["Repair café"],
        organisers=["depantek", "la-vilaine-bidouille"],
    )
    late = atelier(
        paris(2025, 10, 31, 23, 30),
        hours=1,
        title="Nuit du code",
        places=10,
        audience="jeunes",
        place_name="Fablab",
        organisers=["riwal-raude", "les-mulots"],
    )
    registrations(late.occurrences.get(), (2, REGISTERED, None))
    before = atelier(paris(2025, 9, 30, 23, 30), hours=1, title="Nuit de septembre", organisers=["riwal-raude"])
    registrations(before.occurrences.get(), (3, REGISTERED, True))

    mulots, riwal = member("les-mulots").pk, member("riwal-raude").pk
    repairers = tuple(sorted([member("depantek").pk, member("la-vilaine-bidouille").pk]))

    def figures(occurrence, **values):
        atelier = occurrence.atelier
        shared = {
            "occurrence_id": occurrence.pk,
            "atelier_id": atelier.pk,
            "atelier_title": atelier.title,
            "start": occurrence.start,
            "end": occurrence.end,
            "audience": atelier.audience,
            "registration_required": atelier.registration_required,
            "places": atelier.places if atelier.registration_required else None,
            "cancelled": False,
            "registered": 0,
            "present": 0,
            "absent": 0,
            "waiting": 0,
            "cancelled_registrations": 0,
        }
        return SessionFigures(**{**shared, **values})

    tablet = {"place": room.name, "categories": ("Formation", "Sensibilisation"), "members": (mulots,)}
    return [
        figures(unpublished.occurrences.get(), place="Espace numérique", categories=(), members=(), held=True),
        figures(
            by_day[7], **tablet, held=True, registered=5, present=2, absent=1, waiting=2, cancelled_registrations=1
        ),
        figures(
            called_off.occurrences.get(),
            place="Médiathèque",
            categories=("Animation",),
            members=(riwal,),
            cancelled=True,
            held=False,
            registered=2,
        ),
        figures(by_day[14], **tablet, cancelled=True, held=False, cancelled_registrations=3),
        figures(
            by_day[21], **tablet, held=True, registered=6, present=6, absent=2, waiting=1, cancelled_registrations=2
        ),
        figures(
            repair.occurrences.get(), place="Salle des fêtes", categories=("Repair café",), members=repairers, held=True
        ),
        figures(by_day[28], **tablet, held=True, registered=1, present=1),
        figures(
            late.occurrences.get(),
            place="Fablab",
            categories=(),
            members=tuple(sorted([mulots, riwal])),
            held=False,
            registered=2,
        ),
    ]


def test_each_session_of_the_period_has_its_known_figures(october):
    assert session_figures(*OCTOBER, now=NOW) == october


def test_fill_rate_is_registered_people_over_places_when_counted(october):
    rates = [figures.fill_rate for figures in session_figures(*OCTOBER, now=NOW)]
    assert rates == [None, 5 / 6, 2 / 12, 0, 1, None, 1 / 6, 2 / 10]


def test_the_session_of_the_daylight_saving_change_keeps_its_wall_clock_hours(october):
    (repair,) = (figures for figures in session_figures(*OCTOBER, now=NOW) if figures.atelier_title == "Repair café")
    assert repair.end - repair.start == datetime.timedelta(hours=3)
    assert timezone.localtime(repair.start).hour == 14 and timezone.localtime(repair.end).hour == 17
    assert timezone.localtime(repair.start).utcoffset() == datetime.timedelta(hours=1)


def test_a_session_across_midnight_counts_in_the_period_it_starts(october):
    november = session_figures(paris(2025, 11, 1), paris(2025, 12, 1), now=NOW)
    assert [figures.atelier_title for figures in november] == []
    september = session_figures(paris(2025, 9, 1), paris(2025, 10, 1), now=NOW)
    assert [(figures.atelier_title, figures.registered) for figures in september] == [
        ("Tablette pas à pas", 4),
        ("Nuit de septembre", 3),
    ]


def test_a_session_is_held_once_it_has_ended(october):
    late = october[-1]
    (just_before,) = session_figures(late.start, late.end, now=late.end - datetime.timedelta(seconds=1))
    (at_its_end,) = session_figures(late.start, late.end, now=late.end)
    assert (just_before.held, at_its_end.held) == (False, True)


def test_a_member_sees_the_sessions_of_the_ateliers_it_organises(october):
    mulots = session_figures(*OCTOBER, member=member("les-mulots"), now=NOW)
    assert mulots == [figures for figures in october if member("les-mulots").pk in figures.members]
    assert [figures.atelier_title for figures in mulots] == ["Tablette pas à pas"] * 4 + ["Nuit du code"]
    assert session_figures(*OCTOBER, member=member("clic-n-puces"), now=NOW) == []


def test_the_purge_of_personal_data_changes_no_figure(october):
    september = session_figures(paris(2025, 9, 1), paris(2025, 10, 1), now=NOW)
    # First the sessions ended before 23 October, then all of them, then again: nothing moves.
    for purged_on, deleted in [(paris(2025, 11, 22), 16), (paris(2026, 1, 1), 2), (paris(2026, 1, 2), 0)]:
        assert registration.purge_personal_data(keep_days=30, now=purged_on) == deleted
        assert session_figures(*OCTOBER, now=NOW) == october
        assert session_figures(paris(2025, 9, 1), paris(2025, 10, 1), now=NOW) == september
    assert not Registration.objects.exists()


def test_the_purge_keeps_anonymous_counts_of_people_only_once(october):
    registration.purge_personal_data(keep_days=30, now=paris(2026, 1, 1))
    registration.purge_personal_data(keep_days=30, now=paris(2026, 1, 1))
    kept = Occurrence.objects.get(pk=october[1].occurrence_id)
    counts = [kept.kept_registered, kept.kept_present, kept.kept_absent, kept.kept_waiting, kept.kept_cancelled]
    assert counts == [5, 2, 1, 2, 1]


def test_figures_take_the_same_queries_for_ten_sessions_as_for_two_thousand(agenda, django_assert_num_queries):
    first = atelier(paris(2025, 1, 6, 14, 0), title="Une séance", categories=["Formation"], organisers=["depantek"])
    second = atelier(paris(2025, 1, 6, 16, 0), title="Une autre", organisers=["les-mulots", "riwal-raude"])
    period, depantek = (paris(2025, 1, 1), paris(2026, 1, 1)), member("depantek")
    for count in (10, 2_000):
        Occurrence.objects.all().delete()
        starts = [paris(2025, 1, 7, 9) + datetime.timedelta(hours=3 * n) for n in range(count)]
        sessions = Occurrence.objects.bulk_create(
            Occurrence(
                atelier=(first, second)[n % 2],
                original_start=start,
                start=start,
                end=start + datetime.timedelta(hours=2),
            )
            for n, start in enumerate(starts)
        )
        Registration.objects.bulk_create(
            Registration(occurrence=session, name="Anne", email="anne@exemple.fr", people=2, status=REGISTERED)
            for session in sessions
        )
        with django_assert_num_queries(3):
            found = session_figures(*period, now=paris(2026, 1, 1))
        with django_assert_num_queries(3):
            organised = session_figures(*period, member=depantek, now=paris(2026, 1, 1))
        assert len(organised) == count // 2
        assert len(found) == count and {figures.registered for figures in found} == {2}
        assert found[0].categories == ("Formation",) and found[1].members == tuple(
            sorted([member("les-mulots").pk, member("riwal-raude").pk])
        )


def test_re_planning_an_atelier_leaves_its_past_sessions_as_they_were_held(agenda):
    weekly = atelier(paris(2025, 3, 4, 14, 0), frequency="weekly", repeat_until=datetime.date(2025, 3, 18))
    first, second, third = weekly.occurrences.all()
    registrations(first, (2, REGISTERED, True))
    registration.purge_personal_data(keep_days=30, now=paris(2025, 6, 1))
    period, now = (paris(2025, 3, 1), paris(2025, 4, 1)), paris(2025, 6, 1)
    before = session_figures(*period, now=now)
    # Moved an hour later and to Wednesdays, months afterwards: the held sessions stay as they were.
    weekly.start, weekly.end = paris(2025, 3, 5, 15, 0), paris(2025, 3, 5, 17, 0)
    assert weekly.sync_occurrences(now=now) == 0
    assert list(Occurrence.objects.filter(atelier=weekly).values_list("pk", "start", "cancelled")) == [
        (first.pk, paris(2025, 3, 4, 14, 0), False),
        (second.pk, paris(2025, 3, 11, 14, 0), False),
        (third.pk, paris(2025, 3, 18, 14, 0), False),
    ]
    assert session_figures(*period, now=now) == before
    assert [figures.held for figures in before] == [True, True, True] and before[0].registered == 2


def test_re_planning_moves_and_cancels_the_sessions_still_to_come(agenda):
    weekly = atelier(paris(2025, 3, 4, 14, 0), frequency="weekly", repeat_until=datetime.date(2025, 3, 18))
    first, second, third = weekly.occurrences.all()
    registrations(third, (1, REGISTERED, None))
    weekly.start, weekly.end = paris(2025, 3, 5, 15, 0), paris(2025, 3, 5, 17, 0)
    weekly.repeat_until = datetime.date(2025, 3, 19)
    weekly.sync_occurrences(now=paris(2025, 3, 10))  # after the first session, before the second
    sessions = Occurrence.objects.filter(atelier=weekly).order_by("start")
    assert [(session.start, session.cancelled) for session in sessions] == [
        (paris(2025, 3, 4, 14, 0), False),  # held: kept
        (paris(2025, 3, 12, 15, 0), False),
        (paris(2025, 3, 18, 14, 0), True),  # people registered: kept, cancelled
        (paris(2025, 3, 19, 15, 0), False),
    ]
    assert not Occurrence.objects.filter(pk=second.pk).exists()  # nobody registered: deleted
