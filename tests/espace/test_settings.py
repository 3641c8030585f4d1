import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from espace.settings.base import env_bool, env_list

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "espace.settings.production",
    "SECRET_KEY": "x7!kq-production-like-secret-for-the-test-only-5c2f9a0e1b8d4c3a",
    "ALLOWED_HOSTS": "espace-numerique.example",
    "SITE_URL": "https://espace-numerique.example",
    "DATABASE_URL": "sqlite:////tmp/espace-check-deploy.sqlite3",
}

# The test process's own choices must not leak into the process under test.
INHERITED_VARIABLES_TO_DROP = {"DATABASE_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_python(code, env):
    """Runs Django code in a fresh process, because settings are read once per process."""
    clean_env = {name: value for name, value in os.environ.items() if name not in INHERITED_VARIABLES_TO_DROP}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean_env, **env}, capture_output=True, text=True, timeout=120
    )


def settings_value(name, env):
    """A setting under `env`, read without loading the apps, which change none (django.setup()
    took ~2 s a call on a loaded machine, reading the settings 0.2 s)."""
    result = run_python(f"from django.conf import settings; print(settings.{name})", env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_passes_under_production_settings():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_python("import django; django.setup()", env)  # before any page is asked for
    assert result.returncode != 0
    assert "SECRET_KEY doit être donnée" in result.stderr


def test_production_refuses_to_start_without_the_site_address():
    env = {**PRODUCTION_ENV, "SITE_URL": ""}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "SITE_URL doit donner l'adresse publique du site" in result.stderr


@pytest.mark.parametrize("bad", ["espace.example", "ftp://espace.example", "https://espace.example/sous-dossier"])
def test_a_site_address_that_is_not_one_is_refused(bad):
    result = run_python("import django; django.setup()", {**PRODUCTION_ENV, "SITE_URL": bad})
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_the_site_address_gives_the_hosts_and_origins_when_they_are_not_set():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": "", "SITE_URL": "https://espace.example/"}
    assert settings_value("ALLOWED_HOSTS", env) == "['espace.example']"
    assert settings_value("CSRF_TRUSTED_ORIGINS", env) == "['https://espace.example']"
    assert settings_value("WAGTAILADMIN_BASE_URL", env) == "https://espace.example"


def test_production_queues_tasks_in_the_database_and_development_runs_them_at_once():
    assert settings_value("TASKS['default']['BACKEND']", PRODUCTION_ENV) == "django_tasks_db.DatabaseBackend"
    dev = {"DJANGO_SETTINGS_MODULE": "espace.settings.dev", "SITE_URL": "http://127.0.0.1:8123"}
    assert settings_value("TASKS['default']['BACKEND']", dev).endswith("ImmediateBackend")
    assert settings_value("SITE_URL", dev) == "http://127.0.0.1:8123"


def test_production_defaults_are_safe():
    assert settings_value("DEBUG", PRODUCTION_ENV) == "False"
    assert settings_value("SESSION_COOKIE_SECURE", PRODUCTION_ENV) == "True"
    assert settings_value("SECURE_HSTS_SECONDS", PRODUCTION_ENV) == "31536000"
    assert "CompressedManifestStaticFilesStorage" in settings_value("STORAGES", PRODUCTION_ENV)
    assert settings_value("WAGTAIL_GRAVATAR_PROVIDER_URL", PRODUCTION_ENV) == "None"


def test_sqlite_waits_for_the_write_lock_instead_of_failing():
    options = settings_value("DATABASES['default']['OPTIONS']", PRODUCTION_ENV)
    assert "'transaction_mode': 'IMMEDIATE'" in options
    assert "'timeout': 20" in options


def test_database_url_selects_postgresql():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/espace"}
    assert settings_value("DATABASES['default']['ENGINE']", env) == "django.db.backends.postgresql"


def test_cache_url_selects_a_shared_redis_cache():
    env = {**PRODUCTION_ENV, "CACHE_URL": "redis://127.0.0.1:6379/1"}
    assert settings_value("CACHES['default']['BACKEND']", env) == "core.cache.ResilientRedisCache"
    assert settings_value("CACHES['default']['BACKEND']", PRODUCTION_ENV).endswith("LocMemCache")


def test_a_cache_url_of_an_unknown_kind_is_refused():
    env = {**PRODUCTION_ENV, "CACHE_URL": "memcached://127.0.0.1"}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0 and "CACHE_URL" in result.stderr


def test_dev_settings_keep_mails_and_allow_demo_content():
    env = {"DJANGO_SETTINGS_MODULE": "espace.settings.dev"}
    assert settings_value("EMAIL_BACKEND", env) == "espace.outbox.OutboxBackend"
    assert settings_value("DEBUG", env) == "True"
    assert settings_value("DEMO_CONTENT_ALLOWED", PRODUCTION_ENV) == "False"


def test_site_speaks_french_in_paris_time():
    assert settings_value("LANGUAGE_CODE", PRODUCTION_ENV) == "fr"
    assert settings_value("TIME_ZONE", PRODUCTION_ENV) == "Europe/Paris"


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("off", False), ("", False)])
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG") is expected


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured):
        env_bool("SOME_FLAG")


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("SOME_LIST", " a.example, b.example ,,")
    assert env_list("SOME_LIST") == ["a.example", "b.example"]


def test_cache_round_trips_through_the_configured_backend(settings):
    from django.core.cache import caches

    expected = "ResilientRedisCache" if os.environ.get("CACHE_URL", "").startswith("redis") else "LocMemCache"
    cache = caches["default"]
    assert type(cache).__name__ == expected
    cache.set("espace-cache-check", {"places": 3}, 30)
    assert cache.get("espace-cache-check") == {"places": 3}
    cache.delete("espace-cache-check")
