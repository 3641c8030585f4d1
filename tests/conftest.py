from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Site

import pytest

from home.models import HomePage


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and Wagtail's caches start empty in every test."""
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site):
    return HomePage.objects.get()
