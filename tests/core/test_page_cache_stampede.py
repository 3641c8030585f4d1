"""One render per emptied page: after a write, the first visitor renders the page while the others
get its previous copy (X-Cache: stale) for at most RENDER_SECONDS, with the local-memory cache,
with Redis, and with Redis down."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.db import connections
from django.test import Client

import pytest

from agenda.models import AgendaIndexPage
from core import page_cache
from tests.core.test_health import redis_at, redis_down  # noqa: F401 (a fixture)

VISITORS = 8


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30


@pytest.fixture(params=["local", "redis"])
def any_cache(request, settings):
    if request.param == "local":
        yield request.param
        return
    prefix = f"test-stampede-{os.getpid()}"
    settings.CACHES = redis_at(6379)
    settings.CACHES["default"]["KEY_PREFIX"] = prefix
    yield request.param
    # Its own keys only: cache.clear() would empty the whole Redis database other tests share.
    client = cache._cache.get_client(write=True)
    client.delete(*client.scan_iter(f"{prefix}:*"))


@pytest.fixture
def renders(monkeypatch):
    """How many times the agenda was rendered; each render takes half a second, long enough for
    every other visitor to arrive while it runs."""
    count = []
    get_context = AgendaIndexPage.get_context

    def slow_get_context(self, request, *args, **kwargs):
        count.append(1)
        time.sleep(0.5)
        return get_context(self, request, *args, **kwargs)

    monkeypatch.setattr(AgendaIndexPage, "get_context", slow_get_context)
    return count


def visit_together(path):
    barrier = threading.Barrier(VISITORS)

    def visit(_):
        barrier.wait()
        try:
            return Client().get(path)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(VISITORS) as pool:
        return list(pool.map(visit, range(VISITORS)))


@pytest.mark.django_db(transaction=True)
def test_an_emptied_page_is_rendered_once_while_the_others_get_its_previous_copy(committed_demo, any_cache, renders):
    kept = Client().get("/agenda/")
    assert kept["X-Cache"] == "miss"
    page_cache.purge("agenda")
    renders.clear()

    responses = visit_together("/agenda/")

    assert len(renders) == 1
    assert sorted(response["X-Cache"] for response in responses) == ["miss"] + ["stale"] * (VISITORS - 1)
    assert all(response.status_code == 200 and response.content == kept.content for response in responses)
    assert Client().get("/agenda/")["X-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_without_a_previous_copy_each_visitor_gets_the_page(committed_demo, renders):
    responses = visit_together("/agenda/")
    assert {response.status_code for response in responses} == {200}
    assert {response["X-Cache"] for response in responses} == {"miss"}


def test_a_render_that_never_ends_holds_the_others_back_for_render_seconds_only(home_page, rf):
    client = Client()
    client.get("/agenda/")
    page_cache.purge("agenda")
    cache.add(f"{page_cache.page_key(rf.get('/agenda/'))}:rendering", True, 1)  # a worker that died rendering
    assert client.get("/agenda/")["X-Cache"] == "stale"
    time.sleep(1.1)
    assert client.get("/agenda/")["X-Cache"] == "miss"
    assert client.get("/agenda/")["X-Cache"] == "hit"


def test_a_page_no_longer_kept_is_never_served_as_a_previous_copy(home_page, rf, monkeypatch):
    client = Client()
    client.get("/agenda/")
    page_cache.purge("agenda")
    monkeypatch.setattr(page_cache, "is_cacheable_response", lambda response: False)  # say, a form was added
    assert "X-Cache" not in client.get("/agenda/")
    cache.add(f"{page_cache.page_key(rf.get('/agenda/'))}:rendering", True, 5)  # another request renders it
    assert "X-Cache" not in client.get("/agenda/")  # rendered: no copy left to serve


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_an_emptied_page_is_rendered_and_kept_in_this_process(home_page):
    client = Client()
    assert client.get("/agenda/")["X-Cache"] == "miss"
    assert client.get("/agenda/")["X-Cache"] == "hit"
    page_cache.purge("agenda")
    emptied = client.get("/agenda/")
    assert emptied.status_code == 200 and emptied["X-Cache"] == "miss"
    assert client.get("/agenda/")["X-Cache"] == "hit"
