"""Many people sending a form at the same moment, through real HTTP on a threaded
test server (used by the agenda and booking concurrency tests)."""

import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def opener_with_csrf(url):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return opener, token


def post_all_at_once(url, payloads):
    """POSTs each payload from its own thread, all released together; returns the
    HTTP statuses (or "no answer")."""
    opener, token = opener_with_csrf(url)
    barrier = threading.Barrier(len(payloads))
    statuses = []

    def attempt(payload):
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **payload}).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        barrier.wait()
        for _ in range(40):
            try:
                statuses.append(opener.open(request, timeout=60).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
            except (urllib.error.URLError, ConnectionError):
                # The test server's listen queue is short: a connection refused or reset
                # before the request was read is tried again.
                time.sleep(0.05)
                continue
            return
        statuses.append("no answer")

    threads = [threading.Thread(target=attempt, args=(payload,)) for payload in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses
