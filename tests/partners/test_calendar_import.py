"""A member's calendar read into its ateliers, against a real HTTP server: recurrence and
its exceptions, changes, cancellations, events gone, time zones, and every way a calendar
fails (which changes nothing and says why in French)."""

import datetime
import threading

from django.contrib.auth import get_user_model

import pytest

from agenda.models import AtelierPage, AtelierStatus, Frequency
from home.models import MemberPage
from partners import calendar_fetch, calendar_import
from partners.models import CalendarSource, ImportedEvent
from tests.partners.calendar_server import PARIS, CalendarServer, calendar, event, ics_time, utc_time


def next_wednesday(weeks_ahead=2):
    today = datetime.datetime.now(PARIS).replace(hour=14, minute=0, second=0, microsecond=0)
    return today + datetime.timedelta(days=(2 - today.weekday()) % 7 + 7 * weeks_ahead)


@pytest.fixture
def server(settings):
    settings.PARTNERS_CALENDAR_PRIVATE_HOSTS = True  # the test server is on 127.0.0.1
    made = CalendarServer()
    yield made
    made.close()


@pytest.fixture
def source(agenda, server):
    return CalendarSource.objects.create(
        member=MemberPage.objects.get(slug="les-mulots"),
        url=server.url,
        added_by=get_user_model().objects.get(username="mulots"),
    )


def run(source):
    outcome = calendar_import.run(source.pk)
    source.refresh_from_db()
    return outcome


def latest(atelier):
    return AtelierPage.objects.get(pk=atelier.pk).get_latest_revision_as_object()


def only_atelier():
    [atelier] = AtelierPage.objects.all()
    return atelier


def test_weekly_event_becomes_one_draft_atelier_with_its_exceptions(server, source):
    start = next_wednesday()
    moved = start + datetime.timedelta(weeks=2)
    server.serve(
        calendar(
            event(
                "atelier-1@nextcloud",
                start,
                RRULE="FREQ=WEEKLY;BYDAY=WE;COUNT=6",
                EXDATE=f";TZID=Europe/Paris:{ics_time(start + datetime.timedelta(weeks=1))}",
                LOCATION="Médiathèque, 3 rue des Douves\\, 35600 Redon",
                DESCRIPTION="On apprend à se servir d'une tablette.",
            ),
            [
                "UID:atelier-1@nextcloud",
                f"RECURRENCE-ID;TZID=Europe/Paris:{ics_time(moved)}",
                f"DTSTART;TZID=Europe/Paris:{ics_time(moved + datetime.timedelta(days=1))}",
                f"DTEND;TZID=Europe/Paris:{ics_time(moved + datetime.timedelta(days=1, hours=2))}",
                "SUMMARY:Atelier tablette",
            ],
            [
                "UID:atelier-1@nextcloud",
                f"RECURRENCE-ID;TZID=Europe/Paris:{ics_time(start + datetime.timedelta(weeks=3))}",
                f"DTSTART;TZID=Europe/Paris:{ics_time(start + datetime.timedelta(weeks=3))}",
                "STATUS:CANCELLED",
            ],
        )
    )
    assert run(source).startswith("1 atelier ajouté")
    atelier = only_atelier()
    assert not atelier.live and atelier.has_unpublished_changes
    draft = latest(atelier)
    assert (draft.title, draft.frequency, draft.interval) == ("Atelier tablette", Frequency.WEEKLY, 1)
    assert draft.start == start and draft.end == start + datetime.timedelta(hours=2)
    assert draft.repeat_until == (start + datetime.timedelta(weeks=5)).date()
    assert (draft.place_name, draft.place_address) == ("Médiathèque", "3 rue des Douves, 35600 Redon")
    assert list(draft.organisers.all()) == [MemberPage.objects.get(slug="les-mulots")]
    changes = {change.date: (change.new_start, change.new_end) for change in draft.changes.all()}
    assert changes == {
        (start + datetime.timedelta(weeks=1)).date(): (None, None),
        moved.date(): (moved + datetime.timedelta(days=1), moved + datetime.timedelta(days=1, hours=2)),
        (start + datetime.timedelta(weeks=3)).date(): (None, None),
    }
    assert source.last_error == "" and source.last_success is not None
    # The member reviews it: publishing it makes the sessions, exceptions applied.
    draft.save_revision().publish()
    sessions = list(atelier.occurrences.order_by("original_start"))
    assert len(sessions) == 6 and [s.cancelled for s in sessions] == [False, True, False, True, False, False]
    assert sessions[2].start == moved + datetime.timedelta(days=1)


