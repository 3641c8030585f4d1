"""The container's HEALTHCHECK, by role, without starting Django (it runs every 30 s):
web asks /readyz; the worker and the scheduler must have touched their heartbeat
file lately (the worker while its database answers, the scheduler at each pass)."""

import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HEARTBEAT_MAX_AGE = 120  # seconds; the worker beats every 30 s, the scheduler every 20 s


def web():
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/readyz"
    try:
        with urllib.request.urlopen(url, timeout=4) as response:  # noqa: S310 (a fixed local URL)
            return response.status == 200, response.read().decode()
    except urllib.error.HTTPError as error:
        return False, error.read().decode()
    except OSError as error:
        return False, f"pas de réponse : {error}"


def heartbeat(role):
    folder = Path(os.environ.get("HEARTBEAT_DIR") or Path(__file__).resolve().parent.parent / "var")
    path = folder / f"{role}.heartbeat"
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return False, f"{path} absent"
    return age <= HEARTBEAT_MAX_AGE, f"dernier signe de vie il y a {age:.0f} s"


def container_role():
    """The role given to the entry point: ROLE when set, else read from the command
    that runs as the container's first process (gunicorn, worker or scheduler)."""
    if os.environ.get("ROLE"):
        return os.environ["ROLE"]
    try:
        command = Path("/proc/1/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "web"
    return next((role for role in ("worker", "scheduler") if role.encode() in command), "web")


def main():
    role = sys.argv[1] if len(sys.argv) > 1 else container_role()
    healthy, detail = web() if role == "web" else heartbeat(role)
    print(f"{role} : {detail.strip()}")
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
