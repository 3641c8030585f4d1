"""Each figure of October 2024's report, known in advance (see conftest.py)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda import registration
from agenda.models import Occurrence, Registration
from reports.activity import build_report, key_figures
from reports.models import PublicFigure
from reports.periods import Period
from tests.agenda.factories import REGISTERED, atelier, member, paris
from tests.reports.conftest import NOW, OCTOBER

NBSP = "\xa0"


def rows(report, slug):
    return report.table(slug).text_rows()


def test_key_figures_of_october(october, rooms):
    figures = dict(rows(build_report(OCTOBER, now=NOW), "key-figures"))
    assert figures == {
        "Séances tenues": "6",
        "Séances annulées": "2",
        "Séances à venir": "0",
        "Personnes inscrites": "13",
        "Personnes présentes": "11",
        "Personnes absentes": "1",
        "Taux de présence (présentes sur présentes et absentes)": f"91,7{NBSP}%",
        "Taux de remplissage (inscrites sur places)": f"38,2{NBSP}%",  # 13 people for 34 places
        "Demande en liste d'attente (personnes)": "3",
        "Désinscriptions (personnes)": "3",
        "Heures de salle réservées": f"38{NBSP}h",
        "Heures de salle utilisées": f"33{NBSP}h{NBSP}30",
        "Taux d'occupation des salles": f"21,1{NBSP}%",  # 38 h of 180 h
        "Guides publiés": "1",
        "Guides relus": "1",
        "appareils réparés": "12",
        "ordinateurs redistribués": "12",
        # Réemploi counted by the site: nothing logged in this fixture.
        "Appareils réparés au repair café": "0",
        "Appareils donnés et redistribués": "0",
        "Déchets évités (kg)": "0,0",
        "Émissions évitées (kg CO2e)": "0,0",
    }


def test_sessions_by_category_audience_member_and_place(october, rooms):
    report = build_report(OCTOBER, now=NOW)
    assert rows(report, "by-category") == [
        ["Animation", "0", "1", "0", "0", "0", "0"],
        ["Formation", "4", "1", "11", "9", "1", "3"],
        ["Repair café", "1", "0", "0", "0", "0", "0"],
        ["Sensibilisation", "4", "1", "11", "9", "1", "3"],
        ["Sans catégorie", "1", "0", "2", "2", "0", "0"],
    ]
    assert rows(report, "by-audience") == [
        ["Tout public", "1", "1", "0", "0", "0", "0"],
        ["Jeunes", "1", "0", "2", "2", "0", "0"],
        ["Seniors", "4", "1", "11", "9", "1", "3"],
    ]
    assert rows(report, "by-member") == [
        ["Dépan'tek", "1", "0", "0", "0", "0", "0"],
        ["La Vilaine Bidouille", "1", "0", "0", "0", "0", "0"],
        ["Les Mulots", "5", "1", "13", "11", "1", "3"],
        ["Riwal Raude", "1", "1", "2", "2", "0", "0"],
    ]
    assert [row[:2] for row in rows(report, "by-place")] == [
        ["Fablab", "1"],
        ["La salle de formation", "4"],
        ["Médiathèque", "0"],
        ["Salle des fêtes", "1"],
    ]


def test_a_quarter_has_a_row_per_month_and_the_session_across_midnight_stays_in_october(october, rooms):
    report = build_report(Period.quarter(2024, 4), now=NOW)
    assert rows(report, "by-month") == [
        ["octobre 2024", "6", "2", "13", "11", "1", "3"],
        ["novembre 2024", "1", "0", "4", "4", "0", "0"],
        ["décembre 2024", "0", "0", "0", "0", "0", "0"],
    ]


def test_rooms_and_kinds_of_booker_come_from_room_figures_over_the_same_bounds(october, rooms):
    report = build_report(OCTOBER, member=member("les-mulots"), now=NOW)
    assert rooms == [(OCTOBER.start, OCTOBER.end, member("les-mulots"))]
    assert rows(report, "rooms") == [
        ["Le fablab", f"100{NBSP}h", f"30{NBSP}h", f"25{NBSP}h{NBSP}30", f"2{NBSP}h", f"30,0{NBSP}%"],
        ["La salle de formation", f"80{NBSP}h", f"8{NBSP}h", f"8{NBSP}h", f"0{NBSP}h", f"10,0{NBSP}%"],
        ["=Salle fermée", f"0{NBSP}h", f"0{NBSP}h", f"0{NBSP}h", f"0{NBSP}h", "—"],
    ]
    assert rows(report, "booker-kinds") == [
        ["Membre du collectif", f"20{NBSP}h", f"20{NBSP}h", f"0{NBSP}h"],
        ["Association", f"8{NBSP}h", f"8{NBSP}h", f"0{NBSP}h"],
        ["Particulier", f"10{NBSP}h", f"5{NBSP}h{NBSP}30", f"2{NBSP}h"],
    ]


def test_a_members_report_holds_its_own_sessions_counters_and_guides(october, rooms):
    report = build_report(OCTOBER, member=member("les-mulots"), now=NOW)
    figures = dict(rows(report, "key-figures"))
    assert (figures["Séances tenues"], figures["Séances annulées"], figures["Personnes présentes"]) == ("5", "1", "11")
    assert rows(report, "counters") == [["ordinateurs redistribués", "5"]]
    assert rows(report, "guides") == [["Guide d'octobre", "Les Mulots", "publié", "31/10/2024"]]
    assert report.scope == "Les Mulots"
    assert rows(build_report(OCTOBER, member=member("clic-n-puces"), now=NOW), "by-month") == [
        ["octobre 2024", "0", "0", "0", "0", "0", "0"]
    ]


def test_guides_published_and_reviewed_in_the_period(october, rooms):
    assert rows(build_report(OCTOBER, now=NOW), "guides") == [
        ["Guide relu", "", "relu", "12/10/2024"],
        ["Guide d'octobre", "Les Mulots", "publié", "31/10/2024"],
    ]


def test_key_figures_for_the_public_page_use_the_public_figures_keys(october, rooms):
    figures = key_figures(OCTOBER, now=NOW)
    assert figures == {
        PublicFigure.SESSIONS_HELD: 6,
        PublicFigure.PEOPLE_PRESENT: 11,
        PublicFigure.PEOPLE_REGISTERED: 13,
        PublicFigure.ROOM_HOURS_USED: 33.5,
        PublicFigure.GUIDES_PUBLISHED: 1,
        f"counter:{october['computers'].pk}": 12,
        f"counter:{october['repaired'].pk}": 12,
        # Nothing counted by the site here: the counters typed by hand (reports.activity.HAND_TYPED).
        PublicFigure.OBJECTS_REPAIRED: 12,
        PublicFigure.DEVICES_REDISTRIBUTED: 12,
        PublicFigure.WASTE_AVOIDED: 0,
        PublicFigure.CO2E_AVOIDED: 0,
    }
    assert set(figures) >= {choice.value for choice in PublicFigure}
    year = key_figures(Period.year(2024), member=member("les-mulots"), now=NOW)
    assert year[PublicFigure.SESSIONS_HELD] == 6  # five in October, the first of November
    assert year[f"counter:{october['computers'].pk}"] == 5


def test_the_report_is_the_same_after_the_purge_of_personal_data(october, rooms):
    before = [(table.title, table.text_rows()) for table in build_report(Period.quarter(2024, 4), now=NOW).tables]
    for purged_on in (paris(2024, 11, 25), paris(2025, 1, 1)):
        registration.purge_personal_data(keep_days=30, now=purged_on)
        after = [(table.title, table.text_rows()) for table in build_report(Period.quarter(2024, 4), now=NOW).tables]
        assert after == before
    assert not Registration.objects.exists()


def queries_for(count, first, second):
    Occurrence.objects.all().delete()
    starts = [paris(2024, 1, 2, 9) + datetime.timedelta(hours=3 * n) for n in range(count)]
    sessions = Occurrence.objects.bulk_create(
        Occurrence(
            atelier=(first, second)[n % 2], original_start=start, start=start, end=start + datetime.timedelta(hours=2)
        )
        for n, start in enumerate(starts)
    )
    Registration.objects.bulk_create(
        Registration(occurrence=session, name="Anne", email="anne@exemple.fr", people=2, status=REGISTERED)
        for session in sessions
    )
    with CaptureQueriesContext(connection) as captured:
        report = build_report(Period.year(2024), now=NOW)
    assert dict(report.table("key-figures").text_rows())["Personnes inscrites"] == f"{2 * count:,}".replace(",", NBSP)
    return len(captured.captured_queries)


def test_the_report_takes_as_many_queries_for_ten_sessions_as_for_two_thousand(empty_agenda, rooms):
    first = atelier(paris(2024, 1, 2, 14, 0), title="Une séance", categories=["Formation"], organisers=["depantek"])
    second = atelier(paris(2024, 1, 2, 16, 0), title="Une autre", organisers=["les-mulots", "riwal-raude"])
    few, many = queries_for(10, first, second), queries_for(2_000, first, second)
    assert few == many <= 10  # three of them for réemploi
