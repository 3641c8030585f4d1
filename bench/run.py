"""Per-page benchmark: SQL queries, HTML bytes and latency, gunicorn with production settings.

Run with `make bench` or `.venv/bin/python bench/run.py [paths...] [--requests N] [--json FILE]`.
See bench/README.md.
"""

import argparse
import datetime as dt
import gzip
import http.cookiejar
import json
import os
import platform
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import django
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import wagtail

# Later features add their pages here; a path that answers 404 is skipped.
DEFAULT_PATHS = [
    "/",
    "/le-projet/",
    "/mentions-legales/",
    "/recherche/?q=numerique",
    "/le-collectif/",
    "/le-collectif/?service=formation",
    "/le-collectif/les-mulots/",
    "/agenda/",
    "/agenda/mois/2026/12/",
    "/agenda/calendrier.ics",
    "/agenda/flux.xml",
    "/agenda/repair-cafe/",
    "/ressources/",
    "/ressources/?q=mot+de+passe",
    "/ressources/choisir-ses-mots-de-passe/",
    "/ressources/choisir-ses-mots-de-passe/imprimer/",
    "/ressources/alternatives/",
    "/reserver/",
    "/reserver/le-fablab/",
    "/healthz",
]
# Each gunicorn worker renders its first page slowly (~300 ms) and sequential requests tend to land on the
# same worker, so the warm-up sends this many requests per path at once to reach every worker.
WARMUP_BURST = 8

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASE = RESULTS / "bench.sqlite3"
BIN = Path(sys.executable).parent


