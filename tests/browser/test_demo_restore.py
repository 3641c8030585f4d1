"""Every browser test starts from the same demo, whatever the one before it wrote: the
same journey runs three times, each run writing to the demo (committed, seen by the live
server), each run finding none of the others' writes."""

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import expect

from home.models import StandardPage
from tests.browser.conftest import BROWSER_TEST

pytestmark = [*BROWSER_TEST, pytest.mark.postgresql]


@pytest.mark.parametrize("writer", ["premier", "second", "premier-encore"])
def test_a_write_by_one_browser_test_is_gone_for_the_next(page, writer):
    page.goto(page.base_url + "/le-projet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Le projet")
    assert not get_user_model().objects.filter(username__startswith="ecrit-par-").exists()

    get_user_model().objects.create_user(f"ecrit-par-{writer}")
    project = StandardPage.objects.get(slug="le-projet")
    project.title = f"Réécrit par {writer}"
    project.save_revision().publish()

    page.goto(page.base_url + "/le-projet/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Réécrit par {writer}")
