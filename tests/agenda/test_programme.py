"""A festival's programme: filters, « Ajouter à mon programme » without JavaScript (the
choice in the address), « Mon programme » by day, its calendar file and print view."""

import datetime
import types

from django.urls import reverse
from django.utils import timezone

import icalendar
import pytest
from bs4 import BeautifulSoup

from agenda import programme
from agenda.models import Category, FestivalPage
from home.models import MemberPage
from tests.agenda.factories import agenda_index, make_atelier, paris


def make_festival(slug, first_day):
    festival = FestivalPage(
        title=f"Festival {slug}", slug=slug, start_date=first_day, end_date=first_day + datetime.timedelta(days=6)
    )
    agenda_index().add_child(instance=festival)
    festival.save_revision().publish()
    return festival


@pytest.fixture
def festival(agenda):
    first = timezone.localdate() + datetime.timedelta(days=30)
    festival = make_festival("bootic-essai", first)
    repair = Category.objects.create(name="Repair café essai")
    member = MemberPage.objects.live().order_by("title").first()

    def session(title, day, hour, **fields):
        start = paris(first.year, first.month, first.day, hour) + datetime.timedelta(days=day)
        return make_atelier(parent=festival, title=title, start=start, **fields).occurrences.get()

    festival.s = {
        "mail": session("Ma première adresse", 0, 10, place_name="Médiathèque", audience="seniors", level="debutant"),
        "repair": session("Repair café", 0, 14, place_name="Fablab", categories=[repair]),
        "robot": session(
            "Petits robots", 2, 14, place_name="Fablab", audience="jeunes", organisers=[member], level="avance"
        ),
    }
    festival.member = member
    other = make_festival("autre-festival", first)
    festival.foreign = make_atelier(parent=other, title="Ailleurs", start=paris(first.year, first.month, first.day, 9))
    return festival