def test_a_second_reading_of_the_same_calendar_changes_nothing(server, source):
    server.serve(calendar(event("a@x", next_wednesday(), RRULE="FREQ=WEEKLY;INTERVAL=2")))
    run(source)
    atelier = only_atelier()
    revisions = atelier.revisions.count()
    assert run(source) == "Rien n'a changé."
    assert AtelierPage.objects.count() == 1 and ImportedEvent.objects.count() == 1
    assert atelier.revisions.count() == revisions
    assert latest(atelier).interval == 2


def test_a_change_in_the_calendar_updates_the_atelier(server, source):
    start = next_wednesday()
    server.serve(calendar(event("a@x", start)))
    run(source)
    later = start + datetime.timedelta(days=1, hours=1)
    server.serve(calendar(event("a@x", later, hours=3, summary="Atelier tablette (2e partie)")))
    assert "1 atelier mis à jour" in run(source)
    draft = latest(only_atelier())
    assert draft.title == "Atelier tablette (2e partie)"
    assert (draft.start, draft.end) == (later, later + datetime.timedelta(hours=3))


def test_what_the_member_changed_on_the_site_is_kept(server, source):
    """The rule: the calendar updates a field only while it holds what the import wrote."""
    start = next_wednesday()
    server.serve(calendar(event("a@x", start, LOCATION="Médiathèque")))
    run(source)
    draft = latest(only_atelier())
    draft.title = "Tablette : les premiers pas"
    draft.save_revision()
    server.serve(calendar(event("a@x", start, summary="Atelier tablette débutants", LOCATION="Mairie")))
    run(source)
    draft = latest(only_atelier())
    assert draft.title == "Tablette : les premiers pas"  # the member's
    assert draft.place_name == "Mairie"  # the calendar's, untouched by the member


def test_a_published_atelier_changed_in_the_calendar_waits_for_review(server, source):
    start = next_wednesday()
    server.serve(calendar(event("a@x", start)))
    run(source)
    latest(only_atelier()).save_revision().publish()
    server.serve(calendar(event("a@x", start, summary="Nouveau titre")))
    run(source)
    atelier = only_atelier()
    assert atelier.title == "Atelier tablette" and atelier.has_unpublished_changes
    assert latest(atelier).title == "Nouveau titre"


def test_publish_directly_publishes_new_ateliers_and_their_changes(server, source):
    source.publish_directly = True
    source.save()
    start = next_wednesday()
    server.serve(calendar(event("a@x", start)))
    run(source)
    atelier = only_atelier()
    assert atelier.live and atelier.occurrences.count() == 1
    server.serve(calendar(event("a@x", start, summary="Nouveau titre")))
    run(source)
    assert only_atelier().title == "Nouveau titre"


def test_status_cancelled_cancels_the_published_atelier_at_once(server, source):
    start = next_wednesday()
    server.serve(calendar(event("a@x", start)))
    run(source)
    latest(only_atelier()).save_revision().publish()
    server.serve(calendar(event("a@x", start, STATUS="CANCELLED")))
    assert "1 atelier annulé" in run(source)
    atelier = only_atelier()
    assert atelier.live and atelier.status == AtelierStatus.CANCELLED
    assert atelier.occurrences.get().is_cancelled


def test_an_event_gone_from_the_calendar_cancels_its_atelier(server, source):
    start = next_wednesday()
    server.serve(calendar(event("a@x", start), event("b@x", start, summary="Atelier photo")))
    run(source)
    for atelier in AtelierPage.objects.all():
        latest(atelier).save_revision().publish()
    server.serve(calendar(event("b@x", start, summary="Atelier photo")))
    assert "1 atelier annulé" in run(source)
    assert AtelierPage.objects.get(title="Atelier tablette").status == AtelierStatus.CANCELLED
    assert AtelierPage.objects.get(title="Atelier photo").status == AtelierStatus.SCHEDULED
    run(source)  # and again: nothing more
    assert AtelierPage.objects.count() == 2
    # Back in the calendar: scheduled again (as a draft for review, the source not publishing).
    server.serve(calendar(event("a@x", start), event("b@x", start, summary="Atelier photo")))
    run(source)
    assert latest(AtelierPage.objects.get(title="Atelier tablette")).status == AtelierStatus.SCHEDULED