def production_env(port):
    """The environment of `make serve`, pointed at files under bench/results/ so the repo stays untouched."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "espace.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "STATIC_ROOT": str(RESULTS / "staticfiles"),
        "MEDIA_ROOT": str(RESULTS / "media"),
        "PORT": str(port),
        # The booking POST benchmark sends many requests from one address; its emails are
        # rendered (with their .ics) but not sent anywhere.
        "BOOKING_REQUESTS_PER_HOUR": "1000000",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def prepare_database(env):
    # A fresh database each run keeps runs comparable with one another.
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    manage(env, "migrate", "--no-input")
    # Production settings refuse demo content (and its accounts), so this step alone uses dev.
    manage({**env, "DJANGO_SETTINGS_MODULE": "espace.settings.dev"}, "load_demo")
    manage(env, "collectstatic", "--no-input")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    # Report a redirect as such instead of timing (and sizing) the page it points to.
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url):
    """Return (status, body, seconds); no Accept-Encoding header, so the body is the raw HTML."""
    start = time.perf_counter()
    try:
        with OPENER.open(url, timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, body, time.perf_counter() - start


def wait_until_healthy(base_url, server, timeout=30, path="/healthz"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with code {server.returncode}, see {RESULTS / 'gunicorn.log'}")
        try:
            if fetch(f"{base_url}{path}")[0] == 200:
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)
    sys.exit(f"gunicorn did not answer 200 on {path} within {timeout} s, see {RESULTS / 'gunicorn.log'}")


def warm_up(url):
    """WARMUP_BURST requests at once, so that every gunicorn worker has rendered the page; their statuses."""
    with ThreadPoolExecutor(WARMUP_BURST) as pool:
        return {status for status, _body, _seconds in pool.map(fetch, [url] * WARMUP_BURST)}


def count_queries(client, path):
    client.get(path)  # warm-up: caches filled as in steady state
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def measure(base_url, client, path, requests):
    status, body, _ = fetch(base_url + path)  # first warm-up, and the body we size
    if status == 404:
        return None
    warm_up(base_url + path)
    timings = [fetch(base_url + path)[2] * 1000 for _ in range(requests)]
    return {
        "path": path,
        "status": status,
        "queries": count_queries(client, path),
        "html_bytes": len(body),
        "gzip_bytes": len(gzip.compress(body)),
        "median_ms": round(statistics.median(timings), 1),
        # Inclusive: interpolates between measured values, never beyond the slowest one.
        "p95_ms": round(statistics.quantiles(timings, n=20, method="inclusive")[18], 1),
    }


def bench_room():
    """A room open every day and night, so that each timed POST books a slot of its own."""
    from booking.models import Room, RoomHours

    room, created = Room.objects.get_or_create(
        slug="banc-d-essai",
        defaults={"name": "Banc d'essai", "summary": "Benchmark.", "capacity": 10, "min_minutes": 30,
                  "notice_hours": 0, "horizon_days": 365},
    )  # fmt: skip
    if created:
        RoomHours.objects.bulk_create(
            RoomHours(room=room, weekday=day, opens=dt.time(0), closes=dt.time(23, 30)) for day in range(7)
        )
    return room


def booking_fields(day, slot, token=""):
    start = dt.datetime.combine(day, dt.time(0)) + dt.timedelta(minutes=30 * slot)
    return {
        "csrfmiddlewaretoken": token,
        "date": day.isoformat(),
        "start": f"{start:%H:%M}",
        "end": f"{start + dt.timedelta(minutes=30):%H:%M}",
        "name": "Banc d'essai",
        "email": "banc@exemple.example",
        "purpose": "Mesure",
        "people": "1",
        "consent": "on",
    }


def measure_booking_post(base_url, client, requests):
    """A booking request through the real form: each POST books its own 30-minute slot."""
    room = bench_room()
    url = f"/reserver/{room.slug}/demande/"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', opener.open(base_url + url).read().decode())[1]
    first_day = dt.date.today() + dt.timedelta(days=2)
    slots = [(first_day + dt.timedelta(days=n // 46), n % 46) for n in range(requests + 2)]
    timings, statuses, body = [], set(), b""
    for day, slot in slots[:requests]:
        data = urllib.parse.urlencode(booking_fields(day, slot, token)).encode()
        start = time.perf_counter()
        try:
            with opener.open(urllib.request.Request(base_url + url, data=data), timeout=30) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        timings.append((time.perf_counter() - start) * 1000)
        statuses.add(status)
    client.get(url)
    day, slot = slots[requests + 1]
    with CaptureQueriesContext(connection) as queries:
        client.post(url, booking_fields(day, slot))
    return {
        "path": f"POST {url}",
        "status": "/".join(str(s) for s in sorted(statuses)),
        "queries": len(queries),
        "html_bytes": len(body),
        "gzip_bytes": len(gzip.compress(body)),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20, method="inclusive")[18], 1),
    }


def print_table(rows):
    headers = ["path", "status", "queries", "HTML bytes", "gzip bytes", "median ms", "p95 ms"]
    lines = [headers] + [[str(value) for value in row.values()] for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]
    for path, *numbers in lines:
        # Path left-aligned, numbers right-aligned so that they line up by magnitude.
        cells = [path.ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(numbers, widths[1:], strict=True)]
        print(" | ".join(cells))


def main():
    parser = argparse.ArgumentParser(description="Queries, bytes and latency per page, gunicorn + production settings.")
    parser.add_argument("paths", nargs="*", help="extra paths to measure, besides the default list")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per path (default 50)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    if args.requests < 2:
        parser.error("--requests must be at least 2 (a 95th percentile needs two samples)")
    paths = list(dict.fromkeys(DEFAULT_PATHS + args.paths))

    RESULTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = production_env(port)
    print("Preparing bench/results/bench.sqlite3 (migrate, load_demo, collectstatic)…", file=sys.stderr)
    prepare_database(env)

    # Queries are counted in this process: the same settings and database as gunicorn.
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    django.setup()
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)

    base_url = f"http://127.0.0.1:{port}"
    command = [BIN / "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "espace.wsgi"]
    rows, skipped = [], []
    with open(RESULTS / "gunicorn.log", "w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_healthy(base_url, server)
            for path in paths:
                row = measure(base_url, client, path, args.requests)
                if row is None:
                    skipped.append(path)
                else:
                    rows.append(row)
            rows.append(measure_booking_post(base_url, client, args.requests))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    header = (
        f"{datetime.now():%Y-%m-%d %H:%M} · Python {platform.python_version()} · Django {django.get_version()}"
        f" · Wagtail {wagtail.__version__} · {args.requests} requests per page"
        " · gunicorn, production settings, SQLite"
    )
    print(header)
    print_table(rows)
    for path in skipped:
        print(f"skipped {path}: 404 (page not built yet?)")
    if args.json:
        args.json.write_text(json.dumps({"header": header, "results": rows, "skipped": skipped}, indent=2) + "\n")


if __name__ == "__main__":
    main()
