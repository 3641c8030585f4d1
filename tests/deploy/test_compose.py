"""compose.yaml and .env.example: the stack they describe, checked as data (the
deployment check, `make deploy-check`, runs it for real with podman)."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
APP_ROLES = {"web": ["web"], "worker": ["worker"], "scheduler": ["scheduler"]}


def env_example_names():
    return {
        match.group(1)
        for match in re.finditer(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    }


def test_the_stack_has_web_worker_scheduler_postgresql_and_redis():
    assert set(COMPOSE["services"]) == {"web", "worker", "scheduler", "db", "redis"}
    assert COMPOSE["services"]["db"]["image"].startswith("postgres:")
    assert COMPOSE["services"]["redis"]["image"].startswith("redis:")
    assert set(COMPOSE["volumes"]) == {"database", "media", "backups"}


@pytest.mark.parametrize("role", APP_ROLES)
def test_each_role_runs_the_project_image_with_the_env_file_volumes_health_and_restart(role):
    service = COMPOSE["services"][role]
    assert service["image"] == COMPOSE["services"]["web"]["image"] and service["build"] == "."
    assert service["command"] == APP_ROLES[role]
    assert service["env_file"] == ".env"
    assert service["environment"]["DATABASE_URL"].endswith("@db:5432/espace")
    assert {"media:/data/media", "backups:/data/backups"} <= set(service["volumes"])
    assert service["healthcheck"]["test"] == ["CMD", "python", "deploy/healthcheck.py", role]
    assert service["restart"] == "unless-stopped"


def test_worker_and_scheduler_wait_for_web_which_waits_for_the_database():
    services = COMPOSE["services"]
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"
    for role in ("worker", "scheduler"):
        assert services[role]["depends_on"]["web"]["condition"] == "service_healthy"
    assert all(services[name].get("restart") == "unless-stopped" for name in ("db", "redis"))
    assert services["web"]["ports"] == ["127.0.0.1:${WEB_PORT:-8000}:8000"]  # the proxy is the public side


def test_every_variable_compose_needs_is_in_the_example_env_file():
    text = (ROOT / "compose.yaml").read_text()
    needed = {name for name, default in re.findall(r"\$\{([A-Z_]+)(:-[^}]*)?\}", text) if not default}
    needed |= set(re.findall(r"\$\{([A-Z_]+):\?", text))
    assert needed - {"ESPACE_IMAGE", "WEB_PORT"} <= env_example_names()
    assert {"SITE_URL", "SECRET_KEY", "POSTGRES_PASSWORD", "EMAIL_HOST"} <= env_example_names()


def test_every_setting_read_from_the_environment_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    settings_text = "".join(p.read_text() for p in (ROOT / "espace" / "settings").glob("*.py"))
    read = set(re.findall(r'os\.environ\.get\("([A-Z_0-9]+)"', settings_text))
    read |= set(re.findall(r'env_(?:bool|list)\("([A-Z_0-9]+)"', settings_text))
    missing = sorted(name for name in read | env_example_names() if f"`{name}`" not in readme)
    assert missing == []
