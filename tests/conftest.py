import collections

from django.conf import settings
from django.core.cache import cache
from django.test import TransactionTestCase

from wagtail.models import Site

import pytest
from redis.exceptions import RedisError

from agenda.models import AtelierPage, FestivalPage
from home.management.commands.load_demo import Command as LoadDemo
from home.models import HomePage
from tests.agenda.factories import agenda_index, empty_the_agenda
from tests.snapshots import DemoSnapshots, Variant

# A test gets the demo committed in its database when it asks for one of these (or for a
# fixture built on them: home_page, page, phone…).
DEMO_FIXTURES = {"demo_site", "demo_server", "committed_demo"}
# …and a variant of the demo when it asks for one of these fixtures: the demo changed as the
# fixture's function changes it, once into a snapshot instead of at the start of each test.
DEMO_VARIANTS = [Variant("agenda", empty_the_agenda)]


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return bool(marked) or "transactional_db" in item.fixturenames or "live_server" in item.fixturenames


def uses_database(item):
    return item.get_closest_marker("django_db") is not None or "_django_db_helper" in item.fixturenames


def wants_demo(item):
    return uses_database(item) and not DEMO_FIXTURES.isdisjoint(item.fixturenames)


def wanted_state(item):
    """ "empty", "demo" or the name of a variant of the demo (the fixture that asks for it)."""
    if not wants_demo(item):
        return "empty"
    return next((variant.name for variant in DEMO_VARIANTS if variant.name in item.fixturenames), "demo")


def may_build_demo(nodeid):
    """The tests of the loader itself (in modules named test_demo*.py) may run it."""
    return nodeid.split("::")[0].rsplit("/", 1)[-1].startswith("test_demo")


def build_problems(builds):
    """What the counter of `load_demo` runs finds wrong: a second build by the harness,
    or a test outside the loader's own that builds the demo instead of restoring it."""
    problems = []
    if builds["snapshot"] > 1:
        problems.append(f"la démo a été construite {builds['snapshot']} fois pour l'instantané (1 au plus)")
    problems += [
        f"{who} construit la démo ({count} fois) : demandez demo_site, committed_demo ou demo_server"
        for who, count in sorted(builds.items())
        if who != "snapshot" and not may_build_demo(who)
    ]
    return problems


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """After pytest-django's order (plain database tests, then committing ones, then the
    rest), the tests of each kind are grouped by the state they want, the empty database
    first, then the demo, then each variant: fewer restores."""
    states = ["empty", "demo", *(variant.name for variant in DEMO_VARIANTS)]
    items.sort(key=lambda item: (is_transactional(item), states.index(wanted_state(item))))


class Harness:
    """The snapshots of this process, the test being set up, and the `load_demo` runs."""

    def __init__(self):
        self.snapshots = None
        self.blocker = None
        self.item = None
        self.builds = collections.Counter()
        self.workers_problems = []  # with pytest-xdist, what each worker's counter found

    def prepare(self, item):
        """Before any fixture of the test: the database state it wants."""
        if self.snapshots is None or item is None or not uses_database(item):
            return
        with self.blocker.unblock():
            self.snapshots.put(wanted_state(item))
        if is_transactional(item):
            self.snapshots.state = "dirty"  # its writes commit: the next test restores

    def count_build(self):
        building = self.snapshots is not None and self.snapshots.building
        self.builds["snapshot" if building or self.item is None else self.item.nodeid] += 1


HARNESS = Harness()


def pytest_sessionstart(session):
    """Counts each run of `load_demo`, checked when the session ends."""
    handle = LoadDemo.handle

    def counted(self, *args, **options):
        HARNESS.count_build()
        return handle(self, *args, **options)

    LoadDemo.handle = counted


def pytest_sessionfinish(session):
    problems = build_problems(HARNESS.builds) + HARNESS.workers_problems
    if hasattr(session.config, "workeroutput"):  # an xdist worker: its controller says them
        session.config.workeroutput["demo_problems"] = problems
        return
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for problem in problems:
            reporter.write_line(f"ÉCHEC compteur de démo : {problem}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist's controller hears each worker's count (a worker's own exit status is not the run's)."""
    HARNESS.workers_problems += getattr(node, "workeroutput", {}).get("demo_problems", [])


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, then its snapshots: each test gets its state back before it runs
    (pytest_runtest_setup) instead of a flush after every committing test."""
    HARNESS.blocker = django_db_blocker
    with django_db_blocker.unblock():
        HARNESS.snapshots = DemoSnapshots(variants=DEMO_VARIANTS)
        HARNESS.snapshots.start()
    HARNESS.prepare(HARNESS.item)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", lambda test_case: None)
        yield HARNESS.snapshots
    with django_db_blocker.unblock():
        HARNESS.snapshots.finish()
    HARNESS.snapshots = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    HARNESS.item = item
    HARNESS.prepare(item)


# Settings a test may change for itself only. Overrides undone out of order (a fixture's
# `with override_settings` under pytest-django's `settings`) leave one changed for every
# later test: with TASKS left on the database, each mail waits in a table, never in the
# outbox. Change them through the `settings` fixture, which undoes them in order.
GUARDED_SETTINGS = ("TASKS", "EMAIL_BACKEND", "CACHES", "SITE_URL")


@pytest.fixture(autouse=True)
def settings_put_back():
    before = {name: getattr(settings, name) for name in GUARDED_SETTINGS}
    yield
    changed = [name for name in GUARDED_SETTINGS if getattr(settings, name) != before[name]]
    assert not changed, f"réglages laissés modifiés après le test : {', '.join(changed)}"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and Wagtail's caches start empty in every test: this process's keys
    only (its own prefix), so that runs and workers sharing a Redis database never
    wipe each other's."""
    clear_own_keys(cache)


def clear_own_keys(backend):
    client = getattr(backend, "_cache", None)
    if client is None or not hasattr(client, "get_client"):
        backend.clear()  # local memory: this process's alone
        return
    if hasattr(backend, "_fallback"):
        backend._fallback.clear()  # core.cache's local cache while Redis is down
    try:
        redis = client.get_client(write=True)
        keys = list(redis.scan_iter(match=f"{backend.key_prefix}:*", count=1000))
        if keys:
            redis.delete(*keys)
    except RedisError:
        pass  # Redis down: the tests of the outage use the fallback, emptied above


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it, restored from its snapshot."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def committed_demo(transactional_db):
    """The demo site in a test whose transactions commit (a worker, a live server, threads
    need it), restored from its snapshot before the test."""


@pytest.fixture
def home_page(demo_site):
    return HomePage.objects.get()


@pytest.fixture
def agenda(home_page):
    """The demo site with an empty agenda: each test adds the ateliers it needs. The harness
    restored it before the test, from the demo after empty_the_agenda()."""
    assert not AtelierPage.objects.exists() and not FestivalPage.objects.exists(), "agenda non vidé"
    return agenda_index()
