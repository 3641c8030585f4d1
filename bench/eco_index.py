"""EcoIndex of a page of each type, loaded in Chromium at a phone's and a laptop's width.

`.venv/bin/python bench/eco_index.py [--reuse] [paths...]`

It prepares bench/results/bench.sqlite3 as `bench/run.py` does (or reuses it with --reuse) and
starts gunicorn with the production settings, as `bench/throughput.py` does. Each page is then
opened in Debian's Chromium through Playwright, in a fresh browser context (empty cache, as on a
first visit), at 375×667 and at 1280×800; the script scrolls down one screen at a time to the
bottom, so that every lazy image is asked for, and waits until the network is idle. It counts:

- DOM elements: `document.getElementsByTagName('*').length`, after the scroll;
- requests: every request the page made, the page itself included (no `data:` URLs: they are
  not requests);
- bytes transferred: the sum of the response bodies as they came over the wire (compressed),
  from Playwright's `request.sizes()["responseBodySize"]`; headers are not counted.

The EcoIndex score and grade come from the `ecoindex-compute` package, with the size in kB
(1 kB = 1,000 bytes).
"""

import argparse
import asyncio
import sys
from datetime import datetime

from ecoindex.compute import compute_ecoindex
from playwright.sync_api import sync_playwright
from run import RESULTS, ROOT, prepare_database, production_env
from throughput import PATHS as PAGE_TYPES
from throughput import start

CHROMIUM = "/usr/bin/chromium"
# Flags for a root user on a closed network, as in tests/browser/conftest.py.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage"]
# A page of each type, as bench/throughput.py measures them, but a search (the same page as the library).
PATHS = [path for path in PAGE_TYPES if "?" not in path]
VIEWPORTS = [(375, 667), (1280, 800)]


def measure(browser, url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request) if not request.url.startswith("data:") else None)
    response = page.goto(url, wait_until="networkidle")
    if response.status != 200:
        sys.exit(f"{url} answered {response.status}")
    # One screen at a time: a single jump to the bottom would skip the lazy images in between.
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
                scrollTo(0, y);
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            scrollTo(0, document.documentElement.scrollHeight);
        }"""
    )
    page.wait_for_load_state("networkidle")
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    transferred = sum(request.sizes()["responseBodySize"] for request in requests)
    context.close()
    return nodes, len(requests), transferred


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to measure (default: a page of each type)")
    parser.add_argument("--reuse", action="store_true", help="reuse bench/results/bench.sqlite3 as it is")
    args = parser.parse_args()

    RESULTS.mkdir(parents=True, exist_ok=True)
    env = production_env(0)
    if not args.reuse:
        print("Preparing bench/results/bench.sqlite3…", file=sys.stderr)
        prepare_database(env)
    server, base_url = start(ROOT, env, "ecoindex")
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            version = browser.version
            for path in args.paths or PATHS:
                for width, height in VIEWPORTS:
                    rows.append((path, f"{width}×{height}", *measure(browser, base_url + path, width, height)))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"{datetime.now():%Y-%m-%d %H:%M} · Chromium {version} · gunicorn, production settings, empty cache")
    print("| path | viewport | DOM elements | requests | kB transferred | EcoIndex | grade |")
    print("|---|---|--:|--:|--:|--:|:-:|")
    for path, viewport, nodes, requests, transferred in rows:
        # Out of the Playwright block: its sync API keeps an event loop running in this thread.
        result = asyncio.run(compute_ecoindex(nodes=nodes, size=transferred / 1000, requests=requests))
        print(
            f"| {path} | {viewport} | {nodes} | {requests} | {transferred / 1000:.1f}"
            f" | {result.score:.0f} | {result.grade.value} |"
        )


if __name__ == "__main__":
    main()
