"""Browser harness: Playwright driving Debian's Chromium against the live test server.

Without /usr/bin/chromium the browser tests are skipped with the reason, except
where BROWSER_TESTS_REQUIRED=1 (CI), where they fail.
"""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Flags for a closed network and a root user: see README, "Tests navigateur".
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made
# by the test itself (fixtures) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Every browser test module sets `pytestmark = BROWSER_TEST`: the live server reads
# the database from another thread, so the data must be committed. Each test
# starts from the same demo, whatever the tests before it wrote.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium introuvable ({CHROMIUM}) : installez le paquet Debian « chromium »."
        if os.environ.get("BROWSER_TESTS_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message + " Tests navigateur ignorés.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_server(live_server):
    """The live server over the demo site, restored from its snapshot (tests/snapshots.py)
    before the test: a fraction of a second instead of building it again."""
    return live_server


@pytest.fixture
def page(browser, demo_server):
    """A fresh browser tab; it records every request made to another origin."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    origin = urlparse(demo_server.url).netloc
    tab.foreign_requests = []
    tab.on(
        "request",
        lambda request: (
            tab.foreign_requests.append(request.url)
            if urlparse(request.url).netloc not in {origin, ""} and not request.url.startswith("data:")
            else None
        ),
    )
    tab.base_url = demo_server.url
    yield tab
    context.close()


# Every rule still runs on every element; only the violations are described in full (the passes
# are not read): axe's own advice for speed, 2 to 4 times faster here, the same violations.
AXE_OPTIONS = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"], "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(page, axe, impacts=("minor", "moderate", "serious", "critical")):
    """axe-core's violations of these impacts on the page, one readable line each, once the page's
    animations are over: the admin's message fades in, and its colours half-way fail the contrast."""
    for _ in range(50):  # a loop here, not wait_for_function: the admin's CSP forbids its eval
        if page.evaluate("document.getAnimations().every((animation) => animation.playState !== 'running')"):
            break
        page.wait_for_timeout(100)
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
        if violation["impact"] in impacts
    ]


def serious_violations(page, axe):
    return violations(page, axe, impacts=("serious", "critical"))


PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser, demo_server):
    """A tab the size of a small phone, tapped rather than clicked."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", viewport=PHONE, has_touch=True)
    tab = context.new_page()
    tab.base_url = demo_server.url
    yield tab
    context.close()


def boxes(locator):
    """The page-relative boxes of the elements, all measured at once: one bounding_box() call
    per element could straddle a layout shift (a picture arriving)."""
    return locator.evaluate_all(
        """elements => elements.map(element => {
            const box = element.getBoundingClientRect();
            return {x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height};
        })"""
    )


def press_tab_until(page, accessible_name, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == accessible_name:
            return
    raise AssertionError(f"« {accessible_name} » n'est jamais atteint au clavier")


def submit_login(page, username):
    """Sends the admin's login form with a demo account's password."""
    page.goto(page.base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-espace")
    page.click("button[type=submit]")


def log_in(page, username):
    """Logs in and waits for the dashboard."""
    from playwright.sync_api import expect

    submit_login(page, username)
    expect(page).to_have_url(page.base_url + "/admin/")
