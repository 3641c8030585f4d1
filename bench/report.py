"""The activity report of a year with 10,000 sessions and 50,000 registrations: queries and
time of build_report, the CSV and the .ods file, in-process, test settings, SQLite.

Run with `.venv/bin/python bench/report.py`; it works on bench/results/report.sqlite3.
"""

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "results" / "report.sqlite3"
SESSIONS, PER_SESSION = 10_000, 5


def main():
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    os.environ.update({"DJANGO_SETTINGS_MODULE": "espace.settings.dev", "DATABASE_URL": f"sqlite:///{DATABASE}"})
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "manage.py", "load_demo"], cwd=ROOT, check=True, capture_output=True)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from agenda.models import AtelierPage, Occurrence, Registration, RegistrationStatus
    from reports.activity import build_report
    from reports.exports import report_csv, report_ods
    from reports.periods import PARIS, Period

    ateliers = list(AtelierPage.objects.all()[:4])
    first = dt.datetime(2024, 1, 1, 8, tzinfo=PARIS)
    sessions = Occurrence.objects.bulk_create(
        Occurrence(
            atelier=ateliers[n % len(ateliers)],
            original_start=first + dt.timedelta(minutes=50 * n),
            start=first + dt.timedelta(minutes=50 * n),
            end=first + dt.timedelta(minutes=50 * n + 45),
        )
        for n in range(SESSIONS)
    )
    Registration.objects.bulk_create(
        (
            Registration(
                occurrence=session,
                name="Anne",
                email="anne@exemple.fr",
                people=1,
                attended=n % 3 == 0,
                status=RegistrationStatus.REGISTERED,
            )
            for session in sessions
            for n in range(PER_SESSION)
        ),
        batch_size=5_000,
    )
    period = Period.year(2024)
    print(f"{SESSIONS} sessions, {SESSIONS * PER_SESSION} registrations, year 2024, SQLite, in-process")
    print("step | queries | ms")
    for label, step in [
        ("build_report", lambda: build_report(period)),
        ("build_report + CSV", lambda: report_csv(build_report(period))),
        ("build_report + ODS", lambda: report_ods(build_report(period))),
    ]:
        step()  # warm-up
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            step()
            elapsed = (time.perf_counter() - began) * 1000
        print(f"{label} | {len(captured.captured_queries)} | {elapsed:.0f}")


if __name__ == "__main__":
    main()
