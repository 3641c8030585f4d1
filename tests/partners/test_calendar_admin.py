"""« Calendriers importés » over HTTP: a member's editors add and see their calendar and
its error in French; another member's editors, the public and the exports never see the
address (it may hold a secret)."""

import html

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

import pytest

from home.models import MemberPage
from partners.models import CalendarSource

SECRET_URL = "https://cloud.exemple.fr/remote.php/dav/public-calendars/Secret-Jeton-42?export"
LIST = "/admin/calendriers/"


def text(response):
    return html.unescape(response.content.decode())


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


@pytest.fixture
def source(agenda):
    return CalendarSource.objects.create(
        member=MemberPage.objects.get(slug="les-mulots"),
        url=SECRET_URL,
        last_attempt=timezone.now(),
        last_error="Le serveur du calendrier a répondu par une erreur (HTTP 500). Nous réessaierons.",
    )


def test_the_members_editor_sees_its_calendar_and_the_error_in_french(client, source):
    login(client, "mulots")
    body = client.get(LIST).content.decode()
    assert SECRET_URL.replace("&", "&amp;") in body
    assert "La dernière lecture a échoué\u00a0:" in body
    assert "(HTTP 500). Nous réessaierons." in body and "Vos ateliers sont restés comme avant." in body


def test_another_members_editor_never_sees_the_address(client, source):
    login(client, "depantek")
    assert SECRET_URL not in client.get(LIST).content.decode()
    for address in (f"{LIST}{source.pk}/", f"{LIST}{source.pk}/retirer/"):
        assert client.get(address).status_code == 404
    assert (
        client.post(f"{LIST}{source.pk}/", {"member": source.member_id, "url": "https://x.fr/a.ics"}).status_code == 404
    )
    assert client.post(f"{LIST}{source.pk}/retirer/").status_code == 404
    assert client.post(f"{LIST}{source.pk}/lire/").status_code == 404
    source.refresh_from_db()
    assert source.url == SECRET_URL


def test_coordination_sees_every_calendar(client, source):
    login(client, "coordination")
    assert SECRET_URL in client.get(LIST).content.decode()
    assert client.get(f"{LIST}{source.pk}/").status_code == 200


def test_the_public_is_sent_to_the_login(client, source):
    response = client.get(LIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_address_is_on_no_public_page_nor_export(client, source):
    for address in [
        "/",
        source.member.url,
        "/agenda/",
        "/donnees-ouvertes/",
        "/agenda-integre/",
        "/partager-l-agenda/",
    ]:
        response = client.get(address, follow=True)
        assert "Secret-Jeton-42" not in response.content.decode(errors="replace"), address
    opendata = client.get("/donnees-ouvertes/")
    links = [part.split('"')[0] for part in opendata.content.decode().split('href="')[1:]]
    for link in [link for link in links if link.startswith("/donnees-ouvertes/")]:
        assert b"Secret-Jeton-42" not in client.get(link).content, link


def test_an_editor_adds_its_calendar_and_it_is_read(client, agenda, settings, monkeypatch):
    from partners import calendar_import

    read = []
    monkeypatch.setattr(
        calendar_import, "fetch", lambda url: read.append(url) or b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    )
    login(client, "mulots")
    form = client.get(f"{LIST}ajouter/").content.decode()
    assert "publish_directly" not in form  # Coordination's choice: it skips its review
    assert "Dépan" not in form  # only the editor's own member
    response = client.post(
        f"{LIST}ajouter/",
        {"member": MemberPage.objects.get(slug="les-mulots").pk, "url": "webcal://cloud.exemple.fr/cal.ics"},
    )
    assert response.status_code == 302
    source = CalendarSource.objects.get()
    assert source.url == "https://cloud.exemple.fr/cal.ics" and not source.publish_directly
    assert source.added_by.username == "mulots"
    assert read == ["https://cloud.exemple.fr/cal.ics"]  # read at once (the task queue runs it here)
    source.refresh_from_db()
    assert source.last_success is not None and source.last_error == ""


def test_an_editor_cannot_add_a_calendar_to_another_member(client, agenda):
    login(client, "mulots")
    response = client.post(
        f"{LIST}ajouter/", {"member": MemberPage.objects.get(slug="depantek").pk, "url": "https://x.fr/a.ics"}
    )
    assert response.status_code == 400 and not CalendarSource.objects.exists()


def test_a_bad_address_is_refused_in_french(client, agenda):
    login(client, "mulots")
    response = client.post(
        f"{LIST}ajouter/", {"member": MemberPage.objects.get(slug="les-mulots").pk, "url": "mon agenda"}
    )
    assert response.status_code == 400 and not CalendarSource.objects.exists()
    assert "Donnez l'adresse complète du calendrier" in text(response)


def test_the_editor_asks_for_a_reading_now(client, source, monkeypatch):
    from partners import calendar_import

    monkeypatch.setattr(calendar_import, "fetch", lambda url: b"garbage")
    login(client, "mulots")
    assert client.get(f"{LIST}{source.pk}/lire/").status_code == 405
    response = client.post(f"{LIST}{source.pk}/lire/", follow=True)
    assert "Le fichier reçu n'est pas un calendrier (iCalendar) lisible." in text(response)


def test_the_editor_removes_its_calendar(client, source):
    login(client, "mulots")
    assert client.get(f"{LIST}{source.pk}/retirer/").status_code == 200
    assert client.post(f"{LIST}{source.pk}/retirer/").status_code == 302
    assert not CalendarSource.objects.exists()


def test_someone_without_a_member_gets_403(client, agenda):
    """Wagtail answers a refusal in its admin by going back to the dashboard."""
    user = get_user_model().objects.create_user("visiteur", password="x")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for address in (LIST, f"{LIST}ajouter/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(f"{LIST}ajouter/", {"url": "https://x.fr/a.ics"}).status_code == 302
    assert not CalendarSource.objects.exists()
