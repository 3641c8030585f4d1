"""The national activity record (CRA) of October 2024 (see conftest.py), every answer known:
the rows of the report's table, its CSV in the columns of the Coop de la médiation
numérique's export, who may download it, and the vocabulary set in the admin."""

import csv
import importlib
import io

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from agenda.models import AtelierPage, Category
from core.cra import CRA_FIELDS, Materiel, Thematique, check_materiel, in_national_order
from reports.activity import build_report
from tests.agenda.factories import member
from tests.reports.conftest import NOW, OCTOBER

QUERY = {"kind": "month", "year": "2024", "month": "10"}
NBSP = "\xa0"
# The columns of the national export (buildAccompagnementsWorksheet.ts, a mediator's own
# export, at the commit cited in core/cra.py), in its order.
NATIONAL_EXPORT = (
    "Date", "Enregistré le", "Dernière modification le", "Type", "Participants", "Bénéficiaire",
    "Canaux d’accompagnement", "Nom du lieu", "Adresse", "Commune", "Code postal", "Code Insee", "Durée (min)",
    "Nom de l’atelier", "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Tags",
    "Nom de la démarche administrative", "Niveau d’autonomie (ou de l’atelier)", "Bénéficiaire réorienté",
    "Structure de redirection", "Commune du bénéficiaire", "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire", "Genre du bénéficiaire", "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire", "Notes supplémentaires", "ID CRA",
)  # fmt: skip
FORMATION = "Prendre en main du matériel, Bureautique, Prévention en sécurité numérique"
# Date, type, participants, canal, lieu, adresse, minutes, atelier, matériel, thématiques, niveau, âges.
OCTOBER_CRA = [
    ["2024-10-01", "Atelier collectif", "2", "Lieu d’activité", "La salle de formation", "", "120",
     "Tablette pas à pas", "Téléphone, Tablette", FORMATION, "Débutant", f"Non communiqué{NBSP}: 2"],
    ["2024-10-15", "Atelier collectif", "6", "Lieu d’activité", "La salle de formation", "", "120",
     "Tablette pas à pas", "Téléphone, Tablette", FORMATION, "Débutant", f"Non communiqué{NBSP}: 6"],
    ["2024-10-22", "Atelier collectif", "1", "Lieu d’activité", "La salle de formation", "", "120",
     "Tablette pas à pas", "Téléphone, Tablette", FORMATION, "Débutant", f"Non communiqué{NBSP}: 1"],
    # The clocks go back that day: 14 h – 17 h is three hours all the same. Nobody registers.
    ["2024-10-27", "Atelier collectif", "", "", "Salle des fêtes", "2 rue du Port, Redon", "180",
     "Repair café", "Autre", "Maintenance de matériel", "", "Non communiqué"],
    ["2024-10-29", "Atelier collectif", "", "Lieu d’activité", "La salle de formation", "", "120",
     "Tablette pas à pas", "Téléphone, Tablette", FORMATION, "Débutant", "Non communiqué"],
    # Across the midnight that ends the month: counted on the day it starts.
    ["2024-10-31", "Atelier collectif", "2", "", "Fablab", "", "60",
     "Nuit du code", "", "", "", f"Non communiqué{NBSP}: 2"],
]  # fmt: skip


@pytest.fixture
def described(october):
    """The ateliers and categories of October, with their national vocabulary."""
    Category.objects.filter(name="Formation").update(thematiques=["bureautique", "prendre_en_main_du_materiel"])
    Category.objects.filter(name="Sensibilisation").update(thematiques=["securite_numerique", "bureautique"])
    Category.objects.filter(name="Repair café").update(thematiques=["maintenance_de_materiel"])
    AtelierPage.objects.filter(title="Tablette pas à pas").update(level="debutant", materiel=["tablette", "telephone"])
    AtelierPage.objects.filter(title="Repair café").update(materiel=["autre"], place_address="2 rue du Port, Redon")
    return october


def cra_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def download(client, user, **query):
    client.force_login(user)
    return client.get(reverse("reports_activity_cra_csv"), query)


# The vocabulary ------------------------------------------------------------------------------


def test_the_columns_are_the_national_exports_in_its_order():
    positions = [NATIONAL_EXPORT.index(field) for field in CRA_FIELDS]
    assert positions == sorted(positions)
    # Nothing that names or describes one person, but the age band counted for all.
    assert not {"Bénéficiaire", "Genre du bénéficiaire", "Notes supplémentaires"} & set(CRA_FIELDS)