def test_a_calendar_suddenly_empty_cancels_nothing(server, source):
    server.serve(calendar(event("a@x", next_wednesday())))
    run(source)
    server.serve(calendar())
    run(source)
    assert latest(only_atelier()).status == AtelierStatus.SCHEDULED
    assert "plus aucun événement" in source.last_error


def test_past_events_are_not_imported(server, source):
    server.serve(calendar(event("old@x", next_wednesday() - datetime.timedelta(weeks=10))))
    run(source)
    assert not AtelierPage.objects.exists()


def test_a_rule_the_agenda_cannot_hold_becomes_one_atelier_per_date(server, source):
    start = next_wednesday()
    server.serve(calendar(event("a@x", start, RRULE="FREQ=WEEKLY;BYDAY=WE,FR;COUNT=4")))
    assert run(source).startswith("4 ateliers ajoutés")
    starts = sorted(latest(atelier).start for atelier in AtelierPage.objects.all())
    assert starts == [
        start,
        start + datetime.timedelta(days=2),
        start + datetime.timedelta(days=7),
        start + datetime.timedelta(days=9),
    ]
    run(source)
    assert AtelierPage.objects.count() == 4 == ImportedEvent.objects.count()


def test_time_zones_utc_floating_vtimezone_and_whole_days(server, source):
    start = next_wednesday()
    custom_zone = [
        "BEGIN:VTIMEZONE",
        "TZID:W. Europe Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T030000",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010101T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]
    utc = [
        "UID:utc@x",
        f"DTSTART:{utc_time(start)}",
        f"DTEND:{utc_time(start + datetime.timedelta(hours=1))}",
        "SUMMARY:UTC",
    ]
    floating = [
        "UID:floating@x",
        f"DTSTART:{ics_time(start)}",
        f"DTEND:{ics_time(start + datetime.timedelta(hours=1))}",
        "SUMMARY:Flottant",
    ]
    windows = [
        "UID:windows@x",
        f"DTSTART;TZID=W. Europe Standard Time:{ics_time(start)}",
        f"DTEND;TZID=W. Europe Standard Time:{ics_time(start + datetime.timedelta(hours=1))}",
        "SUMMARY:Outlook",
    ]
    day = [
        "UID:day@x",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + datetime.timedelta(days=1):%Y%m%d}",
        "SUMMARY:Journée",
    ]
    body = calendar(utc, floating, windows, day).replace(
        "BEGIN:VEVENT", "\r\n".join(custom_zone) + "\r\nBEGIN:VEVENT", 1
    )
    server.serve(body)
    run(source)
    found = {latest(a).title: latest(a) for a in AtelierPage.objects.all()}
    for title in ("UTC", "Flottant", "Outlook"):
        assert found[title].start == start, title
    whole = found["Journée"]
    assert whole.all_day and whole.start == start.replace(hour=0) and whole.end == start.replace(hour=23, minute=59)


def test_the_calendar_is_fetched_without_cookie_and_with_our_name(server, source):
    server.serve(calendar(event("a@x", next_wednesday())))
    server.headers = {"Set-Cookie": "suivi=1"}
    run(source)
    run(source)
    assert all("Cookie" not in headers for headers in server.requests)
    assert server.requests[0]["User-Agent"] == calendar_fetch.USER_AGENT


def imported_then(server, source, fail):
    """Imports one atelier, then makes the calendar fail with `fail`: the error shown."""
    server.serve(calendar(event("a@x", next_wednesday())))
    run(source)
    succeeded = source.last_success
    revisions = only_atelier().revisions.count()
    fail()
    run(source)
    assert source.last_success == succeeded and source.last_attempt > succeeded
    assert only_atelier().revisions.count() == revisions and latest(only_atelier()).title == "Atelier tablette"
    assert source.importing_since is None
    return source.last_error


