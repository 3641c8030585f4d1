"""Organisers see and mark the registrations of their own ateliers; Coordination
sees all; cancelling a session emails the people registered."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail

from wagtail.admin.action_menu import PageActionMenu
from wagtail.models import WorkflowPage

import pytest
from bs4 import BeautifulSoup

from agenda import registration
from agenda.models import AgendaIndexPage, AtelierPage, Registration, RegistrationStatus
from home.models import MemberPage
from tests.agenda.factories import make_atelier


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def two_ateliers(agenda):
    """One atelier by Les Mulots and one by Dépan'tek, one registration each."""
    made = {}
    for slug, person in [("les-mulots", "Annie"), ("depantek", "Bernard")]:
        atelier = make_atelier(title=f"Atelier {slug}")
        atelier.organisers = [MemberPage.objects.get(slug=slug)]
        atelier.save_revision().publish()
        made[slug] = registration.register(atelier.occurrences.get(), person, f"{person.lower()}@exemple.fr", 1)
    return made


def test_organiser_lists_only_the_registrations_of_its_ateliers(two_ateliers, client):
    client.force_login(user("mulots"))
    body = client.get("/admin/agenda/registration/").content.decode()
    assert "Annie" in body and "Bernard" not in body


def test_organiser_cannot_open_another_members_registration(two_ateliers, client):
    client.force_login(user("mulots"))
    other = two_ateliers["depantek"]
    assert client.get(f"/admin/agenda/registration/edit/{other.pk}/").status_code in {302, 403}
    client.post(f"/admin/agenda/registration/edit/{other.pk}/", {"attended": "true"})
    other.refresh_from_db()
    assert other.attended is None


