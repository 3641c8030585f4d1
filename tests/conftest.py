import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction

from wagtail.models import Site

import pytest

from home.models import HomePage


class SharedDemo:
    """The demo site built once for all the tests that read it, instead of once per test
    (about 5 s each, most of the suite's time): it is kept in an outer transaction that
    each test's own transaction rolls back to. Plain database tests without it run before
    it is built, tests whose transactions commit run after it is rolled back (see the
    ordering below). It is built with the session's settings: a reader test that needs
    other settings while the demo is built must load its own."""

    def __init__(self):
        self.atomics = []
        self.current_test = None
        self.blocker = None

    @property
    def is_open(self):
        return bool(self.atomics)

    def open(self):
        self.atomics = [transaction.atomic(using=alias) for alias in connections]
        for atomic in self.atomics:
            atomic.__enter__()
        call_command("load_demo", stdout=io.StringIO())

    def close(self):
        with self.blocker.unblock():
            for alias, atomic in zip(reversed(list(connections)), reversed(self.atomics), strict=True):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)
        self.atomics = []


SHARED_DEMO = SharedDemo()


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return bool(marked) or "transactional_db" in item.fixturenames or "live_server" in item.fixturenames


def reads_shared_demo(item):
    return item is not None and "demo_site" in item.fixturenames and not is_transactional(item)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """After pytest-django's order (plain database tests, then committing ones, then the
    rest), the plain tests that read the demo come last of theirs, in one run."""
    plain = [item for item in items if "db" in item.fixturenames and not is_transactional(item)]
    rank = {id(item): 1 if reads_shared_demo(item) else 0 for item in plain}
    items.sort(key=lambda item: (0, rank[id(item)]) if id(item) in rank else (1, 0))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture: a test that is not a plain reader of the demo gets a database
    without it."""
    SHARED_DEMO.current_test = item
    if SHARED_DEMO.is_open and not reads_shared_demo(item):
        SHARED_DEMO.close()


@pytest.fixture(scope="session")
def shared_demo(django_db_setup, django_db_blocker):
    """Session-scoped, so set up before any test's own transaction begins."""
    SHARED_DEMO.blocker = django_db_blocker
    if reads_shared_demo(SHARED_DEMO.current_test):
        with django_db_blocker.unblock():
            SHARED_DEMO.open()
    yield SHARED_DEMO
    if SHARED_DEMO.is_open:
        SHARED_DEMO.close()


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and Wagtail's caches start empty in every test."""
    cache.clear()


@pytest.fixture
def demo_site(shared_demo, db):
    """The whole demo site, as `make run` builds it."""
    if not shared_demo.is_open:
        call_command("load_demo", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site):
    return HomePage.objects.get()
