"""The counters entered by hand, through the admin: each member its own, Coordination all."""

import datetime

from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup

from agenda.models import Occurrence
from home.models import MemberPage
from reports.models import CounterEntry, CounterKind

ENTRIES = "/admin/snippets/reports/counterentry/"
KINDS = "/admin/snippets/reports/counterkind/"


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def computers(demo_site):
    return CounterKind.objects.get(name="ordinateurs redistribués")


@pytest.fixture
def two_entries(computers):
    """One entry of Clic'n Puces, one of Dépan'tek, with values found nowhere else."""
    return {
        slug: CounterEntry.objects.create(
            kind=computers, value=value, member=MemberPage.objects.get(slug=slug), note=f"note {slug} {value}"
        )
        for slug, value in [("clic-n-puces", 4321), ("depantek", 8765)]
    }


def form_data(counter, **fields):
    return {"kind": counter.pk, "value": "3", "date": "2025-03-12", "member": "", "occurrence": "", "note": ""} | fields


def test_member_lists_only_its_own_entries(two_entries, client):
    client.force_login(user("clicnpuces"))
    body = client.get(ENTRIES).content.decode()
    assert "note clic-n-puces 4321" in body
    assert "note depantek 8765" not in body


def test_coordination_lists_every_entry(two_entries, client):
    client.force_login(user("coordination"))
    body = client.get(ENTRIES).content.decode()
    assert "note clic-n-puces 4321" in body and "note depantek 8765" in body


def test_member_cannot_open_or_change_another_members_entry(two_entries, client, computers):
    client.force_login(user("clicnpuces"))
    other = two_entries["depantek"]
    assert client.get(f"{ENTRIES}edit/{other.pk}/").status_code in {403, 404}
    response = client.post(f"{ENTRIES}edit/{other.pk}/", form_data(computers, value="1", member=other.member_id))
    assert response.status_code in {403, 404}
    assert client.post(f"{ENTRIES}delete/{other.pk}/").status_code in {403, 404}
    assert client.get(f"{ENTRIES}history/{other.pk}/").status_code in {403, 404}
    other.refresh_from_db()
    assert other.value == 8765


def test_member_cannot_bulk_delete_another_members_entry(two_entries, client):
    client.force_login(user("clicnpuces"))
    other = two_entries["depantek"]
    client.post(f"/admin/bulk/reports/counterentry/delete/?id={other.pk}")
    assert CounterEntry.objects.filter(pk=other.pk).exists()
    own = two_entries["clic-n-puces"]
    client.post(f"/admin/bulk/reports/counterentry/delete/?id={own.pk}")
    assert not CounterEntry.objects.filter(pk=own.pk).exists()


def test_member_enters_a_figure_for_itself(computers, client):
    client.force_login(user("clicnpuces"))
    member = MemberPage.objects.get(slug="clic-n-puces")
    response = client.post(f"{ENTRIES}add/", form_data(computers, value="6", member=member.pk, note="don"))
    assert response.status_code == 302
    entry = CounterEntry.objects.get(note="don")
    assert (entry.value, entry.member, entry.date) == (6, member, datetime.date(2025, 3, 12))


def test_member_edits_its_own_entry(two_entries, client, computers):
    client.force_login(user("clicnpuces"))
    own = two_entries["clic-n-puces"]
    response = client.post(f"{ENTRIES}edit/{own.pk}/", form_data(computers, value="5", member=own.member_id))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.value == 5


def test_member_choice_is_limited_to_the_users_members_and_required(computers, client):
    client.force_login(user("clicnpuces"))
    html = BeautifulSoup(client.get(f"{ENTRIES}add/").content, "html.parser")
    offered = {option["value"] for option in html.select("select[name=member] option") if option["value"]}
    assert offered == {str(MemberPage.objects.get(slug="clic-n-puces").pk)}
    before = CounterEntry.objects.count()
    other = MemberPage.objects.get(slug="depantek")
    for member in ["", other.pk]:  # the whole collective, or another member
        response = client.post(f"{ENTRIES}add/", form_data(computers, member=member))
        assert response.status_code == 200
        assert "errorlist" in response.content.decode() or "error-message" in response.content.decode()
    assert CounterEntry.objects.count() == before


def test_member_chooses_only_the_sessions_of_its_own_ateliers(computers, client):
    client.force_login(user("clicnpuces"))
    html = BeautifulSoup(client.get(f"{ENTRIES}add/").content, "html.parser")
    offered = {int(option["value"]) for option in html.select("select[name=occurrence] option") if option["value"]}
    own = set(Occurrence.objects.filter(atelier__organisers__slug="clic-n-puces").values_list("pk", flat=True))
    assert offered == own and own
    other = Occurrence.objects.exclude(atelier__organisers__slug="clic-n-puces").first()
    member = MemberPage.objects.get(slug="clic-n-puces")
    response = client.post(f"{ENTRIES}add/", form_data(computers, member=member.pk, occurrence=other.pk))
    assert response.status_code == 200
    assert not CounterEntry.objects.filter(occurrence=other).exists()


def test_coordination_enters_a_figure_of_the_whole_collective(computers, client):
    client.force_login(user("coordination"))
    response = client.post(f"{ENTRIES}add/", form_data(computers, value="40", note="stand commun"))
    assert response.status_code == 302
    assert CounterEntry.objects.get(note="stand commun").member is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": "0"}, "supérieure ou égale à 1"),
        ({"value": "-2"}, "supérieure ou égale à"),
        ({"kind": ""}, "Champ requis"),
        ({"value": "beaucoup"}, "Saisissez un nombre entier"),
    ],
)
def test_bad_figure_is_refused_in_french_and_nothing_stored(computers, client, fields, message):
    client.force_login(user("clicnpuces"))
    member = MemberPage.objects.get(slug="clic-n-puces")
    before = CounterEntry.objects.count()
    response = client.post(f"{ENTRIES}add/", form_data(computers, member=member.pk) | fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert CounterEntry.objects.count() == before


def test_only_coordination_keeps_the_kinds(demo_site, client):
    client.force_login(user("clicnpuces"))
    assert client.get(f"{KINDS}add/").status_code in {302, 403}
    response = client.post(f"{KINDS}add/", {"name": "clés usb", "description": ""})
    assert response.status_code in {302, 403}
    assert not CounterKind.objects.filter(name="clés usb").exists()
    client.force_login(user("coordination"))
    response = client.post(f"{KINDS}add/", {"name": "clés usb", "description": "Données à la clé."})
    assert response.status_code == 302
    assert CounterKind.objects.filter(name="clés usb").exists()


def test_a_user_without_a_member_or_coordination_sees_no_entry(two_entries, client):
    visitor = get_user_model().objects.create_user("passant", password="x")
    client.force_login(visitor)
    assert client.get(ENTRIES).status_code in {302, 403}


@pytest.mark.parametrize("username", ["clicnpuces", "coordination"])
def test_the_history_and_usage_of_an_entry_open_for_whoever_may_see_it(two_entries, client, username):
    client.force_login(user(username))
    own = two_entries["clic-n-puces"]
    for view in ("history", "usage"):
        response = client.get(f"{ENTRIES}{view}/{own.pk}/")
        assert response.status_code == 200, view
    assert client.get(f"{ENTRIES}usage/{two_entries['depantek'].pk}/").status_code == (
        200 if username == "coordination" else 404
    )
