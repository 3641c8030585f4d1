"""Health tells the truth, and a cache outage is not a site outage."""

import json
import logging
import os
import shutil
from urllib.parse import quote

from django.db import connection
from django.test import override_settings

import pytest

from tests.agenda.factories import make_atelier
from tests.booking.conftest import make_room, monday_in
from tests.booking.test_views import form_url, valid
from tests.core.conftest import free_port
from tests.espace.test_database_down import DOWN_ENV
from tests.espace.test_settings import PRODUCTION_ENV, run_python
from tests.snapshots import SqliteStore

REQUESTS = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="espace-numerique.example", raise_request_exception=False)
print(json.dumps({{path: [r.status_code, r.content.decode()] for path in {paths} for r in [client.get(path)]}}))
"""


def answers(env, paths):
    result = run_python(REQUESTS.format(paths=paths), env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def migrated_database(tmp_path, transactional_db, django_db_setup):
    """The URL of a database of its own, as `migrate` leaves it, for a site in another process: a
    copy of this run's empty state (tests/snapshots.py), where running `migrate` there took ~35 s.
    No test transaction is open around it: PostgreSQL copies a database nobody is connected to."""
    store, empty = django_db_setup.store, django_db_setup.empty
    if isinstance(store, SqliteStore):
        shutil.copyfile(store.path(empty), tmp_path / "site.sqlite3")
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    site, server = f"site_{os.getpid()}", connection.settings_dict
    store.copy(store.database(empty), store.database(site))
    try:
        user = f"{quote(server['USER'])}:{quote(server['PASSWORD'] or '')}"
        yield f"postgres://{user}@{server['HOST']}:{server['PORT']}/{store.database(site)}"
    finally:
        store.drop(site)


def test_readiness_lists_each_check_and_is_ready_here(client, db):
    response = client.get("/readyz")
    body = response.content.decode()
    assert response.status_code == 200, body
    assert body.startswith("prêt\n")
    for line in [
        "base de données\u00a0: ok",
        "migrations\u00a0: ok",
        "fichiers statiques\u00a0: ok",
        "tâches et courriels\u00a0: ok",
    ]:
        assert line in body
    assert response["Cache-Control"] == "no-store"


def test_readiness_fails_with_migrations_pending_and_static_files_not_collected(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'neuve.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static-vide"),
        "SECURE_SSL_REDIRECT": "false",
    }
    found = answers(env, ["/readyz", "/healthz"])
    status, body = found["/readyz"]
    assert status == 503 and body.startswith("pas prêt")
    assert "migrations\u00a0: échec" in body and "à appliquer (manage.py migrate)" in body
    assert "fichiers statiques\u00a0: échec — non collectés (manage.py collectstatic)" in body
    assert found["/healthz"][0] == 200  # alive: the database answers


def test_pages_of_a_site_without_its_static_files_answer_a_french_503_not_a_500(tmp_path, migrated_database):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": migrated_database,
        "STATIC_ROOT": str(tmp_path / "static-vide"),
        "SECURE_SSL_REDIRECT": "false",
    }
    found = answers(env, ["/reserver/", "/readyz"])
    status, body = found["/reserver/"]
    assert status == 503 and "momentanément indisponible" in body and "Traceback" not in body
    assert "migrations\u00a0: ok" in found["/readyz"][1]


def test_readiness_fails_when_the_database_is_down_and_liveness_says_so():
    found = answers(DOWN_ENV, ["/readyz", "/healthz"])
    assert found["/readyz"][0] == 503
    assert "base de données\u00a0: échec" in found["/readyz"][1]
    assert found["/healthz"] == [503, "base de données injoignable\n"]


def redis_at(port):
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/15",
            "KEY_PREFIX": "test-resilient",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_at(free_port())


def test_with_redis_down_pages_and_forms_answer_as_usual_and_readiness_says_degraded(
    home_page, client, redis_down, caplog
):
    atelier = make_atelier(slug="atelier-sans-redis")
    occurrence = atelier.occurrences.get()
    room = make_room()
    with caplog.at_level(logging.WARNING, logger="espace.cache"):
        assert client.get("/").status_code == 200
        assert client.get(atelier.url).status_code == 200
        assert client.post(form_url(room), valid(monday_in(2))).status_code == 201
        registered = client.post(
            f"{atelier.url}s-inscrire/{occurrence.pk}/",
            {"name": "Annie", "email": "annie@exemple.fr", "people": "1", "message": "", "website": ""},
        )
        assert registered.status_code == 201
        ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.content.decode()
    assert body.startswith("prêt, dégradé")
    assert "cache\u00a0: dégradé — Redis injoignable\u00a0: cache local à chaque processus" in body
    # Dozens of cache calls, one line in the log.
    assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "Cache Redis injoignable" in caplog.records[0].getMessage()


def test_with_redis_down_the_rate_limit_still_counts_in_this_process(redis_down):
    from django.test import RequestFactory

    from core.ratelimit import RateLimit

    limit, request = RateLimit("essai", "BOOKING_REQUESTS_PER_HOUR"), RequestFactory().post("/")
    with override_settings(BOOKING_REQUESTS_PER_HOUR=2):
        seen = []
        for _ in range(3):
            seen.append(limit.exceeded(request))
            limit.record(request, accepted=True)
    assert seen == [False, False, True]


def test_a_reachable_redis_is_used_and_reported_ok():
    # CI and these machines run Redis on 127.0.0.1:6379 (.ci/run starts it if it stopped).
    with override_settings(CACHES=redis_at(6379)):
        from django.core.cache import cache

        cache.set("clé", {"places": 3}, 30)
        assert cache.get("clé") == {"places": 3}
        assert cache.state() == ("ok", "Redis joignable")
        assert cache._fallback.get("clé") is None  # nothing went to the local stand-in
        cache.delete("clé")


def test_readiness_fails_without_a_secret_key_and_on_an_error_django_finds(db, monkeypatch):
    from django.conf import settings
    from django.core import checks

    from core import health

    # Set beneath Django's settings object (which refuses to read an empty key), as a server
    # started without it would have it; not through the settings fixture, whose signals read it.
    with monkeypatch.context() as empty_key:
        empty_key.setattr(settings._wrapped, "SECRET_KEY", "")
        empty_key.delitem(settings.__dict__, "SECRET_KEY", raising=False)
        assert ("configuration", health.FAILED) in [(name, state) for name, state, _ in health.readiness()[0]]
        assert health.readiness()[1] is False
    monkeypatch.setattr(health, "_configuration_sound", False)
    monkeypatch.setattr(checks, "run_checks", lambda: [checks.Error("mal réglé", id="espace.E001")])
    results, ready = health.readiness()
    assert not ready and any("espace.E001" in detail for name, _, detail in results if name == "configuration")
