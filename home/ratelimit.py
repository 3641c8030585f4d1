"""A small fixed-window rate limit on the shared cache: with CACHE_URL pointing at
Redis it holds across every app process; with the default local-memory cache,
within one process only (documented in README)."""

from django.core.cache import cache


def client_ip(request):
    # Behind the reverse proxy, gunicorn's forwarded_allow_ips sets REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "")


def too_many(scope, identity, limit, window_seconds):
    """Counts one attempt; True once more than `limit` were made in the window."""
    key = f"ratelimit:{scope}:{identity}"
    if cache.add(key, 1, timeout=window_seconds):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return False
