"""Search in French as a person expects: accents and plurals don't matter, and
a word in the title or summary ranks before the same word in the body."""

import pytest
from bs4 import BeautifulSoup

from core.search import fold
from tests.resources.conftest import make_guide


def found(client, **params):
    html = BeautifulSoup(client.get("/ressources/", params).content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".guide-card .card__title a")]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sécurité", "securite"),
        ("mots de passe", "mot de passe"),
        ("Réseaux sociaux", "reseau sociau"),
        ("Données personnelles", "donnee personnelle"),
        ("  L'ÉTÉ !  ", "l ete"),
    ],
)
def test_folding_ignores_case_accents_and_plurals(text, folded):
    assert fold(text) == folded


def test_mot_de_passe_finds_mots_de_passe(library, client):
    assert found(client, q="mot de passe")[0] == "Choisir et retenir de bons mots de passe"
    assert found(client, q="MOTS DE PASSE")[0] == "Choisir et retenir de bons mots de passe"


def test_securite_without_accent_finds_securite(library, client):
    make_guide(library, "test-securite", "Zzz la sécurité du wifi", summary="Sécurité de la box.")
    assert "Zzz la sécurité du wifi" in found(client, q="securite")


def test_a_word_in_the_summary_ranks_before_the_same_word_in_the_body(library, client):
    make_guide(library, "dans-le-corps", "Guide A", body=[("paragraph", "<p>On parle ici de zanzibar.</p>")])
    make_guide(library, "dans-le-resume", "Guide B", summary="Tout sur zanzibar.")
    assert found(client, q="zanzibar") == ["Guide B", "Guide A"]


def test_search_combines_with_filters_and_the_form_keeps_them(library, client):
    beginners = set(found(client, q="ordinateur", niveau="debutant"))
    everyone = set(found(client, q="ordinateur"))
    assert beginners and beginners <= everyone
    page = BeautifulSoup(client.get("/ressources/", {"q": "ordinateur", "theme": "reemploi"}).content, "html.parser")
    assert page.find("input", id="id_q")["value"] == "ordinateur"
    assert page.find("select", attrs={"name": "theme"}).find("option", selected=True)["value"] == "reemploi"


def test_a_search_without_result_says_so(library, client):
    body = client.get("/ressources/", {"q": "xylophone"}).content.decode()
    assert "0 guide" in body and "Aucun guide ne correspond" in body
