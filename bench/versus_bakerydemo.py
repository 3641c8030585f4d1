"""Our pages beside Wagtail's demo site (bakerydemo), req/s with wrk, pair by pair (issue 30).

`.venv/bin/python bench/versus_bakerydemo.py --bakerydemo DIR [--rounds N] [--seconds S] [--mode M] [--reuse]`

DIR is a bakerydemo checkout with its own `.venv` and its demo data loaded (bench/README.md says how).
Both sites are served alike: gunicorn, 2 sync workers, no config file, SQLite, DEBUG off; then, for
each pair of pages, `wrk -t2 -c8` on ours and at once on theirs, rounds interleaved, the best of the
rounds kept (as bench/throughput.py does). Three modes, each with servers started afresh:

- cached: anonymous, our page cache answers;
- session: a session cookie, so our pages are rendered (the values and parts we keep still used);
- cold: a session cookie and PAGE_CACHE_SECONDS=0 for ours: nothing kept, every render from scratch.

bakerydemo has no page cache: every mode is its plain render, sent the same request as ours (with
the cookie in session and cold: its admin bar then looks the session up, one query more).
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from run import RESULTS, ROOT, prepare_database, production_env, warm_up
from throughput import start, wrk

BLOG_INDEX = "/blog/"
# Its longest post (five blocks, two pictures), of middling cost: its six posts take 18 to 21 ms of CPU.
BLOG_POST = "/blog/icelandic-baking/"
# (what is compared, our page, bakerydemo's page)
PAIRS = [
    ("home · home", "/", "/"),
    ("agenda · blog index", "/agenda/", BLOG_INDEX),
    ("member · blog post", "/le-collectif/les-mulots/", BLOG_POST),
    ("atelier · blog post", "/agenda/repair-cafe/", BLOG_POST),
    ("library · blog index", "/ressources/", BLOG_INDEX),
    ("guide · blog post", "/ressources/choisir-ses-mots-de-passe/", BLOG_POST),
    ("room week · blog post", "/reserver/le-fablab/", BLOG_POST),
    ("search · search", "/recherche/?q=numerique", "/search/?q=bread"),
]
# mode: (session cookie, environment added to ours)
MODES = {
    "cached": (False, {}),
    "session": (True, {}),
    "cold": (True, {"PAGE_CACHE_SECONDS": "0"}),
}
# The goal: ≥ GOAL on every pair, none below FLOOR.
GOAL, FLOOR = 1.5, 1.2


def bakerydemo_env():
    """Its production settings (DEBUG off, whitenoise) on its own SQLite file, over plain HTTP."""
    env = {
        name: value
        for name, value in os.environ.items()
        # Its settings would take these for their database, cache, search or CSP.
        if name not in {"DATABASE_URL", "REDIS_URL", "REDIS_TLS_URL", "ELASTICSEARCH_ENDPOINT", "CSP_DEFAULT_SRC"}
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
    }


def versions(python):
    code = "import django, wagtail; print(f'Django {django.get_version()}, Wagtail {wagtail.__version__}')"
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def start_both(bakerydemo, extra_env):
    ours = start(ROOT, {**production_env(0), **extra_env}, "ours", plain=True)
    theirs = start(
        bakerydemo, bakerydemo_env(), "bakerydemo", plain=True,
        gunicorn=bakerydemo / ".venv" / "bin" / "gunicorn", app="bakerydemo.wsgi", ready="/",
    )  # fmt: skip
    return ours, theirs


def measure(bakerydemo, mode, rounds, seconds):
    """{(side, pair): best req/s} for one mode, both servers started for it and stopped after."""
    cookie, extra_env = MODES[mode]
    servers = start_both(bakerydemo, extra_env)
    try:
        urls = [(f"{servers[0][1]}{ours}", f"{servers[1][1]}{theirs}") for _pair, ours, theirs in PAIRS]
        for url in {url for pair in urls for url in pair}:
            # Every worker renders each page once (templates, renditions) before anything is timed.
            statuses = warm_up(url)
            if statuses != {200}:
                sys.exit(f"{url} answered {sorted(statuses)}")
        best = {}
        for _ in range(rounds):
            for (pair, *_paths), pair_urls in zip(PAIRS, urls, strict=True):
                for side, url in enumerate(pair_urls):
                    best[side, pair] = max(best.get((side, pair), 0), wrk(url, seconds, cookie))
        return best
    finally:
        for server, _url in servers:
            server.terminate()
            server.wait(timeout=10)


def print_table(mode, best, seconds, rounds):
    cookie, extra_env = MODES[mode]
    env = " ".join(f"{name}={value}" for name, value in extra_env.items())
    print(
        f"\n### {mode}: {'a session cookie' if cookie else 'anonymous'}"
        + (f", ours with {env}" if env else "")
        + f" · wrk -t2 -c8 -d{seconds}s, best of {rounds} interleaved rounds\n"
    )
    print("| pair | ours | bakerydemo | ours req/s | bakerydemo req/s | ratio |")
    print("|---|---|---|---|---|---|")
    ratios = {}
    for pair, ours, theirs in PAIRS:
        ratios[pair] = best[0, pair] / best[1, pair]
        print(f"| {pair} | {ours} | {theirs} | {best[0, pair]:.0f} | {best[1, pair]:.0f} | {ratios[pair]:.2f} |")
    lowest = min(ratios, key=ratios.get)
    reached = sum(ratio >= GOAL for ratio in ratios.values())
    below = [pair for pair, ratio in ratios.items() if ratio < FLOOR]
    print(
        f"\n≥ {GOAL}× on {reached} of {len(PAIRS)} pairs; lowest {ratios[lowest]:.2f}× ({lowest});"
        f" below {FLOOR}×: {', '.join(below) or 'none'}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", type=Path, required=True, help="bakerydemo checkout with its .venv")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best is kept (default 3)")
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run (default 5)")
    parser.add_argument("--mode", choices=MODES, action="append", help="cached, session or cold (default all three)")
    parser.add_argument("--reuse", action="store_true", help="reuse bench/results/bench.sqlite3 as it is")
    args = parser.parse_args()
    bakerydemo = args.bakerydemo.resolve()
    python = bakerydemo / ".venv" / "bin" / "python"
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if not python.exists() or not (bakerydemo / "bakerydemodb").exists():
        sys.exit(f"{bakerydemo} needs its .venv and its demo data (bakerydemodb): see bench/README.md")

    RESULTS.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        print("Preparing bench/results/bench.sqlite3…", file=sys.stderr)
        prepare_database(production_env(0))
    load_before = os.getloadavg()[0]
    results = {mode: measure(bakerydemo, mode, args.rounds, args.seconds) for mode in args.mode or MODES}
    print(
        f"ours: {versions(sys.executable)}; bakerydemo: {versions(python)}; gunicorn 2 sync workers,"
        f" no config file, SQLite, DEBUG off; load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after"
    )
    for mode, best in results.items():
        print_table(mode, best, args.seconds, args.rounds)


if __name__ == "__main__":
    main()
