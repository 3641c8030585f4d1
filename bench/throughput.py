"""Throughput per page with wrk, beside a static file served by the same gunicorn.

`.venv/bin/python bench/throughput.py [--other-tree DIR] [--seconds S] [paths...]`

It prepares bench/results/bench.sqlite3 as `bench/run.py` does (or reuses it with --reuse),
starts gunicorn with the production settings and `gunicorn.conf.py`, then, for each page and in
turn with a hashed static file, runs `wrk -t2 -c8 -d S` with `Accept-Encoding: gzip` (as a
browser asks). Rounds are interleaved so that a busy machine weighs on every column alike.

--other-tree DIR serves a second checkout (e.g. `git worktree add /tmp/parent HEAD~1`) on the
same database and measures it in the same rounds: before and after in one run. Environment
variables given with --env NAME=VALUE apply to every gunicorn started (e.g. PAGE_CACHE_SECONDS=0
to measure uncached, GUNICORN_THREADS=1 to compare sync and threaded workers).
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from run import RESULTS, ROOT, fetch, free_port, prepare_database, production_env, wait_until_healthy

PATHS = [
    "/",
    "/agenda/",
    "/agenda/repair-cafe/",
    "/le-collectif/les-mulots/",
    "/ressources/",
    "/ressources/choisir-ses-mots-de-passe/",
    "/ressources/?q=mot+de+passe",
    "/reserver/le-fablab/",
]


# gunicorn's own defaults but for these: what `gunicorn.conf.py` gives with GUNICORN_THREADS=1, less
# its other settings (none of which changes a sync worker's speed).
PLAIN_SYNC = ("--workers", "2", "--worker-class", "sync")


def start(tree, env, name, *, plain=False, gunicorn=None, app="espace.wsgi", ready="/healthz"):
    """gunicorn serving `tree` on a free port, with its `gunicorn.conf.py`; `plain`: with PLAIN_SYNC and
    no config file at all (started from bench/results/, since gunicorn reads ./gunicorn.conf.py unasked)."""
    port = free_port()
    env = {**env, "PORT": str(port), "SITE_URL": f"http://127.0.0.1:{port}"}
    gunicorn = gunicorn or Path(sys.executable).parent / "gunicorn"
    options = [*PLAIN_SYNC, "--chdir", str(tree)] if plain else ["--config", "gunicorn.conf.py"]
    command = [gunicorn, *options, "--bind", f"127.0.0.1:{port}", app]
    log = open(RESULTS / f"gunicorn-{name}.log", "w")  # noqa: SIM115 (kept open while gunicorn runs)
    server = subprocess.Popen(command, cwd=RESULTS if plain else tree, env=env, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    wait_until_healthy(base_url, server, path=ready)
    return server, base_url


def workers_rss_mib(server):
    """Resident memory of each gunicorn worker (the master's children), from /proc."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def wrk(url, seconds, rendered):
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url]
    if rendered:
        command[1:1] = ["-H", "Cookie: sessionid=bench-no-such-session"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"{url}: {errors.group(1)} responses were errors\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def static_path(base_url):
    status, body, _ = fetch(base_url + "/")
    return re.search(rb'href="(/static/[^"]+\.css)"', body).group(1).decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to measure (default: a page of each type)")
    parser.add_argument("--other-tree", type=Path, help="a second checkout measured in the same rounds")
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run (default 5)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds; the best is kept (default 2)")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for every gunicorn")
    parser.add_argument(
        "--rendered", action="store_true", help="send a session cookie: pages rendered each time, as for an editor"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse bench/results/bench.sqlite3 as it is")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    RESULTS.mkdir(parents=True, exist_ok=True)
    env = production_env(0)
    env.update(item.split("=", 1) for item in args.env)
    if not args.reuse:
        print("Preparing bench/results/bench.sqlite3…", file=sys.stderr)
        prepare_database(env)
    trees = {"this": ROOT}
    if args.other_tree:
        trees["other"] = args.other_tree.resolve()
    servers = {name: start(tree, env, name) for name, tree in trees.items()}
    try:
        paths = args.paths or PATHS
        static = static_path(servers["this"][1])
        best, requests = {}, 0
        for _server, base_url in servers.values():
            for path in paths:
                fetch(base_url + path)  # every page rendered once before memory is first read
        memory = {name: workers_rss_mib(server) for name, (server, _url) in servers.items()}
        for _ in range(args.rounds):
            for path in [static, *paths]:
                for name, (_server, base_url) in servers.items():
                    rate = wrk(base_url + path, args.seconds, args.rendered and path != static)
                    best[name, path] = max(best.get((name, path), 0), rate)
                    requests += rate * args.seconds
        for name, (server, _url) in servers.items():
            memory[name] = (memory[name], workers_rss_mib(server))
    finally:
        for server, _url in servers.values():
            server.terminate()
            server.wait(timeout=10)

    names = list(servers)
    for name in names:
        before, after = memory[name]
        print(
            f"{name}: workers' memory {', '.join(f'{mib:.0f}' for mib in before)} MiB after one request per page,"
            f" {', '.join(f'{mib:.0f}' for mib in after)} MiB after the run (~{requests / len(names):,.0f} requests)"
        )
    print(
        f"wrk -t2 -c8 -d{args.seconds}s, best of {args.rounds} interleaved rounds; env: {' '.join(args.env) or '-'}"
        + ("; pages rendered (a session cookie)" if args.rendered else "")
    )
    print("| path | " + " | ".join(f"{name} req/s | {name} ÷ static" for name in names) + " |")
    print("|---|" + "---|---|" * len(names))
    for path in [static, *paths]:
        cells = [f"{best[name, path]:.0f} | {best[name, path] / best[name, static]:.2f}" for name in names]
        print(f"| {path} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
