"""Cold renders: a page of each type rendered with every cache emptied first, in-process.

`.venv/bin/python bench/cold_render.py [--requests N] [--reuse] [--other-tree DIR] [--html DIR]`

Production settings, the Django test client as an anonymous visitor, SQLite file
`bench/results/cold.sqlite3` with the demo (built afresh unless `--reuse`). Each page is requested
once first (its renditions are made, as the worker does after a publish), then N times, every
cache of `CACHES` cleared before each request: the page cache, the values shared between pages,
the kept parts, Wagtail's site roots and renditions. It prints the median and p95 ms per page.

`--other-tree DIR` (a checkout, e.g. `git worktree add /tmp/before HEAD~3`) measures that tree's
code too, on the same database, in rounds interleaved with this tree's (one process per tree), so
that a busy machine weighs on both alike. The CPU column (the process's CPU time during the request)
moves less than wall time when other processes share the machine. `--html DIR` writes each page's
HTML (of this tree, and `DIR/other/` for the other tree) and says whether the two trees' pages are
the same bytes, the CSRF token aside (Django masks it afresh on every response).
"""

import argparse
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASE = RESULTS / "cold.sqlite3"
MEDIA = RESULTS / "cold-media"
PAGES = {
    "member": "/le-collectif/les-mulots/",
    "guide": "/ressources/choisir-ses-mots-de-passe/",
    "atelier": "/agenda/repair-cafe/",
    "agenda": "/agenda/",
    "room-week": "/reserver/le-fablab/",
}
TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def environment(tree):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "espace.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "SITE_URL": "http://testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "MEDIA_ROOT": str(MEDIA),
        # Each tree's own static files: the manifest names its templates' files.
        "STATIC_ROOT": str(Path(tree) / "bench" / "results" / "cold-static"),
    }


def manage(tree, *args, settings=None):
    env = environment(tree)
    if settings:
        env["DJANGO_SETTINGS_MODULE"] = settings
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=tree, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed in {tree}:\n{result.stdout}{result.stderr}")


def prepare_database():
    RESULTS.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    manage(ROOT, "migrate", "--no-input")
    # Production settings refuse demo content, so this step alone uses dev.
    manage(ROOT, "load_demo", settings="espace.settings.dev")


def serve(tree):
    """The child: renders the path read on each line of stdin cold, answers its ms and HTML size."""
    os.chdir(tree)
    os.environ.update(environment(tree))
    sys.path.insert(0, str(tree))
    import django

    django.setup()
    from django.core.cache import caches
    from django.test import Client

    client = Client(raise_request_exception=True)
    for line in sys.stdin:
        command = json.loads(line)
        for cache in caches.all():
            cache.clear()
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(command["path"])
        elapsed, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{command['path']}: {response.status_code}")
        if command.get("html"):
            Path(command["html"]).write_bytes(response.content)
        print(json.dumps({"ms": elapsed, "cpu": cpu, "bytes": len(response.content)}), flush=True)


class Tree:
    def __init__(self, name, tree):
        self.name, self.tree = name, Path(tree).resolve()
        static = self.tree / "bench" / "results" / "cold-static"
        if not (static / "staticfiles.json").exists():
            manage(self.tree, "collectstatic", "--no-input")
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.tree)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.timings = {page: [] for page in PAGES}
        self.cpu = {page: [] for page in PAGES}

    def render(self, page, html=None):
        self.process.stdin.write(json.dumps({"path": PAGES[page], "html": html and str(html)}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            sys.exit(f"the process of {self.tree} stopped")
        return json.loads(answer)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def row(timings, cpu):
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[18]
    return f"{median:9.1f} | {p95:6.1f} | {statistics.median(cpu):13.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="cold renders per page and tree (default 30)")
    parser.add_argument("--reuse", action="store_true", help="keep bench/results/cold.sqlite3 if it exists")
    parser.add_argument("--other-tree", type=Path, help="also measure this checkout's code, interleaved")
    parser.add_argument("--html", type=Path, help="write each page's HTML under this folder")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve)
    if args.requests < 2:
        parser.error("--requests must be at least 2")
    if not (args.reuse and DATABASE.exists()):
        print("Preparing bench/results/cold.sqlite3 (migrate, load_demo)…", file=sys.stderr)
        prepare_database()
    trees = [Tree("this tree", ROOT)]
    if args.other_tree:
        trees.append(Tree(f"{args.other_tree}", args.other_tree))
    sizes = {}
    try:
        for tree in trees:
            folder = args.html and (args.html if tree is trees[0] else args.html / "other")
            if folder:
                folder.mkdir(parents=True, exist_ok=True)
            for page in PAGES:  # renditions made, templates loaded
                sizes[tree.name, page] = tree.render(page, folder and folder / f"{page}.html")["bytes"]
        for _ in range(args.requests):
            for page in PAGES:
                for tree in trees:
                    answer = tree.render(page)
                    tree.timings[page].append(answer["ms"])
                    tree.cpu[page].append(answer["cpu"])
    finally:
        for tree in trees:
            tree.close()
    print(f"cold renders, {args.requests} per page, every cache cleared before each · production settings, SQLite")
    print(f"{'page':<10} | {'tree':<24} | {'bytes':>6} | median ms | p95 ms | median CPU ms")
    for page in PAGES:
        for tree in trees:
            timing = row(tree.timings[page], tree.cpu[page])
            print(f"{page:<10} | {tree.name:<24} | {sizes[tree.name, page]:>6} | {timing}")
    if args.html and args.other_tree:
        for page in PAGES:
            ours = TOKEN.sub(rb"\1\2", (args.html / f"{page}.html").read_bytes())
            theirs = TOKEN.sub(rb"\1\2", (args.html / "other" / f"{page}.html").read_bytes())
            print(f"{page}: {'same bytes' if ours == theirs else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
