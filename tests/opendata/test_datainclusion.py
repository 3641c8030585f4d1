"""The members and their services in the data·inclusion schema: valid, linked, the same in JSON
and CSV, following the site's published pages, and without personal data."""

import datetime
import re

from django.contrib.auth.models import User
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from agenda.models import Occurrence, Registration, RegistrationStatus
from core.choices import Weekday
from home.models import MemberIndexPage, MemberKind, MemberPage, OpeningHours, Service
from home.services import DEFAULT_SERVICES
from opendata.datainclusion import MEMBER_KIND_NETWORKS, SERVICE_CODES
from tests.opendata.conftest import ALL_URLS, FILES, parse_csv
from tests.opendata.datainclusion_schema import (
    FRAIS,
    RESEAUX_PORTEURS,
    SERVICE_SCHEMA,
    STRUCTURE_SCHEMA,
    THEMATIQUES,
    TYPES_DE_SERVICES,
    opening_hours_errors,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w+")
DEMO_MEMBERS = [
    "Clic'n Puces",
    "Dépan'tek",
    "La Ferme des Écotais",
    "La Vilaine Bidouille",
    "Les Mulots",
    "Riwal Raude",
]


def assert_valid(records, schema):
    errors = [
        error.message for error in Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(records)
    ]
    assert errors == []
    for record in records:
        if record["horaires_accueil"]:
            assert opening_hours_errors(record["horaires_accueil"]) == []


def by_name(records):
    return {record["nom"]: record for record in records}


def test_the_structures_validate_against_the_schema(home_page, get_json):
    structures = get_json("/donnees-ouvertes/structures.json")
    assert_valid(structures, STRUCTURE_SCHEMA)
    assert [record["nom"] for record in structures] == DEMO_MEMBERS
    assert len({record["id"] for record in structures}) == len(structures)


def test_the_services_validate_and_point_to_their_structure(home_page, get_json):
    structures = get_json("/donnees-ouvertes/structures.json")
    services = get_json("/donnees-ouvertes/services.json")
    assert_valid(services, SERVICE_SCHEMA)
    ids = {record["id"]: record["nom"] for record in structures}
    # One service per member and service it offers: 2 + 2 + 1 + 1 + 1 + 3 in the demo.
    assert sorted((ids[service["structure_id"]], service["nom"]) for service in services) == [
        ("Clic'n Puces", "Réemploi et réparation"),
        ("Clic'n Puces", "Vente de matériel reconditionné"),
        ("Dépan'tek", "Dépannage et maintenance"),
        ("La Ferme des Écotais", "Animation et ateliers ludiques"),
        ("La Vilaine Bidouille", "Fabrication numérique"),
        ("La Vilaine Bidouille", "Logiciels libres"),
        ("La Vilaine Bidouille", "Réemploi et réparation"),
        ("Les Mulots", "Animation et ateliers ludiques"),
        ("Les Mulots", "Formation aux outils numériques"),
        ("Riwal Raude", "Sensibilisation aux données personnelles"),
    ]
    assert len({service["id"] for service in services}) == len(services)
    assert {service["source"] for service in services} == {structures[0]["source"]} == {"testserver"}


def test_a_structure_carries_what_its_page_says(home_page, get_json):
    member = MemberPage.objects.get(slug="clic-n-puces")
    shop = by_name(get_json("/donnees-ouvertes/structures.json"))["Clic'n Puces"]
    assert shop == {
        "source": "testserver",
        "id": f"testserver--{member.pk}",
        "nom": "Clic'n Puces",
        "date_maj": timezone.localdate(member.last_published_at).isoformat(),
        "description": member.summary,
        "lien_source": "http://testserver/le-collectif/clic-n-puces/",
        "siret": None,
        "commune": "Saint-Nicolas-de-Redon",
        "code_postal": "44460",
        "code_insee": None,
        "adresse": "3 rue des Artisans",
        "complement_adresse": "Zone d'activités du Port",
        "longitude": -2.0652,
        "latitude": 47.6441,
        "telephone": "+33299000012",
        "courriel": None,
        "site_web": "https://clicnpuces.example/",
        "horaires_accueil": shop["horaires_accueil"],
        "accessibilite_lieu": None,
        "reseaux_porteurs": ["ei"],
    }
    # Its week as typed in the demo; its summer closure follows while it is still to come.
    assert shop["horaires_accueil"].startswith("Tu-Fr 09:30-12:30,14:00-18:00; Sa 09:30-12:30")


def test_a_service_carries_its_codes_and_its_members_whereabouts(home_page, get_json):
    member = MemberPage.objects.get(slug="clic-n-puces")
    sale = Service.objects.get(slug="materiel-reconditionne")
    record = next(
        s for s in get_json("/donnees-ouvertes/services.json") if s["id"] == f"testserver--{member.pk}-{sale.pk}"
    )
    assert record["structure_id"] == f"testserver--{member.pk}"
    assert record["nom"] == "Vente de matériel reconditionné"
    assert record["description"] == f"Ordinateurs et accessoires remis en état. {member.summary}"
    assert (record["type"], record["thematiques"], record["frais"]) == (
        "aide-materielle",
        ["numerique--acquerir-un-equipement"],
        "payant",
    )
    assert (record["adresse"], record["code_postal"], record["telephone"]) == (
        "3 rue des Artisans",
        "44460",
        "+33299000012",
    )
    assert record["modes_accueil"] == ["en-presentiel"]
    assert record["modes_mobilisation"] == ["se-presenter", "telephoner"]
    assert record["mobilisable_par"] == ["usagers"]
    assert (record["courriel"], record["contact_nom_prenom"], record["horaires_accueil"]) == (None, None, None)


@pytest.mark.parametrize("name", FILES)
def test_the_csv_read_back_equals_the_json(home_page, client, get_json, name):
    json_url, csv_url, schema = FILES[name]
    records = get_json(json_url)
    header, rows = parse_csv(client.get(csv_url).content, schema)
    assert header == list(schema["items"]["properties"]) == list(records[0])
    assert rows == records


def test_every_default_service_and_member_kind_has_national_codes():
    assert set(SERVICE_CODES) == {slug for slug, _name, _description in DEFAULT_SERVICES}
    for codes in SERVICE_CODES.values():
        assert codes.type in TYPES_DE_SERVICES
        assert codes.thematiques and set(codes.thematiques) <= set(THEMATIQUES)
        assert codes.frais in [*FRAIS, None]
    assert set(MEMBER_KIND_NETWORKS) == set(MemberKind)
    assert {code for networks in MEMBER_KIND_NETWORKS.values() for code in networks} <= set(RESEAUX_PORTEURS)


def add_member(title, **fields):
    index = MemberIndexPage.objects.get()
    member = MemberPage(title=title, kind=MemberKind.ASSOCIATION, summary="Une structure pour les tests.", **fields)
    index.add_child(instance=member)
    member.save_revision().publish()
    return member


def test_a_bare_member_and_a_service_without_codes_are_still_valid(home_page, get_json):
    member = add_member("Association sans local", postal_code="3560")
    member.services.add(Service.objects.create(name="Aide aux démarches en ligne", description=""))
    member.save_revision().publish()
    structure = by_name(get_json("/donnees-ouvertes/structures.json"))["Association sans local"]
    service = by_name(get_json("/donnees-ouvertes/services.json"))["Aide aux démarches en ligne"]
    assert_valid([structure], STRUCTURE_SCHEMA)
    assert_valid([service], SERVICE_SCHEMA)
    # A postal code the schema would refuse is left out rather than sent wrong.
    assert (structure["code_postal"], structure["telephone"], structure["horaires_accueil"]) == (None, None, None)
    assert (service["type"], service["thematiques"], service["modes_mobilisation"]) == (None, None, None)
    assert service["description"] == "Une structure pour les tests."


def test_a_phone_number_that_is_not_french_is_given_as_typed(home_page, get_json):
    add_member(
        "Structure frontalière",
        phone="+32 2 555 12 12",
        opening_hours=[
            OpeningHours(weekday=Weekday.MONDAY, opens=datetime.time(9), closes=datetime.time(12)),
        ],
    )
    structure = by_name(get_json("/donnees-ouvertes/structures.json"))["Structure frontalière"]
    assert (structure["telephone"], structure["horaires_accueil"]) == ("+32 2 555 12 12", "Mo 09:00-12:00")


def test_only_live_public_pages_and_their_published_version_are_exported(home_page, get_json):
    MemberPage.objects.get(slug="les-mulots").unpublish()
    private = MemberPage.objects.get(slug="depantek")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = MemberPage.objects.get(slug="riwal-raude")
    draft.title = "Brouillon pas encore publié"
    draft.save_revision()
    names = [record["nom"] for record in get_json("/donnees-ouvertes/structures.json")]
    assert names == ["Clic'n Puces", "La Ferme des Écotais", "La Vilaine Bidouille", "Riwal Raude"]
    services = get_json("/donnees-ouvertes/services.json")
    assert {service["structure_id"] for service in services} == {
        f"testserver--{page.pk}" for page in MemberPage.objects.exclude(slug__in=["les-mulots", "depantek"])
    }


def test_no_file_holds_an_email_address_nor_a_persons_name(home_page, client):
    session = Occurrence.objects.filter(start__gt=timezone.now()).first()
    Registration.objects.create(
        occurrence=session, name="Josiane Lemarchand", email="josiane@example.org", status=RegistrationStatus.REGISTERED
    )
    contents = {url: client.get(url).content.decode() for url in ALL_URLS}
    titles = set(MemberPage.objects.values_list("title", flat=True))
    # A « porteur de projet » bears its founder's name, published on its page by itself.
    names = {f"{user.first_name} {user.last_name}" for user in User.objects.exclude(last_name="")} - titles
    names.add("Josiane Lemarchand")
    assert len(names) >= 6
    assert "contact@clicnpuces.example" in MemberPage.objects.values_list("email", flat=True)
    for url, content in contents.items():
        assert EMAIL.findall(content) == [], url
        assert [name for name in names if name in content] == [], url


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nom", None),
        ("nom", "Atelier."),
        ("thematiques", ["numerique--jouer-en-ligne"]),
        ("type", "permanence"),
        ("publics", ["tous-publics", "seniors"]),
        ("date_maj", "03/12/2026"),
        ("code_postal", "3560"),
        ("lien_source", "le-collectif/"),
    ],
)
def test_the_schema_of_the_tests_refuses_what_the_national_one_refuses(home_page, get_json, field, value):
    record = get_json("/donnees-ouvertes/services.json")[0]
    assert Draft202012Validator(SERVICE_SCHEMA).is_valid([record])
    record[field] = value
    assert not Draft202012Validator(SERVICE_SCHEMA, format_checker=FormatChecker()).is_valid([record])
    del record[field]
    assert not Draft202012Validator(SERVICE_SCHEMA).is_valid([record])
