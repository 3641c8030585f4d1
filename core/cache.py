"""A Redis cache whose outage is not a site outage: while Redis does not answer,
every call goes to a local-memory cache of this process (a miss at first), the
outage is logged once a minute, and Redis is tried again every few seconds.
Rate limits then count per process, as without CACHE_URL."""

import functools
import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger("espace.cache")

RETRY_SECONDS = 5
LOG_EVERY_SECONDS = 60


def _falls_back(name):
    def method(self, *args, **kwargs):
        if time.monotonic() >= self._retry_at:
            try:
                result = getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
            except RedisError as error:
                self._trip(error)
            else:
                self._recovered()
                return result
        return getattr(self._fallback, name)(*args, **kwargs)

    return functools.update_wrapper(method, getattr(RedisCache, name))


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        local = {key: value for key, value in params.items() if key in ("TIMEOUT", "KEY_PREFIX", "VERSION")}
        self._fallback = LocMemCache(f"fallback-{id(self)}", {**local, "OPTIONS": {"MAX_ENTRIES": 2000}})
        self._retry_at = 0.0
        self._logged_at = None
        self._down = False

    def _trip(self, error):
        now = time.monotonic()
        self._retry_at = now + RETRY_SECONDS
        self._down = True
        if self._logged_at is None or now - self._logged_at >= LOG_EVERY_SECONDS:
            self._logged_at = now
            logger.warning("Cache Redis injoignable (%s)\u00a0: cache local à chaque processus en attendant.", error)

    def _recovered(self):
        if self._down:
            self._down, self._logged_at = False, None
            logger.warning("Cache Redis de nouveau joignable.")

    def state(self):
        """For readiness: ("ok" | "dégradé", detail), after trying Redis."""
        self.get("readiness-probe")
        if self._down:
            return "dégradé", "Redis injoignable\u00a0: cache local à chaque processus"
        return "ok", "Redis joignable"

    add = _falls_back("add")
    get = _falls_back("get")
    set = _falls_back("set")
    touch = _falls_back("touch")
    delete = _falls_back("delete")
    get_many = _falls_back("get_many")
    has_key = _falls_back("has_key")
    incr = _falls_back("incr")
    set_many = _falls_back("set_many")
    delete_many = _falls_back("delete_many")
    clear = _falls_back("clear")
