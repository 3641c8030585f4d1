"""The report's room tables over real bookings (the known October 2024 of the booking
tests): what booking.figures counts is what the report shows, before and after the purge."""

from booking import rules
from reports.activity import build_report, key_figures
from tests.reports.conftest import NOW, OCTOBER

NBSP = "\xa0"


def rows(report, slug):
    return report.table(slug).text_rows()


def test_the_rooms_of_october_2024_from_their_bookings(october_2024_rooms):
    report = build_report(OCTOBER, now=NOW)
    assert rows(report, "rooms") == [
        ["Salle de réunion", f"216{NBSP}h", f"11{NBSP}h", f"11{NBSP}h", f"1{NBSP}h", f"5,1{NBSP}%"],
        ["Salle fermée", f"0{NBSP}h", f"0{NBSP}h", f"0{NBSP}h", f"0{NBSP}h", "—"],
    ]
    assert rows(report, "booker-kinds") == [
        ["Membre du collectif", f"2{NBSP}h", f"2{NBSP}h", f"0{NBSP}h"],
        ["Association", f"7{NBSP}h", f"7{NBSP}h", f"0{NBSP}h"],
        ["Particulier", f"2{NBSP}h", f"2{NBSP}h", f"1{NBSP}h"],
    ]
    assert key_figures(OCTOBER, now=NOW)["room_hours_used"] == 11


def test_a_members_report_holds_only_its_own_bookings(october_2024_rooms):
    report = build_report(OCTOBER, member=october_2024_rooms.member, now=NOW)
    assert rows(report, "rooms")[0] == [
        "Salle de réunion",
        f"216{NBSP}h",
        f"2{NBSP}h",
        f"2{NBSP}h",
        f"0{NBSP}h",
        f"0,9{NBSP}%",
    ]
    assert [row[1] for row in rows(report, "booker-kinds")] == [f"2{NBSP}h", f"0{NBSP}h", f"0{NBSP}h"]


def test_the_room_tables_are_the_same_after_the_purge_of_personal_data(october_2024_rooms):
    before = {slug: rows(build_report(OCTOBER, now=NOW), slug) for slug in ("rooms", "booker-kinds")}
    assert rules.purge_personal_data(keep_days=1, now=NOW) == 8  # every booking of the month
    assert {slug: rows(build_report(OCTOBER, now=NOW), slug) for slug in ("rooms", "booker-kinds")} == before
