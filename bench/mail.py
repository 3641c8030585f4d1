"""Mail out of the request: latency of a booking POST and a registration POST when
the mail is sent during the request (the former way: a task backend that runs at
once, SMTP to a local server) and when it is queued (the database backend); how
long a queued mail waits for a running worker; the worker's memory.

Run with `.venv/bin/python bench/mail.py [--requests N]`; in-process Django test
client on a SQLite file under bench/results/, a local aiosmtpd server.
"""

import argparse
import datetime as dt
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "results" / "mail.sqlite3"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def median_ms(values):
    return f"{statistics.median(values) * 1000:6.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    os.environ.update(DJANGO_SETTINGS_MODULE="espace.settings.test", DATABASE_URL=f"sqlite:///{DATABASE}")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from aiosmtpd.controller import Controller
    from django_tasks_db.models import DBTaskResult

    from tests.agenda.factories import make_atelier
    from tests.booking.conftest import make_room
    from tests.core.conftest import free_port

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            Sink.count += 1
            return "250 OK"

    smtp_port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=smtp_port)
    controller.start()
    smtp = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": smtp_port,
        "BOOKING_REQUESTS_PER_HOUR": 10**6,
        "AGENDA_REGISTRATIONS_PER_HOUR": 10**6,
    }
    room = make_room(name="Salle du banc d'essai", notice_hours=0, horizon_days=3650, weekdays=range(7))
    atelier = make_atelier(slug="atelier-banc-d-essai", places=100_000, max_people_per_registration=1)
    occurrence = atelier.occurrences.get()
    client = Client()
    day = [timezone.localdate() + dt.timedelta(days=2)]

    def booking_post():
        day[0] += dt.timedelta(days=1)
        data = {
            "date": day[0].isoformat(), "start": "10:00", "end": "11:00", "name": "Annie", "email": "a@exemple.fr",
            "phone": "", "organisation": "", "purpose": "Banc d'essai", "people": "2", "consent": "on",
            "website": "", "form_key": "",
        }  # fmt: skip
        return client.post(f"/reserver/{room.slug}/demande/", data)

    def registration_post():
        data = {"name": "Annie", "email": "a@exemple.fr", "people": "1", "message": "", "website": ""}
        return client.post(atelier.url + atelier.reverse_subpage("register", args=[occurrence.pk]), data)

    print(f"{args.requests} requests each, median ms (first two requests of each kind not timed)")
    print("form              | mail sent in the request | mail queued | SMTP down, queued")
    for name, post in (("booking POST", booking_post), ("registration POST", registration_post)):
        row = []
        for tasks, settings in ((IMMEDIATE, smtp), (QUEUED, smtp), (QUEUED, {**smtp, "EMAIL_PORT": free_port()})):
            with override_settings(TASKS=tasks, **settings):
                timings = []
                for n in range(args.requests + 2):
                    started = time.perf_counter()
                    response = post()
                    if response.status_code != 201:
                        raise SystemExit(f"{name}: HTTP {response.status_code}")
                    if n >= 2:
                        timings.append(time.perf_counter() - started)
            row.append(median_ms(timings))
        print(f"{name:17} | {row[0]:>24} | {row[1]:>11} | {row[2]:>17}")

    # A running worker empties the queue: how long did each mail wait, and how big is it?
    queued = DBTaskResult.objects.filter(task_path="core.mail.deliver", status="READY")
    queued.update(run_after=timezone.now(), enqueued_at=timezone.now())
    before = Sink.count
    env = {**os.environ, "EMAIL_PORT": str(smtp_port), "SITE_URL": "http://127.0.0.1"}
    worker_code = (
        "import django, sys; django.setup();"
        "from django.test import override_settings; from django.core.management import call_command;"
        f"o = override_settings(TASKS={QUEUED!r}, EMAIL_BACKEND='django.core.mail.backends.smtp.EmailBackend',"
        f" EMAIL_HOST='127.0.0.1', EMAIL_PORT={smtp_port}); o.enable();"
        "call_command('worker', '--interval', '1', '--no-startup-delay', verbosity=0)"
    )
    total = queued.count()
    worker = subprocess.Popen([sys.executable, "-c", worker_code], cwd=ROOT, env=env)
    started = time.monotonic()
    while Sink.count - before < total and time.monotonic() - started < 120:
        time.sleep(0.1)
    rss = next(
        line.split()[1] for line in Path(f"/proc/{worker.pid}/status").read_text().splitlines() if "VmRSS" in line
    )
    burst = time.monotonic() - started
    # One mail at a time, as the site sends them: from the commit to the SMTP server.
    from django.core.mail import EmailMessage

    from core import mail

    singles = []
    with override_settings(TASKS=QUEUED):
        for _ in range(10):
            before = Sink.count
            started = time.monotonic()
            mail.queue(EmailMessage("Banc d'essai", "Un courriel.", to=["a@exemple.fr"]))
            while Sink.count == before and time.monotonic() - started < 30:
                time.sleep(0.005)
            singles.append(time.monotonic() - started)
            time.sleep(0.3)
    worker.terminate()
    worker.wait(timeout=30)
    print(
        f"worker (--interval 1, as in the image): {total} mails queued at once delivered in {burst:.1f} s; "
        f"one mail alone reaches the SMTP server in median {median_ms(singles).strip()} ms "
        f"(max {max(singles) * 1000:.0f} ms); worker RSS {int(rss) / 1024:.0f} MiB"
    )
    controller.stop()


if __name__ == "__main__":
    main()
