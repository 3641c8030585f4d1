"""Anonymous readers while registrations and bookings arrive, beside the same readers without writes.

`.venv/bin/python bench/writes.py [--seconds S] [--readers N] [--rate R] [--reuse] [paths...]`

It prepares bench/results/bench.sqlite3 as `bench/run.py` does (or reuses it with --reuse), starts
gunicorn as `bench/throughput.py` does (production settings, `gunicorn.conf.py`) with the cache in
Redis (CACHE_URL, db 14 of the local Redis, keys prefixed by the server's address: as in
production, a write empties what every worker keeps), then runs three phases of S seconds:

1. the static file alone, fetched by N reader threads (what this client can reach at best);
2. the seven page types, fetched in turn by the N readers, with no writes;
3. the same, while a process of its own registers one person for a session and books one slot of
   a room every 1/R seconds (through the same code as the forms, on the same database and cache:
   their commits empty the agenda's pages and the room's weeks).

--other-tree DIR (e.g. `git worktree add /tmp/parent HEAD~1`) measures a second checkout after
this one, its writes made by its own code, on the same database.

Readers keep their connection open and ask with `Accept-Encoding: gzip`, like a browser; the
client is Python threads, so the static file's rate is this client's ceiling, not gunicorn's. For
each page it prints req/s, p50 and p99 in ms, and how the page cache answered (hit, miss, stale).
"""

import argparse
import http.client
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from run import RESULTS, ROOT, prepare_database, production_env
from throughput import start, static_path

PATHS = [
    "/",
    "/le-collectif/les-mulots/",
    "/agenda/",
    "/agenda/repair-cafe/",
    "/ressources/",
    "/ressources/choisir-ses-mots-de-passe/",
    "/reserver/le-fablab/",
]
CACHE_URL = "redis://127.0.0.1:6379/14"


def read(base_url, paths, seconds, readers):
    """{path: ([latency in s], Counter of X-Cache)}, from `readers` threads cycling through `paths`."""
    address = urlsplit(base_url)
    results = defaultdict(lambda: ([], Counter()))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def reader(offset):
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        mine = defaultdict(lambda: ([], Counter()))
        turn = offset
        while time.monotonic() < deadline:
            path = paths[turn % len(paths)]
            turn += 1
            begun = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                sys.exit(f"{path}: {response.status}")
            latencies, states = mine[path]
            latencies.append(time.perf_counter() - begun)
            states[response.getheader("X-Cache", "-")] += 1
        with lock:
            for path, (latencies, states) in mine.items():
                results[path][0].extend(latencies)
                results[path][1].update(states)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# Run with `python -c` in the served tree (its own code empties its own cache keys), in a process of
# its own so that it shares no interpreter lock with the readers: argv is (period, seconds, bench/).
WRITER = """
import datetime as dt, sys, time
import django
django.setup()
from django.utils import timezone
from agenda import registration
from agenda.models import Occurrence
from booking import rules
sys.path.append(sys.argv[3])  # bench/, after the tree: its run.bench_room on the tree's models
from run import bench_room

period, seconds = float(sys.argv[1]), float(sys.argv[2])
room = bench_room()
sessions = list(Occurrence.objects.filter(atelier__registration_required=True, cancelled=False,
    start__gt=timezone.now() + dt.timedelta(days=2)).order_by("start"))
slot = timezone.now().replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=200)
done, n, deadline = [0, 0], 0, time.monotonic() + seconds
while time.monotonic() + period < deadline:
    time.sleep(period)
    n += 1
    for session in sessions:
        try:
            registration.register(session, f"Lecteur {n}", f"lecteur{n}@exemple.example", 1)
        except registration.RegistrationRefused:
            continue
        done[0] += 1
        break
    while True:  # a slot of its own (a run with --reuse booked some before)
        slot += dt.timedelta(minutes=30)
        try:
            rules.book(room, slot, slot + dt.timedelta(minutes=30), name="Banc", email="banc@exemple.example")
        except rules.SlotTaken:
            continue
        done[1] += 1
        break
print(*done)
"""


def table(title, results, seconds):
    print(f"\n{title}")
    print("| path | req/s | p50 ms | p99 ms | hit / miss / stale |")
    print("|---|---|---|---|---|")
    for path, (latencies, states) in results.items():
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        answered = " / ".join(str(states[state]) for state in ("hit", "miss", "stale"))
        print(
            f"| {path} | {len(latencies) / seconds:.0f} | {cuts[49] * 1000:.1f} | {cuts[98] * 1000:.1f} | {answered} |"
        )
    total = sum(len(latencies) for latencies, _states in results.values())
    print(f"| all | {total / seconds:.0f} | | | |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to read (default: the seven page types)")
    parser.add_argument("--seconds", type=int, default=20, help="duration of each phase (default 20)")
    parser.add_argument("--readers", type=int, default=8, help="reader threads (default 8)")
    parser.add_argument("--rate", type=float, default=1.0, help="registrations and bookings per second (default 1)")
    parser.add_argument("--reuse", action="store_true", help="reuse bench/results/bench.sqlite3 as it is")
    parser.add_argument("--other-tree", type=Path, help="a second checkout, measured after this one")
    args = parser.parse_args()
    paths = args.paths or PATHS

    RESULTS.mkdir(parents=True, exist_ok=True)
    env = {**production_env(0), "CACHE_URL": CACHE_URL, "AGENDA_REGISTRATIONS_PER_HOUR": "1000000"}
    if not args.reuse:
        print("Preparing bench/results/bench.sqlite3…", file=sys.stderr)
        prepare_database(env)
    trees = {"this": ROOT, **({"other": args.other_tree.resolve()} if args.other_tree else {})}
    for name, tree in trees.items():
        measure(name, tree, env, paths, args)


def measure(name, tree, env, paths, args):
    server, base_url = start(tree, env, f"writes-{name}")
    try:
        static = static_path(base_url)
        read(base_url, paths, 2, args.readers)  # every page rendered and kept once
        alone = read(base_url, [static], args.seconds, args.readers)
        quiet = read(base_url, paths, args.seconds, args.readers)
        # The writer uses the server's database and cache (the same key prefix: the same SITE_URL).
        command = [sys.executable, "-c", WRITER, str(1 / args.rate), str(args.seconds), str(Path(__file__).parent)]
        writer = subprocess.Popen(command, cwd=tree, env={**env, "SITE_URL": base_url}, stdout=subprocess.PIPE)
        busy = read(base_url, paths, args.seconds, args.readers)
        registrations, bookings = writer.communicate(timeout=60)[0].split()
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(
        f"\n## {name} ({tree})\n{args.readers} readers (Python threads, keep-alive, gzip), {args.seconds} s per"
        f" phase; gunicorn, production settings, SQLite, Redis cache; writes: {int(registrations)} registrations"
        f" and {int(bookings)} bookings"
    )
    table("Static file alone", alone, args.seconds)
    table("Pages, no writes", quiet, args.seconds)
    table(f"Pages, with {args.rate:g} registration and {args.rate:g} booking per second", busy, args.seconds)


if __name__ == "__main__":
    main()
