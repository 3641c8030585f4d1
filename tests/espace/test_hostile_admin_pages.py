"""The hostile-input crawl in the admin (test_hostile_admin.py), its page views' share:
the explorer, the edit and add forms, history and usage. A file of its own so that
pytest-xdist's other process can take it."""

import pytest

from tests.espace.test_hostile_admin import PAGE_VIEWS, walk_the_admin_then_send_hostile_values


@pytest.mark.django_db
def test_a_member_walking_the_admin_with_hostile_values_never_breaks_its_page_views(demo_site):
    walk_the_admin_then_send_hostile_values(PAGE_VIEWS.search)
