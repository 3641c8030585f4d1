"""The demo's pages answer: each page, its admin edit view and the explorer.

Apart from test_demo.py (the loader's own tests, which run it) so that pytest-xdist's two
processes, each taking a whole file, can share them; it needs no build, only the snapshot."""

from django.contrib.auth import get_user_model

from wagtail.models import Page


def test_every_demo_page_its_admin_edit_view_and_the_explorer_answer(demo_site, client):
    admin = get_user_model().objects.get(username="admin")
    for page in Page.objects.filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url
    client.force_login(admin)
    for page in Page.objects.filter(depth__gt=1):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page.url
        assert client.get(f"/admin/pages/{page.pk}/").status_code == 200, page.url
    assert client.get("/admin/settings/home/espacesettings/").status_code in {200, 302}
