"""The declaration (its required parts, the link from every page, the level on the home
page), the multi-year plan, and the form « Signaler un problème d'accessibilité »."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

import pytest
from bs4 import BeautifulSoup
from django_tasks_db.models import DBTaskResult

from accessibility.models import AccessibilityPlanPage, AccessibilityReport, AccessibilityStatementPage
from resources.models import GuidePage
from tests.core.conftest import DATABASE_TASKS

pytestmark = pytest.mark.django_db

STATEMENT = "/accessibilite/"
FORM = "/accessibilite/signaler/"
# One address of each public page type (the agenda, booking, library and follow pages included).
PUBLIC_PAGES = [
    "/",
    "/le-projet/",
    "/recherche/?q=num%C3%A9rique",
    "/le-collectif/",
    "/le-collectif/les-mulots/",
    "/agenda/",
    "/agenda/mois/2017/11/",
    "/agenda/archives/",
    "/agenda/premiers-pas-ordinateur/",
    "/agenda/bootic-2017/",
    "/ressources/",
    "/ressources/choisir-ses-mots-de-passe/",
    "/ressources/alternatives/",
    "/reserver/",
    "/donnees-ouvertes/",
    "/suivre-les-ateliers/",
    "/en-chiffres/",
    STATEMENT,
    "/accessibilite/schema-pluriannuel/",
    FORM,
]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return " ".join(soup(response).get_text().split())


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_type_links_the_statement_from_its_footer(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 200, path
    footer = soup(response).find("footer")
    assert footer.find("a", href=STATEMENT, string="Accessibilité"), path


def test_the_not_found_page_links_the_statement_too(client, home_page):
    response = client.get("/page-introuvable/")
    assert response.status_code == 404
    assert soup(response).find("footer").find("a", href=STATEMENT)


def test_home_page_states_the_compliance_level(client, home_page):
    link = soup(client.get("/")).select_one(".home-compliance a")
    assert link["href"] == STATEMENT
    assert link.get_text(strip=True) == "Accessibilité\u00a0: non conforme"


def test_home_page_level_follows_the_statement(client, home_page):
    statement = AccessibilityStatementPage.objects.get()
    statement.criteria_met, statement.criteria_applicable = 60, 80
    statement.save_revision().publish()
    assert "Accessibilité : partiellement conforme" in text(client.get("/"))


def test_statement_has_every_part_the_rgaa_model_asks_for(client, home_page):
    page = text(client.get(STATEMENT))
    for part in [
        "s'engage à rendre son site internet accessible, conformément à l'article 47 de la loi n° 2005-102",
        "État de conformité",
        "Ce site est non conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1",
        "L'évaluation faite n'a pas porté sur tous les critères du RGAA",
        "Contenus non accessibles",
        "Dérogations pour charge disproportionnée",
        "Contenus qui ne sont pas soumis à l'obligation d'accessibilité",
        "Obtenir ces contenus autrement",
        "Cette déclaration a été établie le 7 décembre 2026",
        "Technologies utilisées pour réaliser le site",
        "Outils utilisés pour vérifier l'accessibilité",
        "axe-core 4.12",
        "Pages du site qui ont été vérifiées",
        "Retour d'information et contact",
        "Nous répondons dans un délai de 10 jours ouvrés",
        "Voies de recours",
        "Défenseur des droits",
        "Libre réponse 71120, 75342 Paris CEDEX 07",
        "schéma pluriannuel et un plan d'actions 2026",
    ]:
        assert part in page, part
    html = soup(client.get(STATEMENT))
    assert html.find("a", href=FORM, string="Signaler un problème d'accessibilité")
    assert html.find("a", href="/accessibilite/schema-pluriannuel/")
    assert html.find("a", href="/agenda/")  # the pages audited, linked


def documents_listed(client):
    section = soup(client.get(STATEMENT)).find(id="documents")
    return None if section is None else section.find_next("ul")


def test_statement_lists_the_documents_offered_that_are_not_accessible(client, home_page):
    listed = documents_listed(client)
    assert " ".join(listed.get_text().split()) == (
        "« Mémo : la règle du 3-2-1 » (PDF), proposé sur la page "
        "Sauvegarder ses photos et documents : la règle du 3-2-1, qui en donne le même contenu."
    )
    assert listed.find("a", href="/ressources/sauvegarder-ses-fichiers/")


def test_a_document_marked_accessible_or_an_unpublished_guide_leaves_the_list(client, home_page):
    guide = GuidePage.objects.get(slug="sauvegarder-ses-fichiers")
    memo = next(block.value for block in guide.body if block.block_type == "document")
    memo["accessible"] = True
    guide.save_revision().publish()
    assert documents_listed(client) is None
    memo["accessible"] = False
    guide.save_revision().publish()
    assert documents_listed(client) is not None
    guide.unpublish()
    assert documents_listed(client) is None


def test_statement_with_criteria_shows_the_percentage(client, home_page):
    statement = AccessibilityStatementPage.objects.get()
    statement.criteria_met, statement.criteria_applicable = 81, 106
    statement.save_revision().publish()
    page = text(client.get(STATEMENT))
    assert "Ce site est partiellement conforme" in page
    assert "76 % des critères du RGAA sont respectés : 81 sur 106" in page


def test_plan_shows_this_years_actions_with_their_state(client, home_page):
    plan = AccessibilityPlanPage.objects.get()
    page = text(client.get(plan.url))
    assert "Plan d'actions 2026" in page
    assert "Publier la déclaration d'accessibilité et le formulaire de signalement (faite)" in page
    assert "(en cours)" in page and "(prévue)" in page


# The reporting form -------------------------------------------------------------------


def send(client, **data):
    fields = {"problem": "Le bouton « S'inscrire » ne se lit pas avec ma loupe d'écran.", "email": "", "phone": ""}
    return client.post(FORM, {**fields, **data})


def test_report_is_kept_and_mailed_to_coordination_with_the_promised_delay(client, home_page):
    response = send(client, email="jeanne@exemple.fr", name="Jeanne", page_address="/agenda/")
    assert response.status_code == 201
    assert "Elle vous répond dans un délai de 10 jours ouvrés" in text(response)
    report = AccessibilityReport.objects.get()
    assert (report.email, report.name, report.page_address, report.answered) == (
        "jeanne@exemple.fr",
        "Jeanne",
        "/agenda/",
        False,
    )
    (message,) = mail.outbox
    coordination = get_user_model().objects.get(username="coordination")
    assert coordination.email in message.to
    assert message.reply_to == ["jeanne@exemple.fr"]
    assert "loupe d'écran" in message.body and "10 jours ouvrés" in message.body


def test_a_phone_number_is_enough_to_be_answered(client, home_page):
    assert send(client, phone="02 99 12 34 56").status_code == 201
    assert AccessibilityReport.objects.get().phone == "02 99 12 34 56"


def test_the_same_form_sent_twice_keeps_one_report(client, home_page):
    send(client, email="jeanne@exemple.fr", form_key="a" * 32)
    response = send(client, email="jeanne@exemple.fr", form_key="a" * 32)
    assert response.status_code == 201
    assert AccessibilityReport.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"problem": ""}, "Dites-nous en quelques mots ce qui ne va pas."),
        ({}, "Donnez une adresse électronique ou un numéro de téléphone pour que nous puissions vous répondre."),
        ({"email": "pas-une-adresse"}, "Saisissez votre adresse électronique complète, par exemple nom@exemple.fr"),
        ({"email": "a@exemple.fr", "problem": "x" * 2001}, "au plus 2000 caractères"),
        ({"email": "a@exemple.fr", "website": "http://spam.example"}, "Ce formulaire n'a pas pu être envoyé."),
        ({"email": "a@exemple.fr", "form_key": "k" * 41}, "Il y a un problème"),
    ],
)
def test_bad_or_hostile_input_is_refused_in_french_and_nothing_is_kept(client, home_page, data, error):
    response = send(client, **data)
    assert response.status_code == 400
    assert error in text(response)
    assert not AccessibilityReport.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("junk", ["\x00", "<script>alert(1)</script>", "é" * 300])
def test_strange_characters_never_give_a_500(client, home_page, junk):
    response = send(client, email="a@exemple.fr", name=junk[:100], page_address=junk)
    assert response.status_code in {201, 400}
    assert "<script>alert" not in response.content.decode()


def test_rate_limit_refuses_in_french_and_keeps_nothing_more(client, home_page, settings):
    settings.ACCESSIBILITY_REPORTS_PER_HOUR = 1
    assert send(client, email="a@exemple.fr").status_code == 201
    response = send(client, email="b@exemple.fr")
    assert response.status_code == 429
    assert "Trop de messages depuis votre connexion" in text(response)
    assert AccessibilityReport.objects.count() == 1


def test_the_form_page_is_never_kept_for_others_and_not_indexed(client, home_page):
    response = client.get(FORM)
    assert response.status_code == 200
    assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert client.put(FORM).status_code == 405


# Coordination's side --------------------------------------------------------------------

LIST = "/admin/accessibility/accessibilityreport/"


def user(username):
    return get_user_model().objects.get(username=username)


def test_coordination_reads_the_report_and_marks_it_answered(client, home_page):
    send(client, email="jeanne@exemple.fr")
    report = AccessibilityReport.objects.get()
    client.force_login(user("coordination"))
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "jeanne@exemple.fr" in listing.content.decode()
    assert "ne se lit pas avec ma loupe" in client.get(f"{LIST}inspect/{report.pk}/").content.decode()
    response = client.post(f"{LIST}edit/{report.pk}/", {"answered": "on"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.answered
    assert client.get(f"{LIST}create/").status_code in {302, 403}  # people report, not the team


@pytest.mark.parametrize("path", ["", "inspect/{pk}/", "edit/{pk}/"])
def test_members_never_see_the_reports(client, home_page, path):
    send(client, email="jeanne@exemple.fr")
    report = AccessibilityReport.objects.get()
    client.force_login(user("mulots"))
    response = client.get(LIST + path.format(pk=report.pk))
    assert response.status_code in {302, 403}
    assert "jeanne@exemple.fr" not in response.content.decode()
    assert "Signalements d'accessibilité" not in client.get("/admin/").content.decode()


def test_with_the_real_task_queue_the_report_is_kept_and_its_mail_waits_for_the_worker(client, home_page):
    with override_settings(TASKS=DATABASE_TASKS):
        response = send(client, email="jeanne@exemple.fr")
    assert response.status_code == 201
    assert AccessibilityReport.objects.count() == 1
    (task,) = DBTaskResult.objects.filter(task_path="core.mail.deliver")
    assert task.args_kwargs["args"][0]["reply_to"] == ["jeanne@exemple.fr"]
    assert mail.outbox == []  # sent by the worker, retried while SMTP fails