def test_national_codes_and_labels():
    assert len(Thematique.values) == 30 and Thematique("email").label == "E-mail"
    assert Materiel.values == ["ordinateur", "telephone", "tablette", "autre", "aucun"]
    assert in_national_order(["tablette", "ordinateur", "tablette"], Materiel) == ["Ordinateur", "Tablette"]


def test_no_equipment_goes_alone():
    check_materiel(["aucun"])
    check_materiel(["ordinateur", "tablette"])
    with pytest.raises(ValidationError) as refused:
        check_materiel(["aucun", "ordinateur"])
    assert refused.value.messages[0].startswith("« Pas de matériel » ne va pas avec un autre matériel")


# The report ----------------------------------------------------------------------------------


def test_the_cra_of_october_has_a_row_per_session_held(described, rooms):
    table = build_report(OCTOBER, now=NOW).table("cra")
    assert table.headers == CRA_FIELDS
    shown = [[cell.replace(f"{NBSP}", " ") for cell in row] for row in table.text_rows()]
    assert [row[0] for row in shown] == [
        "01/10/2024",
        "15/10/2024",
        "22/10/2024",
        "27/10/2024",
        "29/10/2024",
        "31/10/2024",
    ]
    assert [row[2] for row in shown] == ["2", "6", "1", "—", "—", "2"]


def test_the_cra_file_holds_the_national_columns_and_the_known_rows(described, rooms, users, client):
    response = download(client, users["coordination"], **QUERY)
    assert response["Content-Disposition"] == 'attachment; filename="cra-2024-10-01-2024-10-31.csv"'
    header, *rows = cra_csv(response)
    assert header == list(CRA_FIELDS)
    assert rows == OCTOBER_CRA


def test_the_cra_holds_no_name_nor_address_of_anyone(described, rooms, users, client):
    text = download(client, users["coordination"], **QUERY).content.decode("utf-8-sig")
    assert "Personne" not in text and "@" not in text


def test_the_page_shows_the_cra_table_and_its_download(described, rooms, users, client):
    client.force_login(users["coordination"])
    soup = BeautifulSoup(client.get(reverse("reports_activity"), QUERY).content, "html.parser")
    table = soup.find("table", id="table-cra")
    assert [th.get_text() for th in table.thead.find_all("th")] == list(CRA_FIELDS)
    assert len(table.tbody.find_all("tr")) == 6
    assert "le site ne demande pas l'âge à l'inscription" in table.caption.get_text()
    first = [cell.get_text() for cell in table.tbody.tr.find_all(["th", "td"])]
    assert first[:3] == ["01/10/2024", "Atelier collectif", "2"] and first[-1] == f"Non communiqué{NBSP}: 2"
    link = soup.find("a", href=lambda href: href and href.startswith(reverse("reports_activity_cra_csv")))
    assert link is not None and "kind=month" in link["href"]


def test_an_unknown_period_gives_the_page_with_a_french_error_not_a_file(users, client, demo_site):
    for query in (
        {"kind": "pas-une-periode"},
        {"kind": "month", "year": "deux-mille"},
        {"kind": "month", "month": "13"},
    ):
        response = download(client, users["coordination"], **query)
        assert response.status_code == 200 and "text/html" in response["Content-Type"]
        assert response.context["report"] is None and response.context["form"].errors
    html = download(client, users["coordination"], kind="pas-une-periode").content.decode()
    assert "Choisissez une période dans la liste." in html


# Who may download it --------------------------------------------------------------------------


def test_a_visitor_is_sent_to_the_login(client, demo_site):
    response = client.get(reverse("reports_activity_cra_csv"), QUERY)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_member_gets_its_own_sessions_only(described, rooms, users, client):
    _header, *rows = cra_csv(download(client, users["mulots"], **QUERY))
    assert [row[7] for row in rows] == ["Tablette pas à pas"] * 4 + ["Nuit du code"]
    _header, *theirs = cra_csv(download(client, users["depantek"], **QUERY))
    assert [row[7] for row in theirs] == ["Repair café"]


def test_a_member_asking_for_another_members_cra_is_refused(described, rooms, users, client):
    response = download(client, users["mulots"], **QUERY, member=member("depantek").pk)
    assert response.status_code == 403