def test_a_server_error_changes_nothing_and_says_so(server, source):
    error = imported_then(server, source, lambda: server.serve("Internal error", status=500))
    assert error == "Le serveur du calendrier a répondu par une erreur (HTTP 500). Nous réessaierons."


def test_garbage_changes_nothing_and_says_so(server, source):
    error = imported_then(server, source, lambda: server.serve(b"\x00\xff\xfe<html>pas un calendrier</html>"))
    assert error == "Le fichier reçu n'est pas un calendrier (iCalendar) lisible."


@pytest.mark.parametrize("chunked", [False, True])
def test_a_calendar_over_two_megabytes_is_not_read(server, source, chunked):
    def five_megabytes():
        server.chunked = chunked
        big = calendar(*[event(f"e{n}@x", next_wednesday(), DESCRIPTION="x" * 900) for n in range(5000)])
        assert len(big) > 5_000_000
        server.serve(big)

    error = imported_then(server, source, five_megabytes)
    assert error.startswith("Le calendrier dépasse 2\u00a0Mo")


def test_a_calendar_that_does_not_answer_in_time(server, source, monkeypatch):
    monkeypatch.setattr(calendar_fetch, "TIMEOUT_SECONDS", 0.3)

    def slow():
        server.delay = 1

    error = imported_then(server, source, slow)
    assert error.startswith("Le serveur du calendrier n'a pas répondu à temps")


def test_a_refused_connection(server, source):
    def closed():
        server.close()

    assert imported_then(server, source, closed).startswith("Le serveur du calendrier a refusé la connexion")
    server.close = lambda: None


def test_a_bad_certificate_is_refused(source, settings, tmp_path):
    settings.PARTNERS_CALENDAR_PRIVATE_HOSTS = True
    secure = CalendarServer(tls_dir=tmp_path)
    try:
        secure.serve(calendar(event("a@x", next_wednesday())))
        CalendarSource.objects.filter(pk=source.pk).update(url=secure.url)
        run(source)
    finally:
        secure.close()
    assert source.last_error.startswith("Le certificat de sécurité (HTTPS) du serveur du calendrier n'est pas valide")
    assert not AtelierPage.objects.exists()


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/cal.ics", "http://localhost:6379/", "http://169.254.169.254/latest/", "file:///etc/passwd"],
)
def test_addresses_of_our_own_network_are_refused(agenda, url):
    source = CalendarSource.objects.create(member=MemberPage.objects.get(slug="les-mulots"), url=url)
    run(source)
    assert source.last_error in {
        "Cette adresse désigne un réseau privé\u00a0: donnez l'adresse publique du calendrier.",
        "L'adresse doit commencer par https://, http:// ou webcal://.",
    }


def test_webcal_is_read_as_https():
    assert calendar_fetch.normalised_url(" webcal://cloud.exemple.fr/cal.ics") == "https://cloud.exemple.fr/cal.ics"


@pytest.mark.django_db(transaction=True)
def test_two_workers_reading_the_same_calendar_make_one_atelier(committed_demo, settings):
    from tests.agenda.factories import agenda_index

    agenda_index()
    settings.PARTNERS_CALENDAR_PRIVATE_HOSTS = True
    server = CalendarServer()
    try:
        server.serve(calendar(event("a@x", next_wednesday(), RRULE="FREQ=WEEKLY")))
        source = CalendarSource.objects.create(member=MemberPage.objects.get(slug="les-mulots"), url=server.url)
        barrier, outcomes = threading.Barrier(2), []

        def worker():
            barrier.wait()
            try:
                outcomes.append(calendar_import.run(source.pk))
            finally:
                from django.db import connection

                connection.close()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.close()
    # One claimed the source; the other found it claimed (None), or came after it and changed nothing.
    assert len(outcomes) == 2 and outcomes.count("1 atelier ajouté.") == 1
    assert AtelierPage.objects.filter(title="Atelier tablette").count() == 1
    assert ImportedEvent.objects.count() == 1


def test_the_hourly_job_reads_every_calendar(server, source):
    from partners import jobs

    server.serve(calendar(event("a@x", next_wednesday())))
    assert jobs.import_calendars() == "1 calendrier(s) à lire."
    assert AtelierPage.objects.count() == 1
