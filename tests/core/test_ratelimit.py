"""The rate limits see each visitor behind the reverse proxy, never what a client
writes in X-Forwarded-For itself, and forgive a few mistakes."""

from django.test import RequestFactory

import pytest

from core.ratelimit import client_ip
from tests.espace.test_settings import PRODUCTION_ENV, run_python


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("proxies", "count", "remote", "forwarded", "seen"),
    [
        ([], 1, "203.0.113.5", "198.51.100.1", "203.0.113.5"),  # no proxy trusted: the header is ignored
        (["127.0.0.1"], 1, "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        (["127.0.0.1"], 1, "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # a forged first entry
        (["127.0.0.1"], 1, "203.0.113.5", "198.51.100.1", "203.0.113.5"),  # not from the proxy
        (["10.0.0.0/8"], 2, "10.0.0.3", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),  # two proxies
        (["127.0.0.1"], 2, "127.0.0.1", "198.51.100.1", "127.0.0.1"),  # fewer hops than proxies
        (["127.0.0.1"], 1, "127.0.0.1", "pas-une-adresse", "127.0.0.1"),
        (["127.0.0.1"], 1, "127.0.0.1", "", "127.0.0.1"),
        (["::1"], 1, "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies_only(settings, proxies, count, remote, forwarded, seen):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = proxies, count
    assert client_ip(request_from(remote, forwarded)) == seen


def test_a_trusted_proxy_that_is_not_an_address_is_refused_at_start():
    result = run_python("import django; django.setup()", {**PRODUCTION_ENV, "TRUSTED_PROXIES": "le-proxy"})
    assert result.returncode != 0 and "TRUSTED_PROXIES" in result.stderr