def test_someone_with_no_member_and_not_coordination_is_refused(client, demo_site, django_user_model):
    from django.contrib.auth.models import Permission

    nobody = django_user_model.objects.create_user("personne", password="x")  # noqa: S106
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert download(client, nobody, **QUERY).status_code == 403


def test_coordination_may_choose_one_member(described, rooms, users, client):
    _header, *rows = cra_csv(download(client, users["coordination"], **QUERY, member=member("riwal-raude").pk))
    assert [row[7] for row in rows] == ["Nuit du code"]


# The admin -----------------------------------------------------------------------------------


def test_coordination_sets_a_categorys_thematiques(users, client, demo_site):
    category = Category.objects.get(name="Formation")
    url = reverse("wagtailsnippets_agenda_category:edit", args=[category.pk])
    client.force_login(users["coordination"])
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.find("input", attrs={"name": "thematiques", "value": "bureautique"}) is not None
    assert "remplissent le compte rendu d'activité" in page.get_text()
    data = {"name": "Formation", "slug": category.slug, "thematiques": ["email", "bureautique"]}
    assert client.post(url, data).status_code == 302
    category.refresh_from_db()
    assert category.thematiques == ["email", "bureautique"]


def test_an_unknown_thematique_is_refused_in_french_and_nothing_stored(users, client, demo_site):
    category = Category.objects.get(name="Formation")
    before = category.thematiques
    url = reverse("wagtailsnippets_agenda_category:edit", args=[category.pk])
    client.force_login(users["coordination"])
    response = client.post(url, {"name": "Formation", "slug": category.slug, "thematiques": ["pas_un_code"]})
    assert response.status_code == 200
    assert "« pas_un_code » n&#x27;est pas dans la liste : cochez un choix proposé." in response.content.decode()
    category.refresh_from_db()
    assert category.thematiques == before


def test_an_ateliers_equipment_is_checked_when_saved(demo_site):
    atelier = AtelierPage.objects.live().first()
    atelier.materiel = ["aucun", "tablette"]
    with pytest.raises(ValidationError) as raised:
        atelier.full_clean()
    assert "materiel" in raised.value.error_dict
    atelier.materiel = ["pas-un-materiel"]
    with pytest.raises(ValidationError, match="Choisissez dans la liste."):
        atelier.full_clean()


def test_the_atelier_form_has_the_equipment_checkboxes(users, client, demo_site):
    atelier = AtelierPage.objects.live().first()
    client.force_login(users["coordination"])
    page = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=[atelier.pk])).content, "html.parser")
    boxes = page.find_all("input", attrs={"name": "materiel"})
    assert [box["value"] for box in boxes] == Materiel.values
    assert "Ce qu'on utilise pendant l'atelier" in page.get_text()


def test_the_atelier_keeps_its_equipment_through_a_revision(demo_site):
    atelier = AtelierPage.objects.live().first().specific
    atelier.materiel = ["ordinateur", "telephone"]
    atelier.save_revision().publish()
    assert AtelierPage.objects.get(pk=atelier.pk).materiel == ["ordinateur", "telephone"]
    assert atelier.get_latest_revision_as_object().materiel == ["ordinateur", "telephone"]


# The migration -------------------------------------------------------------------------------


def test_the_migration_adds_both_lists_empty_by_default(demo_site):
    migration = importlib.import_module("agenda.migrations.0018_cra_thematiques_and_materiel")
    added = {(op.model_name, op.name): op.field for op in migration.Migration.operations}
    assert set(added) == {("atelierpage", "materiel"), ("category", "thematiques")}
    assert all(field.blank and field.default is list for field in added.values())
    assert Category.objects.create(name="Nouvelle").thematiques == []
    call_command("makemigrations", "agenda", "--check", "--dry-run", verbosity=0)


# The demo ------------------------------------------------------------------------------------


def test_the_demos_last_year_shows_a_filled_cra(demo_site):
    from django.utils import timezone

    from reports.periods import Period

    today = timezone.localdate()
    rows = build_report(Period.between(today.replace(year=today.year - 1), today)).table("cra").rows
    assert len(rows) > 20
    # Every session of the past season says what it is about and what it was done with.
    assert all(row[8] and row[9] for row in rows)
    assert any(row[2] for row in rows)
