"""Where a page's render time goes: pyinstrument over N uncached requests, in-process.

`.venv/bin/python bench/profile.py PATH [--requests N] [--html FILE]`

Production settings on bench/results/bench.sqlite3 (run `bench/run.py` or `bench/throughput.py`
once to build it), the Django test client with a session cookie, so the page is rendered each
time (the page cache steps aside) as for an editor; one warm-up request first, so the profile shows
the steady state (template loading, first renditions and the values kept for all pages excluded).
"""

import argparse
import os
import sys
from pathlib import Path

import django

from run import DATABASE, ROOT, production_env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    args = parser.parse_args()
    if not DATABASE.exists():
        sys.exit(f"{DATABASE} is missing: run bench/run.py or bench/throughput.py once")
    os.environ.update(production_env(8000))
    sys.path.insert(0, str(ROOT))
    django.setup()

    from django.test import Client

    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = "bench-no-such-session"
    status = client.get(args.path).status_code
    if status != 200:
        sys.exit(f"{args.path} answered {status}")
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(args.requests):
            client.get(args.path)
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        args.html.write_text(profiler.output_html())


if __name__ == "__main__":
    main()
