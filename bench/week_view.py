"""The week view of a room with few and with many bookings: queries and time per
request, in-process (Django test client), production settings, SQLite.

Run with `.venv/bin/python bench/week_view.py [--requests N]`; see bench/README.md.
"""

import argparse
import datetime as dt
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "results" / "week-view.sqlite3"


def get_counting_queries(client, url, connection):
    """The response and the number of SQL statements it ran (an execute wrapper counts
    them whatever DEBUG says)."""
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    return response, len(statements)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    env = {
        "DJANGO_SETTINGS_MODULE": "espace.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "SITE_URL": "http://testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "STATIC_ROOT": str(ROOT / "bench" / "results" / "staticfiles"),
    }
    os.environ.update(env)
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, check=True)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from booking.models import Booking, Room, RoomHours, Status

    room = Room.objects.create(name="Banc d'essai", summary="Benchmark.", capacity=10, min_minutes=30)
    RoomHours.objects.bulk_create(
        RoomHours(room=room, weekday=day, opens=dt.time(8), closes=dt.time(22)) for day in range(7)
    )
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1)
    url = f"/reserver/{room.slug}/?semaine={monday.isoformat()}"
    client = Client()
    print(f"week view of one room, {args.requests} requests, production settings, SQLite, in-process")
    print("bookings | queries | HTML bytes | median ms | p95 ms")
    for total in (10, 10_000):
        Booking.objects.all().delete()
        # Half-hour bookings back to back, ending with the week measured (10,000 reach back ~7 months).
        week_end = timezone.make_aware(dt.datetime.combine(monday + dt.timedelta(days=7), dt.time(0)))
        first = week_end - dt.timedelta(minutes=30 * total)
        Booking.objects.bulk_create(
            Booking(
                room=room,
                start=first + dt.timedelta(minutes=30 * n),
                end=first + dt.timedelta(minutes=30 * (n + 1)),
                blocked_until=first + dt.timedelta(minutes=30 * (n + 1)),
                status=Status.CONFIRMED,
                name="x",
                purpose="x",
            )
            for n in range(total)
        )
        client.get(url)
        response, query_count = get_counting_queries(client, url, connection)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        body = response.content
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[18]
        print(f"{total:>8} | {query_count:>7} | {len(body):>10} | {statistics.median(timings):>9.1f} | {p95:>6.1f}")


if __name__ == "__main__":
    main()
