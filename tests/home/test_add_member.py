import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.models import Collection

import pytest

from home.models import MemberPage


def add_member(*args):
    out = io.StringIO()
    call_command("add_member", *args, stdout=out)
    return out.getvalue()


def test_add_member_creates_page_group_collection_and_first_editor(demo_site, client):
    output = add_member("Les Bricoleurs", "--kind", "association", "--summary", "On répare.", "--username", "brico")
    page = MemberPage.objects.get(slug="les-bricoleurs")
    assert page.live and page.summary == "On répare."
    assert client.get(page.url).status_code == 200
    assert Group.objects.filter(name="Membre : Les Bricoleurs").exists()
    assert Collection.objects.filter(name="Les Bricoleurs").exists()
    editor = get_user_model().objects.get(username="brico")
    password = output.split("brico / ")[1].split()[0]
    assert editor.check_password(password)
    perms = page.permissions_for_user(editor)
    assert perms.can_edit() and perms.can_publish()
    other = MemberPage.objects.get(slug="les-mulots").permissions_for_user(editor)
    assert not other.can_edit()


def test_add_member_refuses_a_member_that_exists(demo_site):
    pages_before = MemberPage.objects.count()
    with pytest.raises(CommandError, match="existe déjà"):
        add_member("Les Mulots")
    assert MemberPage.objects.count() == pages_before


def test_add_member_refuses_a_taken_login_and_creates_nothing(demo_site):
    with pytest.raises(CommandError, match="déjà pris"):
        add_member("Nouveau membre", "--username", "mulots")
    assert not MemberPage.objects.filter(slug="nouveau-membre").exists()


def test_add_member_needs_the_member_list_page(db):
    with pytest.raises(CommandError, match="Le collectif"):
        add_member("Les Bricoleurs")
