"""The image's HEALTHCHECK script, run as the container runs it."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "healthcheck.py"


def healthcheck(*args, **env):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=30
    )
    return result.returncode, result.stdout.strip()


@pytest.mark.parametrize("role", ["worker", "scheduler"])
def test_a_recent_heartbeat_is_healthy_an_old_or_missing_one_is_not(tmp_path, role):
    assert healthcheck(role, HEARTBEAT_DIR=str(tmp_path))[0] == 1
    beat = tmp_path / f"{role}.heartbeat"
    beat.touch()
    assert healthcheck(role, HEARTBEAT_DIR=str(tmp_path))[0] == 0
    old = time.time() - 300
    os.utime(beat, (old, old))
    code, said = healthcheck(role, HEARTBEAT_DIR=str(tmp_path))
    assert code == 1 and "il y a 300 s" in said


def test_the_web_role_asks_readiness(live_server):
    port = live_server.url.rsplit(":", 1)[1]
    code, said = healthcheck(ROLE="web", PORT=port)
    assert code == 0 and said.startswith("web : prêt")


def test_the_web_role_fails_when_nothing_answers():
    from tests.core.conftest import free_port

    code, said = healthcheck("web", PORT=str(free_port()))
    assert code == 1 and "pas de réponse" in said
