"""Documents to download on guides and pages: the link says the format, the size and whether the
document is accessible, and where to read the same content as a web page; the editor
records both per document, members on their own guides only."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from core import demo_data
from home.models import StandardPage
from resources.models import GuidePage
from tests.resources.conftest import make_guide

DEMO_GUIDE = "/ressources/sauvegarder-ses-fichiers/"


def user(username):
    return get_user_model().objects.get(username=username)


def offer(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".document-offer")


def memo():
    return get_document_model().objects.get(title="Mémo : la règle du 3-2-1")


def test_the_demo_guide_offers_its_memo_saying_it_is_a_pdf_its_size_and_not_accessible(client, home_page):
    block = offer(client.get(DEMO_GUIDE))
    link = block.select_one("a[download]")
    committed = demo_data.attachment("resources", "memo-regle-3-2-1.pdf").read()
    link_text = "Télécharger «\u00a0Mémo : la règle du 3-2-1\u00a0» (PDF, 1\u00a0Ko, non accessible)"
    assert link.get_text(" ", strip=True) == link_text
    assert "Le même contenu est sur cette page" in block.get_text()
    # Served by Wagtail's view (the test storage in memory has no path for it to send).
    assert link["href"] == memo().url
    with memo().file.open() as stored:
        assert stored.read() == committed and committed.startswith(b"%PDF-1.4")


def test_an_accessible_document_says_so_and_links_its_chosen_html_equivalent(library, client):
    equivalent = StandardPage.objects.live().get(slug="le-projet")
    file = ContentFile(b"x" * 3000, name="programme.odt")
    document = get_document_model().objects.create(title="Programme", file=file)
    value = {"document": document, "description": "", "accessible": True, "html_equivalent": equivalent}
    make_guide(library, "programme", "Le programme", body=[("document", value)])
    block = offer(client.get("/ressources/programme/"))
    link = block.select_one("a[download]")
    assert link.get_text(" ", strip=True) == "Télécharger «\u00a0Programme\u00a0» (ODT, 3\u00a0Ko, accessible)"
    assert block.select_one(".document-offer__equivalent a")["href"] == equivalent.url


def test_an_unpublished_equivalent_falls_back_to_the_guide_itself(library, client):
    equivalent = StandardPage.objects.live().get(slug="le-projet")
    equivalent.unpublish()
    value = {"document": memo(), "description": "", "accessible": False, "html_equivalent": equivalent}
    make_guide(library, "memo-bis", "Le mémo", body=[("document", value)])
    block = offer(client.get("/ressources/memo-bis/"))
    assert block.select_one(".document-offer__equivalent a") is None
    assert "Le même contenu est sur cette page" in block.get_text()


def test_a_document_deleted_from_the_library_leaves_the_guide_readable(library, client):
    document = get_document_model().objects.create(title="Ancien", file=ContentFile(b"x", name="ancien.pdf"))
    value = {"document": document, "description": "", "accessible": False, "html_equivalent": None}
    make_guide(library, "ancien", "L'ancien guide", body=[("paragraph", "<p>Texte.</p>"), ("document", value)])
    document.delete()
    response = client.get("/ressources/ancien/")
    assert response.status_code == 200
    assert offer(response) is None


@pytest.mark.parametrize("stream", [GuidePage.body.field.stream_block, StandardPage.body.field.stream_block])
def test_texts_offer_no_link_to_a_document_outside_the_document_block(stream):
    paragraph = stream.child_blocks["paragraph"]
    assert "document-link" not in paragraph.features
    assert "link" in paragraph.features
    assert "document" in stream.child_blocks


def test_a_page_offers_a_document_the_same_way_and_the_statement_lists_it(demo_site, client):
    page = StandardPage.objects.live().get(slug="le-projet")
    value = {"document": memo(), "description": "", "accessible": False, "html_equivalent": None}
    page.body.append(("document", value))
    page.save_revision().publish()
    link = offer(client.get(page.url)).select_one("a[download]")
    assert link.get_text(" ", strip=True).endswith("(PDF, 1\u00a0Ko, non accessible)")
    statement = BeautifulSoup(client.get("/accessibilite/").content, "html.parser")
    assert statement.find(id="documents").find_next("ul").find("a", href=page.url)


def test_the_block_picker_previews_a_real_download_link(demo_site, client):
    client.force_login(user("coordination"))
    block = StandardPage.body.field.stream_block.child_blocks["document"]
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    assert "(PDF, 1\u00a0Ko, non accessible)" in response.content.decode()


def edit_form(client, guide, accessible, equivalent):
    """The guide's edit form as an editor's browser sends it, its document block's
    « accessible » box and HTML equivalent set; the stream is drawn by JavaScript."""
    response = client.get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    document = {"document": memo().pk, "description": "", "html_equivalent": equivalent.pk if equivalent else ""}
    if accessible:
        document["accessible"] = "on"
    body = [("paragraph", rich_text("<p>Texte.</p>")), ("document", document)]
    data.update(nested_form_data({"body": streamfield(body), "easy_read": streamfield([])}))
    return data


def saved_document_block(guide):
    revision = GuidePage.objects.get(pk=guide.pk).latest_revision.as_object()
    return next(block.value for block in revision.body if block.block_type == "document")


def test_coordination_records_that_a_document_is_accessible_and_its_equivalent(demo_site, client):
    guide = GuidePage.objects.get(slug="sauvegarder-ses-fichiers")
    equivalent = StandardPage.objects.live().get(slug="le-projet")
    client.force_login(user("coordination"))
    data = edit_form(client, guide, accessible=True, equivalent=equivalent)
    data["action-publish"] = "action-publish"
    assert client.post(f"/admin/pages/{guide.pk}/edit/", data).status_code == 302
    value = saved_document_block(guide)
    assert value["accessible"] is True and value["html_equivalent"].pk == equivalent.pk
    client.logout()
    block = offer(client.get(DEMO_GUIDE))
    assert block.select_one("a[download]").get_text(" ", strip=True).endswith("Ko, accessible)")


def test_a_member_records_it_on_its_own_guide(library, client):
    author = user("depantek")
    guide = make_guide(library, "guide-du-membre", "Le guide du membre", owner=author)
    client.force_login(author)
    data = edit_form(client, guide, accessible=True, equivalent=None)
    assert client.post(f"/admin/pages/{guide.pk}/edit/", data).status_code == 302
    value = saved_document_block(guide)
    assert value["accessible"] is True and value["html_equivalent"] is None


@pytest.mark.parametrize("username", ["depantek", "mulots"])
def test_a_member_cannot_change_what_another_guide_says_of_its_document(library, client, username):
    guide = make_guide(library, "guide-des-autres", "Le guide des autres", owner=user("riwal"))
    before = GuidePage.objects.get(pk=guide.pk).latest_revision_id
    client.force_login(user("riwal"))
    data = edit_form(client, guide, accessible=True, equivalent=None)
    client.force_login(user(username))
    response = client.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code in (302, 403)
    assert GuidePage.objects.get(pk=guide.pk).latest_revision_id == before


def post_with(client, guide, field, value):
    client.force_login(user("coordination"))
    data = edit_form(client, guide, accessible=False, equivalent=None)
    data[next(name for name in data if name.startswith("body-") and name.endswith(f"-value-{field}"))] = value
    return client.post(f"/admin/pages/{guide.pk}/edit/", data)


def test_a_document_that_no_longer_exists_is_refused_in_french_and_nothing_is_saved(demo_site, client):
    guide = GuidePage.objects.get(slug="sauvegarder-ses-fichiers")
    before = guide.latest_revision_id
    response = post_with(client, guide, "document", "999999")
    assert response.status_code == 200
    # The stream's errors reach the editor inside the form's JSON, escaped.
    assert "Choisissez un document de la m\\u00e9diath\\u00e8que" in response.content.decode()
    assert GuidePage.objects.get(pk=guide.pk).latest_revision_id == before


@pytest.mark.parametrize("forged", ["999999", "abc", "1.5", "1 OR 1=1", "\u00e9"])
def test_an_equivalent_page_that_does_not_exist_leaves_the_guide_as_its_equivalent(demo_site, client, forged):
    guide = GuidePage.objects.get(slug="sauvegarder-ses-fichiers")
    assert post_with(client, guide, "html_equivalent", forged).status_code == 302
    assert saved_document_block(guide)["html_equivalent"] is None


@pytest.mark.parametrize("forged", ["abc", "-", "1e3"])
def test_a_forged_document_id_is_refused_in_french_never_a_500(demo_site, client, forged):
    """Not a number at all: the admin's widget never sends one, a forged form may (core/chooser_ids.py)."""
    guide = GuidePage.objects.get(slug="sauvegarder-ses-fichiers")
    before = guide.latest_revision_id
    response = post_with(client, guide, "document", forged)
    assert response.status_code == 200
    assert "Choisissez un document de la m\\u00e9diath\\u00e8que" in response.content.decode()
    assert GuidePage.objects.get(pk=guide.pk).latest_revision_id == before
