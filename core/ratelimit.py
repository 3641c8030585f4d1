"""Rate limits of the public forms, per client address and hour, counted in the
cache: with CACHE_URL (Redis) shared by every process, otherwise per process (and
per process too while Redis is down: core/cache.py).

Accepted sends count against the hourly limit; refused ones (a field to correct)
against three times that, so that a person who makes mistakes is not locked out
while a robot hammering the form still is."""

import ipaddress

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600
REFUSED_FACTOR = 3
USERNAME_MAX_LENGTH = 150  # django.contrib.auth's


def trusted_proxies():
    return [ipaddress.ip_network(item, strict=False) for item in settings.TRUSTED_PROXIES]


def parse_ip(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, unless the request comes from a trusted
    proxy, then the address that the first of TRUSTED_PROXY_COUNT proxies saw (the
    N-th from the right of X-Forwarded-For). Anything a client writes there itself
    stands further left, and is never read."""
    remote = request.META.get("REMOTE_ADDR", "")
    remote_ip = parse_ip(remote)
    networks = trusted_proxies()
    if remote_ip is None or not any(remote_ip in network for network in networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    count = settings.TRUSTED_PROXY_COUNT
    if len(hops) < count:
        return remote
    client = parse_ip(hops[-count])
    return str(client) if client else remote


def login_username(request, credentials=None):
    """The account a login attempt counts against (django-axes), cut to the longest
    username there is: its attempt log would refuse a longer one (and answer 500)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else request.POST.get(field)
    return str(value or "")[:USERNAME_MAX_LENGTH]


class RateLimit:
    def __init__(self, scope, limit_setting):
        self.scope = scope
        self.limit_setting = limit_setting

    def keys(self, request):
        base = f"ratelimit:{self.scope}:{client_ip(request)}"
        return f"{base}:accepted", f"{base}:refused"

    def exceeded(self, request):
        """True when this address used its allowance for the hour (counts nothing)."""
        limit = getattr(settings, self.limit_setting)
        accepted, refused = self.keys(request)
        counts = cache.get_many([accepted, refused])
        return counts.get(accepted, 0) >= limit or counts.get(refused, 0) >= limit * REFUSED_FACTOR

    def record(self, request, accepted):
        key = self.keys(request)[0 if accepted else 1]
        if not cache.add(key, 1, timeout=WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=WINDOW_SECONDS)
