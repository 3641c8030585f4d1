"""Many people sending a form at the same moment, through real HTTP on a threaded
test server (used by the agenda and booking concurrency tests)."""

import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def opener_with_csrf(url, login=None):
    """An HTTP client holding the CSRF token of the form at `url`; with `login`
    (username, password, login page) it first signs in, as the team does."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if login:
        username, password, login_url = login
        token = csrf_token(opener.open(login_url).read().decode())
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
        opener.open(urllib.request.Request(login_url, data=data.encode(), headers={"Referer": login_url}))
    return opener, csrf_token(opener.open(url).read().decode())


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def post_all_at_once(url, payloads):
    """POSTs each payload from its own thread, all released together; returns the
    HTTP statuses (or "no answer")."""
    opener, token = opener_with_csrf(url)
    return post_together([(opener, token, url, payload) for payload in payloads])


def post_together(requests):
    """POSTs each (opener, CSRF token, url, payload) from its own thread, all released
    together: several forms, or several people, competing for the same thing. Returns
    the HTTP statuses in the order given (or "no answer")."""
    barrier = threading.Barrier(len(requests))
    statuses = [None] * len(requests)

    def attempt(index, opener, token, url, payload):
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **payload}).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        barrier.wait()
        for _ in range(40):
            try:
                statuses[index] = opener.open(request, timeout=60).status
            except urllib.error.HTTPError as error:
                statuses[index] = error.code
            except (urllib.error.URLError, ConnectionError):
                # The test server's listen queue is short: a connection refused or reset
                # before the request was read is tried again.
                time.sleep(0.05)
                continue
            return
        statuses[index] = "no answer"

    threads = [threading.Thread(target=attempt, args=(index, *request)) for index, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def call_together(*calls):
    """Calls each function from its own thread (its own database connection), all released
    together at a barrier; returns what each returned, or the exception it raised."""
    from django.db import connections

    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def attempt(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 (reported to the test, which asserts on it)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def minimal_site():
    """A site with its home page, all an atelier or a form needs, in a test whose
    transactions commit (the demo site would cost seconds per test). A committing test
    empties every table after it, Wagtail's root and locale included: made again here."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Racine", slug="root"))
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil"))
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    return home
