"""The printed monthly programme: a month's sessions by day, how to come to each, the
QR code made on the server, the espace's phone and hours; by member or commune."""

import datetime

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from agenda import poster
from home.models import EspaceSettings, MemberPage
from tests.agenda.factories import make_atelier, paris


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def atelier_of(slug, start, **fields):
    atelier = make_atelier(start=start, end=start + datetime.timedelta(hours=2), **fields)
    atelier.organisers = [MemberPage.objects.get(slug=slug)]
    atelier.save_revision().publish()
    return atelier


@pytest.fixture
def month(agenda):
    espace = EspaceSettings.for_site(Site.objects.get(is_default_site=True))
    espace.phone, espace.city = "02 99 72 72 72", "Redon"
    espace.opening_hours = "Mardi : 14 h – 18 h\nMercredi : 9 h – 12 h"
    espace.save()
    redon = {"place_name": "Médiathèque", "place_address": "2 rue du Port, 35600 Redon"}
    nicolas = {"place_name": "Salle des fêtes", "place_address": "Place de l'Église, 44460 Saint-Nicolas-de-Redon"}
    atelier_of("les-mulots", paris(2027, 3, 11, 14), title="Tablette pas à pas", **redon)
    atelier_of("depantek", paris(2027, 3, 18, 10), title="Café réparation", registration_required=False, **nicolas)
    atelier_of("depantek", paris(2027, 4, 2, 10), title="Avril")
    return agenda.url + "mois/2027/3/affiche/"


def test_the_month_is_listed_by_day_with_how_to_come_qr_code_phone_and_hours(month, client):
    member = MemberPage.objects.get(slug="les-mulots")
    response = client.get(month)
    assert response.status_code == 200
    text = text_of(response)
    assert "Ateliers numériques — mars 2027" in text
    assert text.index("Jeudi 11 mars") < text.index("Tablette pas à pas") < text.index("Jeudi 18 mars")
    assert f"Médiathèque, Redon · sur inscription au {member.phone}" in text
    assert "Salle des fêtes, Saint-Nicolas-de-Redon · entrée libre" in text
    assert "Avril" not in text
    assert "02 99 72 72 72" in text and "Mardi : 14 h – 18 h" in text and "Mercredi : 9 h – 12 h" in text
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".poster__qr svg") is not None
    assert 'class="poster poster--a4"' in response.content.decode()


def test_filters_by_member_and_commune_and_a3(month, client):
    by_member = text_of(client.get(month, {"membre": "depantek"}))
    assert "Café réparation" in by_member and "Tablette" not in by_member
    by_commune = text_of(client.get(month, {"commune": "Redon"}))
    assert "Tablette" in by_commune and "Café réparation" not in by_commune
    assert "poster--a3" in client.get(month, {"format": "a3"}).content.decode()


def test_unknown_filters_are_said_in_french_and_the_whole_month_stays(month, client):
    response = client.get(month, {"membre": "personne", "format": "a0"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Sélectionnez un choix valide" in text
    assert "Tablette" in text and "Café réparation" in text


def test_a_month_that_does_not_exist_is_not_found(agenda, client):
    assert client.get(agenda.url + "mois/2027/13/affiche/").status_code == 404


def test_the_month_page_links_to_its_poster(month, client):
    assert month in client.get(month.replace("affiche/", "")).content.decode()


@pytest.mark.parametrize(
    ("address", "commune"),
    [
        ("2 rue du Port, 35600 Redon", "Redon"),
        ("Place de l'Église, 44460 Saint-Nicolas-de-Redon", "Saint-Nicolas-de-Redon"),
        ("", "Redon (l'espace)"),
        ("Salle du haut", "Redon (l'espace)"),
    ],
)
def test_the_commune_is_read_at_the_end_of_the_address(address, commune):
    assert poster.commune_of(address, "Redon (l'espace)") == commune
