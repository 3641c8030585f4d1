"""Each member edits its own page, sub-pages and media, and nothing of the others'.

The matrix is checked twice: through Wagtail's permission API and through HTTP
requests to the admin, which must refuse and change nothing in the database.
"""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

import pytest

from core import demo_data
from home.models import MemberPage, StandardPage

EDITORS = {member["editor"]["username"]: member["slug"] for member in demo_data.read_all("home", "members")}


@pytest.fixture
def member_site(demo_site):
    """The demo site plus one published sub-page under every member page: for the tests that
    try sub-pages or list a member's pages (the others take demo_site, without the cost)."""
    for member in MemberPage.objects.all():
        member.add_child(instance=StandardPage(title=f"Actualités {member.title}", slug="actualites"))
        member.get_children().get(slug="actualites").specific.save_revision().publish()
    return demo_site


def user(username):
    return get_user_model().objects.get(username=username)


def member(slug):
    return MemberPage.objects.get(slug=slug)


def sub_page(slug):
    return member(slug).get_children().get(slug="actualites").specific


def logo(slug):
    return member(slug).logo


def permission_matrix(editor, slug):
    page_perms = member(slug).permissions_for_user(editor)
    child_perms = sub_page(slug).permissions_for_user(editor)
    results = {
        "edit": page_perms.can_edit(),
        "publish": page_perms.can_publish(),
        "unpublish": page_perms.can_unpublish(),
        "add child": page_perms.can_add_subpage(),
        "copy": page_perms.can_copy(),
        "edit sub-page": child_perms.can_edit(),
        "delete sub-page": child_perms.can_delete(),
        "move sub-page": child_perms.can_move_to(member(slug)),
        "unpublish sub-page": child_perms.can_unpublish(),
        "upload": image_policy.user_has_permission_for_instance(editor, "add", logo(slug)),
        "choose image": image_policy.user_has_permission_for_instance(editor, "choose", logo(slug)),
        "change image": image_policy.user_has_permission_for_instance(editor, "change", logo(slug)),
    }
    return results


@pytest.mark.parametrize("username", EDITORS)
def test_permission_api_allows_own_content_and_denies_the_others(member_site, username):
    editor = user(username)
    for slug in EDITORS.values():
        results = permission_matrix(editor, slug)
        assert results == dict.fromkeys(results, EDITORS[username] == slug), slug


@pytest.mark.parametrize("username", EDITORS)
def test_members_cannot_touch_shared_pages(demo_site, username):
    editor = user(username)
    for page in Page.objects.filter(depth__in=[2, 3]).exclude(slug__in=EDITORS.values()).specific():
        perms = page.permissions_for_user(editor)
        assert not any([perms.can_edit(), perms.can_publish(), perms.can_delete(), perms.can_move()]), page.title
        # The agenda and the library are the shared pages members add to: their
        # ateliers and guides then go through Coordination's review.
        assert perms.can_add_subpage() == (page.slug in {"agenda", "ressources"}), page.title


def edit_form_data(client, page, summary):
    """The page's edit form as an editor's browser sends it, with a new summary.
    The body is drawn by JavaScript in the editor, so its fields are added here."""
    page.body = [("paragraph", "<p>Texte.</p>")]
    page.save_revision().publish()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]), "easy_read": streamfield([])}
        )
    )
    data["summary"] = summary
    data["action-publish"] = "action-publish"
    return data


@pytest.fixture
def superuser_client(client, member_site):
    client.force_login(user("admin"))
    return client


def snapshot(slug):
    page = member(slug)
    return (page.title, page.summary, page.live, page.path, page.latest_revision_id, page.get_children().count())


def test_member_edits_and_publishes_its_own_page_over_http(demo_site, client):
    client.force_login(user("mulots"))
    page = member("les-mulots")
    data = edit_form_data(client, page, "Nouvelle présentation des Mulots.")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert member("les-mulots").summary == "Nouvelle présentation des Mulots."
    assert "Nouvelle présentation des Mulots." in client.get(page.url).content.decode()


@pytest.mark.parametrize("slug", EDITORS.values())
def test_admin_refuses_every_action_on_other_members_pages_and_changes_nothing(superuser_client, client, slug):
    # One member's pages, tried by each of the others: its edit form is fetched once, not
    # once per other member (the page is unchanged between them, or the test fails).
    data = edit_form_data(superuser_client, member(slug), "Piraté")
    before = {other: snapshot(other) for other in EDITORS.values()}
    for username, own_slug in EDITORS.items():
        if own_slug != slug:
            client.force_login(user(username))
            attempt_everything_on(client, slug, data)
    assert {other: snapshot(other) for other in EDITORS.values()} == before
    assert all(sub_page(other).live for other in EDITORS.values())


