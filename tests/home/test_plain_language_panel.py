"""The plain-language advice beside the text of an atelier, a guide and a member's page, with
the jargon list Coordination keeps: advice only, publishing is never blocked."""

from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup

from agenda.models import AtelierPage
from home.models import MemberPage, PlainWord
from home.plain_language import page_advice
from resources.models import GuidePage

pytestmark = pytest.mark.django_db

LONG = (
    "Nous vous montrons comment ranger vos photos, écrire un courriel à vos petits-enfants et prendre "
    "un rendez-vous chez le médecin sur internet, sans vous presser, avec des exercices faits ensemble."
)


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def advice_box(client, page):
    html = BeautifulSoup(client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    return " ".join(html.select_one(".plain-language").get_text().split())


def test_the_first_jargon_words_come_with_the_site():
    words = PlainWord.as_dict()
    assert {"identifiant", "navigateur", "cookie", "cloud", "rgpd", "application"} <= set(words)


def test_advice_reads_the_summary_and_the_stream_of_the_page(home_page):
    page = MemberPage.objects.get(slug="les-mulots")
    page.summary = "Ouvrez votre navigateur."
    page.body = [("paragraph", f"<p>{LONG}</p>")]
    advice = page_advice(page, ["summary", "body"])
    assert ("navigateur", PlainWord.as_dict()["navigateur"]) in advice.jargon
    assert [words for _sentence, words in advice.long_sentences] == [30]
    assert 40 <= advice.score <= 80


@pytest.mark.parametrize(
    ("model", "username"), [(MemberPage, "mulots"), (AtelierPage, "mulots"), (GuidePage, "mulots")]
)
def test_the_editor_shows_long_sentences_jargon_and_the_score_beside_the_text(client, home_page, model, username):
    page = model.objects.live().filter(owner__username=username).first() or model.objects.live().first()
    page.summary = "Gardez vos fichiers dans le cloud."
    page.body = [("paragraph", f"<p>{LONG}</p>")]
    page.save_revision()
    login(client, "coordination")
    box = advice_box(client, page)
    assert "1 phrase a plus de 20 mots : coupez-la en deux." in box
    assert "« Nous vous montrons comment ranger vos photos, écrire un courriel à vos" in box
    assert "(30 mots)" in box
    assert "« cloud » : écrivez plutôt stockage en ligne" in box
    assert "Kandel et Moles" in box
    assert "n'empêchent jamais de publier" in box


def test_a_member_sees_the_advice_on_their_own_page(client, home_page):
    login(client, "mulots")
    assert "Lisibilité" in advice_box(client, MemberPage.objects.get(slug="les-mulots"))


def test_a_new_page_is_told_when_the_advice_will_show(client, home_page):
    login(client, "coordination")
    index = GuidePage.objects.first().get_parent()
    html = client.get(f"/admin/pages/add/resources/guidepage/{index.pk}/").content.decode()
    assert "Les conseils apparaissent ici quand vous avez enregistré un brouillon." in html


def test_coordination_keeps_the_jargon_list_members_do_not(client, home_page):
    login(client, "coordination")
    response = client.post("/admin/snippets/home/plainword/add/", {"word": " Tablette ", "plain": "écran tactile"})
    assert response.status_code == 302
    assert PlainWord.objects.get(word="tablette").plain == "écran tactile"
    login(client, "mulots")
    assert client.get("/admin/snippets/home/plainword/").status_code in {302, 403}
    client.post("/admin/snippets/home/plainword/add/", {"word": "souris", "plain": "x"})
    assert not PlainWord.objects.filter(word="souris").exists()