def html(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [title.get_text(strip=True) for title in page.select(".card__title, .programme-session__title")]


def test_festival_page_filters_by_day_place_theme_audience_level_and_member(client, festival):
    url = festival.url
    first = festival.start_date
    assert titles(html(client.get(url))) == ["Ma première adresse", "Repair café", "Petits robots"]
    assert titles(html(client.get(url, {"jour": first.isoformat()}))) == ["Ma première adresse", "Repair café"]
    assert titles(html(client.get(url, {"lieu": "Fablab"}))) == ["Repair café", "Petits robots"]
    assert titles(html(client.get(url, {"categorie": "repair-cafe-essai"}))) == ["Repair café"]
    assert titles(html(client.get(url, {"public": "jeunes"}))) == ["Petits robots"]
    # A level keeps the ateliers open to all levels too (the repair café has none).
    assert titles(html(client.get(url, {"niveau": "debutant"}))) == ["Ma première adresse", "Repair café"]
    assert titles(html(client.get(url, {"membre": festival.member.slug}))) == ["Petits robots"]
    assert titles(html(client.get(url, {"jour": first.isoformat(), "lieu": "Fablab"}))) == ["Repair café"]
    day_choices = [option["value"] for option in html(client.get(url)).select("#id_jour option")]
    assert day_choices == ["", first.isoformat(), (first + datetime.timedelta(days=2)).isoformat()]


@pytest.mark.parametrize(
    "query",
    [
        {"jour": "2099-13-45"},
        {"jour": "' OR 1=1 --"},
        {"lieu": "<script>alert(1)</script>"},
        {"categorie": "x" * 5000},
        {"membre": "\x00"},
        {"public": "tous-les-robots"},
        {"programme": "1,2,abc,-4,9999999999999999999,١٢"},
        {"programme": ",".join(["7"] * 10_000)},
    ],
)
def test_hostile_query_strings_get_a_french_message_and_the_whole_programme(client, festival, query):
    page = html(client.get(festival.url, query))
    assert len(titles(page)) == 3
    alert = page.find(role="alert").get_text()
    assert "n'est pas reconnu" in alert or "ont été ignorées" in alert
    assert "<script>alert(1)</script>" not in client.get(festival.url, query).content.decode()


def test_adding_sessions_without_javascript_builds_the_selection_in_the_address(client, festival):
    mail, repair, robot = festival.s["mail"], festival.s["repair"], festival.s["robot"]
    page = html(client.get(festival.url, {"jour": festival.start_date.isoformat()}))
    add = page.find(id=f"seance-{repair.pk}")
    assert add.find(attrs={"data-label": True}).get_text() == "Ajouter à mon programme"
    page = html(client.get(add["href"]))  # the filter is kept, the session added
    assert titles(page) == ["Ma première adresse", "Repair café"]
    assert page.find("input", attrs={"name": "programme"})["value"] == str(repair.pk)
    add = page.find(id=f"seance-{mail.pk}")
    page = html(client.get(add["href"]))
    assert "2 séances choisies" in page.find(attrs={"data-programme-count": True}).get_text()
    remove = page.find(id=f"seance-{repair.pk}")
    assert remove.find(attrs={"data-label": True}).get_text() == "Retirer de mon programme"
    assert f"programme={mail.pk}" in remove["href"] and str(repair.pk) not in remove["href"].split("#")[0]
    mine = page.find("a", attrs={"data-programme-link": True})["href"]
    assert mine == f"{festival.url}programme/?seances={mail.pk}%2C{repair.pk}"
    assert robot.pk  # not chosen: not in the link


def test_my_programme_groups_the_chosen_sessions_by_day_and_ignores_others(client, festival):
    mail, robot, foreign = festival.s["mail"], festival.s["robot"], festival.foreign.occurrences.get()
    seances = f"{robot.pk},{foreign.pk},zzz,{mail.pk}"
    page = html(client.get(festival.url + "programme/", {"seances": seances}))
    days = page.select(".programme-day")
    assert len(days) == 2
    assert titles(days[0]) == ["Ma première adresse"] and titles(days[1]) == ["Petits robots"]
    assert days[0].time["datetime"] == festival.start_date.isoformat()
    assert "Ailleurs" not in page.get_text()
    assert "ont été ignorées" in page.find(role="alert").get_text()
    share = page.find("input", id="share-url")
    assert share["value"].endswith(f"{festival.url}programme/?seances={mail.pk}%2C{robot.pk}")
    assert page.find("label", attrs={"for": "share-url"}) is not None


def test_my_programme_says_for_each_session_whether_to_register_and_links_to_it(
    client, festival, django_assert_max_num_queries
):
    mail, robot = festival.s["mail"], festival.s["robot"]
    start = paris(*festival.start_date.timetuple()[:3], 16)
    door = make_atelier(parent=festival, title="Portes ouvertes", start=start, registration_required=False)
    full = make_atelier(parent=festival, title="Complet", start=start, places=1).occurrences.get()
    full.places_taken = 1
    full.save()
    chosen = [mail, door.occurrences.get(), full, robot]
    url = festival.url + "programme/"
    with django_assert_max_num_queries(20) as counted:
        page = html(client.get(url, {"seances": ",".join(str(session.pk) for session in chosen)}))
    few = len(counted)
    said = {
        session.select_one(".programme-session__title").get_text(strip=True): session.select_one(
            ".programme-session__registration"
        )
        for session in page.select(".programme-session")
    }
    assert said["Portes ouvertes"].get_text(strip=True) == "Sans inscription\u00a0: venez directement."
    assert said["Portes ouvertes"].a is None
    for title, session, action in [
        ("Ma première adresse", mail, "M'inscrire"),
        ("Complet", full, "M'inscrire sur la liste d'attente"),
    ]:
        link = said[title].find("a", class_="button")
        assert said[title].strong.get_text() == "Sur inscription."
        assert link["href"] == f"{session.atelier.url}s-inscrire/{session.pk}/"
        # Read alone (a screen reader's list of links), each says which atelier.
        assert link.get_text(" ", strip=True).startswith(f"{action} à «\u00a0{title}\u00a0» le ")
        assert client.get(link["href"]).status_code == 200
    # One more chosen session, no query more.
    make_atelier(parent=festival, title="Encore", start=start + datetime.timedelta(hours=1))
    more = ",".join(str(session.pk) for session in [*chosen, *festival.occurrences().filter(atelier__title="Encore")])
    with django_assert_max_num_queries(few):
        client.get(url, {"seances": more})


def test_the_calendar_file_holds_exactly_the_chosen_sessions(client, festival):
    mail, robot, foreign = festival.s["mail"], festival.s["robot"], festival.foreign.occurrences.get()
    url = reverse("agenda_festival_programme", args=[festival.pk])
    response = client.get(url, {"seances": f"{mail.pk},{foreign.pk},{robot.pk},{robot.pk},x"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Ma première adresse", "Petits robots"]
    uids = {str(event["UID"]) for event in events}
    assert len(uids) == 2 and all(
        uid.startswith(f"atelier-{session.atelier_id}-")
        for uid, session in zip(
            sorted(uids, key=lambda uid: int(uid.split("-")[1])),
            sorted([mail, robot], key=lambda s: s.atelier_id),
            strict=True,
        )
    )
    empty = icalendar.Calendar.from_ical(client.get(url).content)
    assert empty.walk("VEVENT") == []
    assert client.get(reverse("agenda_festival_programme", args=[festival.foreign.pk])).status_code == 404


def test_print_view_is_a_plain_a4_page_of_the_programme(client, festival):
    mail = festival.s["mail"]
    page = html(client.get(festival.url + "programme/imprimer/", {"seances": str(mail.pk)}))
    assert "print-view" in page.body["class"]
    assert page.find("nav") is None  # no menu, no footer of the site
    assert titles(page) == ["Ma première adresse"]
    assert f"programme/?seances={mail.pk}" in page.select_one(".print-view__url").get_text()


def test_an_empty_programme_says_so(client, festival):
    page = html(client.get(festival.url + "programme/"))
    assert "Vous n'avez encore choisi aucune séance." in page.get_text()


def test_selections_are_never_mixed_by_the_page_cache(client, festival, settings):
    settings.PAGE_CACHE_SECONDS = 30
    mail, robot = festival.s["mail"], festival.s["robot"]
    first = client.get(festival.url + "programme/", {"seances": str(mail.pk)})
    second = client.get(festival.url + "programme/", {"seances": str(robot.pk)})
    assert titles(html(first)) == ["Ma première adresse"]
    assert titles(html(second)) == ["Petits robots"]
    assert "X-Cache" not in second
    assert "X-Cache" not in client.get(festival.url, {"programme": str(mail.pk)})


def test_festival_page_queries_do_not_grow_with_its_sessions(client, festival, django_assert_max_num_queries):
    client.get(festival.url)
    with django_assert_max_num_queries(20) as counted:
        client.get(festival.url, {"programme": str(festival.s["mail"].pk)})
    few = len(counted)
    for day in range(3, 6):
        make_atelier(parent=festival, title=f"Encore {day}", start=paris(2099, 1, 1, 14) + datetime.timedelta(days=day))
    with django_assert_max_num_queries(few):
        client.get(festival.url, {"programme": str(festival.s["mail"].pk)})


def test_a_selection_keeps_only_whole_ids_of_the_festival_at_most_a_hundred():
    sessions = [types.SimpleNamespace(pk=number) for number in range(1, 151)]
    chosen, note = programme.parse("3, 1,1,+2,0x4,5.0,²,", sessions)
    assert [session.pk for session in chosen] == [1, 3] and "ignorées" in note
    chosen, note = programme.parse(",".join(str(number) for number in range(150, 0, -1)), sessions)
    assert [session.pk for session in chosen] == list(range(1, 101)) and note
    assert programme.parse("2,1", sessions) == (sessions[:2], "")
    assert programme.parse(None, sessions) == ([], "")


def test_a_past_festival_shows_its_programme_without_choosing(client, agenda):
    past = make_festival("bootic-passee", timezone.localdate() - datetime.timedelta(days=400))
    start = paris(*(past.start_date + datetime.timedelta(days=1)).timetuple()[:3], 14)
    make_atelier(parent=past, title="Atelier passé", start=start)
    page = html(client.get(past.url))
    assert titles(page) == ["Atelier passé"]
    assert not page.select(".programme-toggle, .my-programme-box")


def test_the_home_page_and_the_agenda_link_to_the_festival_while_it_is_coming(client, festival):
    make_festival("bootic-passee", timezone.localdate() - datetime.timedelta(days=400))
    other = FestivalPage.objects.get(slug="autre-festival")  # the same days
    # The home page the soonest one; the agenda up to two.
    for url, festivals, heading in [
        ("/", [festival], "Le festival"),
        ("/agenda/", [festival, other], "Les festivals"),
    ]:
        section = html(client.get(url)).find(attrs={"aria-labelledby": "festival-heading"})
        assert section.h2.get_text() == heading
        assert [a["href"] for a in section.select("a")] == [f"{page.url}#programme" for page in festivals], url
        assert section.select_one("time")["datetime"] == festival.start_date.isoformat()
    assert html(client.get("/agenda/archives/")).find(id="festival-heading") is None


def test_a_festival_is_linked_until_its_last_day_not_after(client, agenda):
    today = timezone.localdate()
    ends_today = make_festival("bootic-finit", today - datetime.timedelta(days=6))
    assert ends_today.end_date == today
    assert html(client.get("/")).find(id="festival-heading") is not None
    ends_today.end_date = today - datetime.timedelta(days=1)
    ends_today.save_revision().publish()
    assert html(client.get("/")).find(id="festival-heading") is None
    assert html(client.get("/agenda/")).find(id="festival-heading") is None