def attempt_everything_on(client, slug, data):
    target = member(slug)
    child = sub_page(slug)
    attempts = [
        ("get", f"/admin/pages/{target.pk}/edit/", None),
        ("post", f"/admin/pages/{target.pk}/edit/", data),
        ("post", f"/admin/pages/{target.pk}/unpublish/", {}),
        ("post", f"/admin/pages/{target.pk}/delete/", {}),
        ("post", f"/admin/pages/{child.pk}/delete/", {}),
        ("post", f"/admin/pages/{child.pk}/move/{target.get_parent().pk}/confirm/", {}),
        ("get", f"/admin/pages/add/home/standardpage/{target.pk}/", None),
        (
            "post",
            f"/admin/pages/{child.pk}/copy/",
            {"new_title": "Copie", "new_slug": "copie", "new_parent_page": target.pk},
        ),
    ]
    for method, url, payload in attempts:
        response = getattr(client, method)(url, payload) if payload is not None else client.get(url)
        assert response.status_code in {302, 403}, (method, url, response.status_code)
        if response.status_code == 302:
            assert not response.url.startswith(f"/admin/pages/{target.pk}/edit/"), url


@pytest.mark.parametrize("username", EDITORS)
def test_member_cannot_upload_into_or_choose_from_another_collection(demo_site, client, username):
    own_slug = EDITORS[username]
    other_slug = next(slug for slug in EDITORS.values() if slug != own_slug)
    other_collection = Collection.objects.get(name=member(other_slug).title)
    own_collection = Collection.objects.get(name=member(own_slug).title)
    client.force_login(user(username))
    upload = SimpleUploadedFile("photo.png", logo(own_slug).file.read(), content_type="image/png")
    client.post("/admin/images/add/", {"title": "Intrus", "file": upload, "collection": other_collection.pk})
    # The member's only collection is imposed: an upload can only land there.
    assert set(get_image_model().objects.filter(title="Intrus").values_list("collection", flat=True)) <= {
        own_collection.pk
    }

    chooser = client.get("/admin/images/chooser/").content.decode()
    assert f"/images/chooser/chosen/{logo(own_slug).pk}/" in chooser
    assert f"/images/chooser/chosen/{logo(other_slug).pk}/" not in chooser
    assert client.get(f"/admin/images/{logo(other_slug).pk}/").status_code in {302, 403}


def test_member_cannot_delete_or_move_its_own_member_page(demo_site, client):
    client.force_login(user("mulots"))
    page = member("les-mulots")
    assert page.permissions_for_user(user("mulots")).can_delete()  # Wagtail alone would let it go
    response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
    assert "Seule la coordination peut supprimer" in response.content.decode()
    response = client.post(f"/admin/pages/{page.pk}/move/{page.pk}/confirm/", follow=True)
    assert MemberPage.objects.filter(pk=page.pk, live=True, path=page.path).exists()


def test_coordination_edits_shared_pages_and_any_member_page(demo_site):
    coordinator = user("coordination")
    for page in [Page.objects.get(slug="le-projet"), member("depantek")]:
        perms = page.specific.permissions_for_user(coordinator)
        assert perms.can_edit() and perms.can_publish()


def test_dashboard_shows_my_space_with_the_members_own_page_only(member_site, client):
    client.force_login(user("mulots"))
    body = client.get("/admin/").content.decode()
    assert "Mon espace" in body
    assert f"/admin/pages/{member('les-mulots').pk}/edit/" in body
    assert f"/admin/pages/{member('depantek').pk}/edit/" not in body


def test_coordination_workflow_has_its_review_step_and_wagtails_default_is_off(demo_site):
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name="Validation par la coordination")
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Coordination"]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_members_do_not_see_technical_menus_but_coordination_does(demo_site, client):
    client.force_login(user("mulots"))
    member_menu = client.get("/admin/").content.decode()
    client.force_login(user("coordination"))
    coordination_menu = client.get("/admin/").content.decode()
    assert '"name": "reports"' not in member_menu and '"name": "reports"' in coordination_menu


def test_page_preview_can_be_framed_by_the_admin(demo_site, client):
    client.force_login(user("mulots"))
    page = member("les-mulots")
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_site_counters_are_for_coordination_not_members(demo_site, client):
    client.force_login(user("mulots"))
    assert 'class="w-summary__list"' not in client.get("/admin/").content.decode()
    client.force_login(user("coordination"))
    assert 'class="w-summary__list"' in client.get("/admin/").content.decode()
