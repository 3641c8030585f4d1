"""No registrant's name in Wagtail's history, before or after the erasure, and
Coordination's reports (site history, workflows, aging pages, page types) closed to
members, even by address."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from agenda import registration
from agenda.models import Registration
from home.models import MemberPage
from tests.agenda.factories import make_atelier

COORDINATION_REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/locked/",
]


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def annie(agenda):
    atelier = make_atelier(title="Atelier des Mulots")
    atelier.organisers = [MemberPage.objects.get(slug="les-mulots")]
    atelier.save_revision().publish()
    return registration.register(atelier.occurrences.get(), "Annie Lebrun", "annie@exemple.fr", 1)


def site_history(client, query=""):
    client.force_login(user("coordination"))
    response = client.get(f"/admin/reports/site-history/{query}")
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode()


@pytest.mark.parametrize("address", COORDINATION_REPORTS)
def test_members_cannot_open_coordinations_reports_by_address(demo_site, client, address):
    client.force_login(user("mulots"))
    assert client.get(address).status_code == 403


def test_coordination_still_opens_its_reports(demo_site, client):
    client.force_login(user("coordination"))
    assert all(client.get(address).status_code == 200 for address in COORDINATION_REPORTS[:2])


def test_a_marked_attendance_leaves_a_number_in_the_history_not_the_name(annie, client):
    client.force_login(user("mulots"))
    assert client.post(f"/admin/agenda/registration/edit/{annie.pk}/", {"attended": "true"}).status_code == 302
    client.logout()

    assert f"inscription n° {annie.pk}" in site_history(client)
    assert "Annie" not in site_history(client)
    assert "Annie" not in site_history(client, "?export=csv")
    assert "inscription n°" not in site_history(client, "?label=Annie")
    registration.purge_personal_data(keep_days=-3650)  # the 30-day erasure, ten years early
    assert not Registration.objects.filter(pk=annie.pk).exists()
    assert "Annie" not in site_history(client) and "Annie" not in site_history(client, "?export=csv")


def test_the_migration_numbers_the_labels_the_history_already_holds(annie):
    entry = ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(annie.pk),
        label="Annie Lebrun (1) — Atelier des Mulots — 12/01/2027 14:00",
        action="wagtail.edit",
        timestamp=timezone.now(),
    )
    migration = importlib.import_module("agenda.migrations.0011_history_labels_without_names")
    migration.number_labels(apps, None)
    entry.refresh_from_db()
    assert entry.label == f"inscription n° {annie.pk}"