def test_organiser_marks_attendance(two_ateliers, client):
    client.force_login(user("mulots"))
    own = two_ateliers["les-mulots"]
    response = client.post(f"/admin/agenda/registration/edit/{own.pk}/", {"attended": "true"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.attended is True and own.name == "Annie"


def test_coordination_exports_every_registration_as_csv(two_ateliers, client):
    client.force_login(user("coordination"))
    response = client.get("/admin/agenda/registration/", {"export": "csv"})
    assert response.status_code == 200
    body = (
        response.getvalue().decode() if response.streaming is False else b"".join(response.streaming_content).decode()
    )
    assert "annie@exemple.fr" in body and "bernard@exemple.fr" in body


def test_the_registrations_export_opens_in_french_spreadsheets_without_formulas(agenda, client):
    from tests.core.test_exports import EVIL, read_export

    atelier = make_atelier(title="Atelier tableur")
    registration.register(atelier.occurrences.get(), EVIL, "eve@exemple.fr", 1)
    client.force_login(user("coordination"))
    rows = read_export(client.get("/admin/agenda/registration/", {"export": "csv"}))
    header, [row] = rows[0], rows[1:]
    assert header[:5] == ["Séance", "Nom", "Adresse électronique", "Nombre de personnes", "Statut"]
    assert row[1] == "'" + EVIL and row[4] == "Place réservée"
    assert row[6] == ""  # attendance not marked yet


def test_the_registrations_xlsx_gives_paris_time_as_typed_dates(agenda, client):
    from tests.core.test_exports import read_xlsx

    made = registration.register(make_atelier(title="Tableur").occurrences.get(), "Annie", "annie@exemple.fr", 1)
    made.email_confirmed_at = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)  # winter: 13:00 in Paris
    made.save()
    client.force_login(user("coordination"))
    header, row = read_xlsx(client.get("/admin/agenda/registration/", {"export": "xlsx"}))
    confirmed = [value for value, _ in header].index("Adresse confirmée le")
    assert row[confirmed] == (datetime.datetime(2026, 1, 15, 13, 0), True)
    assert row[3] == (1, False)  # people: a number


def test_organiser_cancels_a_session_and_everyone_registered_is_told(two_ateliers, client):
    own = two_ateliers["les-mulots"]
    occurrence = own.occurrence
    client.force_login(user("mulots"))
    assert "Annuler la séance" in client.get("/admin/agenda/occurrence/").content.decode()
    page = client.get(f"/admin/agenda/seances/{occurrence.pk}/annuler/")
    assert page.status_code == 200
    own.refresh_from_db()
    assert own.status == RegistrationStatus.REGISTERED  # opening the page changes nothing
    mail.outbox.clear()
    client.post(f"/admin/agenda/seances/{occurrence.pk}/annuler/")
    own.refresh_from_db()
    occurrence.refresh_from_db()
    assert occurrence.cancelled and own.status == RegistrationStatus.CANCELLED
    assert [m.to for m in mail.outbox] == [["annie@exemple.fr"]]


def test_organiser_cannot_cancel_another_members_session(two_ateliers, client):
    occurrence = two_ateliers["depantek"].occurrence
    client.force_login(user("mulots"))
    assert client.post(f"/admin/agenda/seances/{occurrence.pk}/annuler/").status_code in {302, 403}
    occurrence.refresh_from_db()
    assert not occurrence.cancelled
    assert Registration.objects.filter(status=RegistrationStatus.REGISTERED).count() == 2


def test_members_propose_ateliers_through_the_coordination_workflow(agenda):
    from agenda.models import AgendaIndexPage, AtelierPage

    index = AgendaIndexPage.objects.get()
    assert WorkflowPage.objects.get(page=index).workflow.name == "Validation par la coordination"
    perms = index.permissions_for_user(user("mulots"))
    assert perms.can_add_subpage() and not perms.can_publish_subpage()
    assert AtelierPage.can_create_at(index)


def test_my_space_shows_the_members_next_sessions_and_their_registrations(two_ateliers, client):
    client.force_login(user("mulots"))
    body = client.get("/admin/").content.decode()
    assert "Mes ateliers et leurs inscriptions" in body and "Proposer un atelier" in body
    assert "Atelier les-mulots" in body and "1/6 inscrits" in body
    assert "Atelier depantek" not in body


REGISTRATIONS = "/admin/agenda/registration/"


def test_a_lookup_through_related_models_in_the_address_is_ignored(two_ateliers, client):
    # modeladmin applied any lookup: from the count a member read other accounts' password hashes.
    client.force_login(user("mulots"))
    for guess in ["md5", "zz"]:
        page = client.get(f"{REGISTRATIONS}?occurrence__atelier__owner__password__startswith={guess}")
        assert page.status_code == 200 and "Annie" in page.content.decode()


def test_the_lists_own_filters_and_the_session_link_still_filter(two_ateliers, client):
    client.force_login(user("mulots"))
    assert "Annie" not in client.get(f"{REGISTRATIONS}?status__exact=cancelled").content.decode()
    assert "Annie" in client.get(f"{REGISTRATIONS}?status__exact=registered").content.decode()
    occurrence = two_ateliers["les-mulots"].occurrence
    assert "Annie" in client.get(f"{REGISTRATIONS}?occurrence__id__exact={occurrence.pk}").content.decode()
    assert "Annie" not in client.get(f"{REGISTRATIONS}?occurrence__id__exact={occurrence.pk + 1000}").content.decode()


def proposal(**changes):
    data = {
        "title": "Débuter avec une tablette", "summary": "Les premiers gestes.", "start": "2027-03-10 14:00",
        "end": "2027-03-10 16:00", "place_name": "Espace numérique", "audience": "tout-public", "price_kind": "gratuit",
        "status": "scheduled", "max_people_per_registration": "4", "registration_closes_hours": "2", "interval": "1",
        "frequency": "", "body-count": "0", "easy_read-count": "0", "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0", "changes-MIN_NUM_FORMS": "0", "changes-MAX_NUM_FORMS": "1000",
        "action-submit": "1",
    }  # fmt: skip
    return {**data, **changes}


def test_proposer_un_atelier_opens_the_form_with_the_member_as_organiser(agenda, client):
    client.force_login(user("mulots"))
    response = client.get("/admin/agenda/proposer/", follow=True)
    form = response.context["form"]
    mulots = MemberPage.objects.get(slug="les-mulots")
    assert response.redirect_chain[-1][0].startswith("/admin/pages/add/agenda/atelierpage/")
    assert form.initial["organisers"] == [mulots.pk]
    # Members see their fields only: the address and search-engine fields are Coordination's.
    assert not {"slug", "seo_title", "search_description"} & set(form.fields)

    response = client.post(response.redirect_chain[-1][0], proposal(organisers=[mulots.pk]))
    atelier = AtelierPage.objects.get(title="Débuter avec une tablette")
    assert response.status_code == 302 and response.url == f"/admin/pages/{atelier.pk}/edit/"  # the member's atelier
    assert atelier.slug == "débuter-avec-une-tablette" and not atelier.live
    assert atelier.current_workflow_state is not None  # submitted to Coordination's review


def test_a_member_cannot_propose_an_atelier_in_other_members_names_only(agenda, client):
    client.force_login(user("mulots"))
    index = AgendaIndexPage.objects.get()
    depantek = MemberPage.objects.get(slug="depantek")
    response = client.post(f"/admin/pages/add/agenda/atelierpage/{index.pk}/", proposal(organisers=[depantek.pk]))
    assert response.status_code == 200
    assert "Cochez aussi votre structure" in str(response.context["form"].errors["organisers"])
    assert not AtelierPage.objects.filter(title="Débuter avec une tablette").exists()


def test_coordination_keeps_the_address_and_search_engine_fields(agenda, client):
    client.force_login(user("coordination"))
    index = AgendaIndexPage.objects.get()
    form = client.get(f"/admin/pages/add/agenda/atelierpage/{index.pk}/").context["form"]
    assert {"slug", "seo_title", "search_description"} <= set(form.fields)
    assert not form.initial.get("organisers")


def test_publish_or_submit_is_the_main_button(agenda, rf):
    request = rf.get("/admin/")
    request.user = user("mulots")
    index = AgendaIndexPage.objects.get()
    own_page = MemberPage.objects.get(slug="les-mulots")
    create = PageActionMenu(request, view="create", parent_page=index, lock_context={}, locked_for_user=False)
    edit = PageActionMenu(request, view="edit", page=own_page, lock_context={}, locked_for_user=False)
    # A new atelier goes to Coordination's review; the member's own page is published at once.
    assert (create.default_item.name, edit.default_item.name) == ("action-submit", "action-publish")


def test_the_registrations_list_speaks_french_words_not_icons(two_ateliers, client):
    client.force_login(user("mulots"))
    page = BeautifulSoup(client.get(REGISTRATIONS).content, "html.parser")
    headings = [th.get_text(" ", strip=True).lower() for th in page.select("table thead th")]
    assert "séance" in headings and "présent·e" in headings and "occurrence" not in headings
    assert not page.select("table img")  # Django admin's boolean icons, not served here
    row = " ".join(tr.get_text(" ", strip=True) for tr in page.select("table tbody tr"))
    assert "Annie" in row and "—" in row  # attendance not noted yet


@pytest.mark.parametrize("value", ["pas-un-nombre", "%00", "²"])
def test_a_session_filter_the_field_cannot_hold_leads_back_to_the_whole_list(two_ateliers, client, value):
    client.force_login(user("mulots"))
    response = client.get(f"/admin/agenda/registration/?occurrence__id__exact={value}")
    assert response.status_code == 302 and response["Location"] == "/admin/agenda/registration/"
    page = client.get(response["Location"]).content.decode()
    assert "Ce filtre n&#x27;existe pas\u00a0: voici toute la liste." in page and "Annie" in page
