"""Image bytes a 375 px phone downloads, per page: before scrolling and after
scrolling to the end, at device pixel ratios 1, 2 and 3.

Run with `.venv/bin/python bench/images.py [paths...]`; gunicorn with production
settings on bench/results/bench.sqlite3 (prepared as bench/run.py does), Chromium
(/usr/bin/chromium, or CHROMIUM_PATH) driven by Playwright.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from run import BIN, RESULTS, ROOT, fetch, free_port, prepare_database, production_env, wait_until_healthy

DEFAULT_PATHS = ["/", "/reserver/", "/reserver/le-fablab/", "/le-collectif/", "/le-collectif/les-mulots/"]
PHONE = {"width": 375, "height": 667}
RATIOS = (1, 2, 3)
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def image_bytes(browser, url, ratio):
    """(bytes loaded before scrolling, bytes after scrolling to the end, formats seen); Chromium
    also loads lazy images within about two screens of the viewport before any scrolling."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=ratio, is_mobile=True, has_touch=True)
    tab = context.new_page()
    images = []
    tab.on("response", lambda response: images.append(response) if response.request.resource_type == "image" else None)
    tab.goto(url, wait_until="networkidle")
    before = sum(len(response.body()) for response in images)
    # Down half a screen at a time, so that each lazy image is reached as a reader would reach it.
    height = tab.evaluate("document.documentElement.scrollHeight")
    step = PHONE["height"] // 2
    for _ in range(0, height + PHONE["height"], step):
        tab.mouse.wheel(0, step)
        time.sleep(0.05)
    tab.wait_for_load_state("networkidle")
    total = sum(len(response.body()) for response in images)
    formats = sorted({response.headers.get("content-type", "?").removeprefix("image/") for response in images})
    context.close()
    return before, total, formats


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to measure instead of the default list")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = production_env(port)
    print("Preparing bench/results/bench.sqlite3 (migrate, load_demo, collectstatic)…", file=sys.stderr)
    prepare_database(env)
    base_url = f"http://127.0.0.1:{port}"
    command = [BIN / "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "espace.wsgi"]
    with open(RESULTS / "gunicorn.log", "w") as log, sync_playwright() as playwright:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            wait_until_healthy(base_url, server)
            print("path | DPR | bytes before scrolling | bytes after scrolling to the end | formats")
            for path in args.paths or DEFAULT_PATHS:
                fetch(base_url + path)  # renditions are made on the first request: not timed, not counted
                for ratio in RATIOS:
                    first, total, formats = image_bytes(browser, base_url + path, ratio)
                    print(f"{path} | {ratio} | {first} | {total} | {', '.join(formats)}")
        finally:
            browser.close()
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
