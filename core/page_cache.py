"""Public pages from the shared cache, for visitors without a session.

A page is kept when every anonymous visitor would get the same bytes: a GET answered 200, with no
cookie set (a form's CSRF token sets one, so pages with a POST form are never kept), not marked
private or no-store, not streamed. It is served again to visitors who carry no session or
messages cookie, for at most ``PAGE_CACHE_SECONDS`` (what changes with the clock alone, « ouvert
maintenant » or the sessions still to come, is never older than that).

Any write to the site's content (pages, revisions, images, documents, the apps' models:
registrations and bookings included, since they change places and free slots) empties the cache
at once, once its transaction commits: keys carry a generation number, and a write moves to the
next one. Django's per-site cache middleware was not used: it keys on Vary: Cookie, which every
page here carries (the admin bar reads the session), so no anonymous page would ever be shared;
wagtail-cache purges nothing but the whole cache on publish and knows nothing of bookings.
"""

import contextvars
import functools
import gzip
import hashlib
import re
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

GENERATION_KEY = "page-cache:generation"
MISSING = object()
# Query strings kept apart in the cache: pagination and the listings' filters. Free text (a search)
# is never kept, so that no one fills the cache by asking for new words.
QUERY_KEYS = {"page", "service", "semaine", "categorie", "public", "membre", "du", "au"}
QUERY_KEYS |= {"theme", "niveau", "format", "difficulte"}
QUERY_KEYS |= {"police", "nombre"}  # the partners' agenda in a frame (partners/widget.py)
# Models whose writes change no public page: sessions, login throttling, the task queue, search
# index rows (written with the page that already purges), renditions (made while a page renders),
# the workers' beats and delivered mails.
IGNORED_MODELS = {
    "sessions.session",
    "wagtailsearch.indexentry",
    "wagtailimages.rendition",
    "core.scheduledjob",
    "core.workerbeat",
    "core.deliveredmail",
}
# Whole apps, by their module as in INSTALLED_APPS (an app's label may differ: django_tasks_db's
# is « django_tasks_database »), the admin's own records too: editing sessions are written every
# few seconds while a page is open.
IGNORED_APPS = {"axes", "django_tasks_db", "django.contrib.contenttypes", "django_otp.plugins.otp_totp"}
IGNORED_APPS |= {"wagtail_2fa", "django.contrib.auth", "wagtail.users", "wagtail.admin"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Access-Control-Allow-Origin: the open data files may be read by any site. Content-Security-Policy
# when the page sets its own (the partners' agenda may be framed): kept pages are framed alike.
KEPT_HEADERS = (
    "Content-Security-Policy",
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "Link",
    "Access-Control-Allow-Origin",
)


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def is_anonymous(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def has_known_query(request):
    """Only pagination and the listings' filters: never free text, nor a key no page reads."""
    return set(request.GET) <= QUERY_KEYS


def keep_out_of_cache(request):
    """The page read a query value that is not one of its own (a page past the last, an unknown
    category) and shows what another address shows: not kept, or random values fill the cache."""
    request.page_cache_skipped = True


def is_kept_out_of_cache(request):
    return getattr(request, "page_cache_skipped", False)


def checked_page(request, page_obj):
    """`page_obj`, the page ?page= asked for; kept out when it was not that page's number."""
    asked = request.GET.get("page")
    if asked is not None and asked != str(page_obj.number):
        keep_out_of_cache(request)
    return page_obj


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        and has_known_query(request)
        and is_anonymous(request)
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


# The generation read once per request (the page's key and every cached value), not once per value.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def generation():
    return _request_generation.get() or cache.get_or_set(GENERATION_KEY, new_generation, timeout=None)


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{generation()}:{digest(address)}"


def key_part(value):
    if isinstance(value, Model):
        return f"{value._meta.label_lower}:{value.pk}"
    if isinstance(value, QuerySet | list | tuple):
        return ",".join(key_part(item) for item in value)
    return str(value)


def cached_value(name, compute, *vary, keep=None):
    """A value computed from the content and shown on many pages (a listing, the menu), shared
    by every render, for visitors with a session too, until the content changes or
    PAGE_CACHE_SECONDS pass. ``vary`` (models, querysets, plain values) tells its variants apart;
    ``keep``, if given, says whether a computed value may be kept."""
    if not seconds():
        return compute()
    key = f"page-cache:{generation()}:{name}:{digest('|'.join(key_part(value) for value in vary))}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        if keep is None or keep(value):
            cache.set(key, value, seconds())
    return value


def cached_part(name, request, render):
    """A part of a page rendered once for every visitor (the `{% cache_part %}` template tag), kept as
    values are and told apart by the site, the page's path and known filters. It is rendered each time and
    never kept in a preview (a draft would reach the public), for a query string that is not a
    known filter (no one fills the cache with new words), and when it holds a form's token."""
    if getattr(request, "is_preview", False) or not has_known_query(request):
        return render()
    query = sorted((key, request.GET.getlist(key)) for key in request.GET)
    keep = lambda html: holds_no_token(html) and not is_kept_out_of_cache(request)  # noqa: E731 (read after render)
    return cached_value(f"fragment:{name}", render, request.get_host(), request.path, query, keep=keep)


def holds_no_token(html):
    return "csrfmiddlewaretoken" not in html


def new_generation():
    # From the clock, so that a generation lost to the cache's own eviction never comes back.
    return time.time_ns()


def purge():
    """Every kept page is dropped: the next visitor of each gets it rendered afresh."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or evicted: a new one keeps nothing from before
        cache.set(GENERATION_KEY, new_generation(), timeout=None)


@functools.cache
def ignored_models():
    """The model classes named above, from the app registry: a name that is no installed
    app or model fails at start, instead of silently emptying the cache at each write."""
    configs = {config.name: config for config in apps.get_app_configs()}
    unknown = IGNORED_APPS - set(configs)
    if unknown:
        raise ImproperlyConfigured(f"IGNORED_APPS names apps that are not installed: {sorted(unknown)}")
    models = {model for name in IGNORED_APPS for model in configs[name].get_models(include_auto_created=True)}
    return frozenset(models | {apps.get_model(label) for label in IGNORED_MODELS})


def purge_on_commit(sender, **kwargs):
    if sender in ignored_models():
        return
    transaction.on_commit(purge)


def connect_signals():
    ignored_models()  # checked at start
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(purge_on_commit, dispatch_uid=f"page-cache-{signal}")


class PurgingQuerySet(QuerySet):
    """For models whose rows are changed by a conditional UPDATE (seats taken, a booking's status),
    which sends no post_save: an update that changed rows empties the cache too."""

    def update(self, **kwargs):
        changed = super().update(**kwargs)
        if changed:
            transaction.on_commit(purge)
        return changed


def kept(response):
    """What is kept of a page: its body, also compressed once here (a kept page holds no secret
    for BREACH to guess: no token, nothing personal), and the headers that describe it."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:20] + '"'
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return {
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
        "gzip": gzip.compress(response.content, mtime=0),
        "etag": etag,
    }


def served(entry, request):
    if request.headers.get("If-None-Match") == entry["etag"]:
        response = HttpResponseNotModified()
    elif ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(entry["gzip"], status=entry["status"], headers=entry["headers"])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
    response["Content-Length"] = len(response.content)
    response["ETag"] = entry["etag"]
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


class PageCacheMiddleware:
    """Before the session, the database and the page: a kept page costs two cache reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not seconds():
            return self.uncached(self.get_response(request))
        token = _request_generation.set(generation())
        try:
            return self.cached(request)
        finally:
            _request_generation.reset(token)

    def cached(self, request):
        if not is_cacheable_request(request):
            return self.uncached(self.get_response(request))
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None:
            return self.marked(served(entry, request), "hit")
        response = self.get_response(request)
        if not is_cacheable_response(response) or is_kept_out_of_cache(request):
            return self.uncached(response)
        entry = kept(response)
        if request.method == "GET":
            cache.set(key, entry, seconds())
        response["ETag"] = entry["etag"]
        return self.marked(response, "miss")

    def marked(self, response, state):
        response["X-Cache"] = state
        # Browsers ask again each time (a publish shows at once) and get a 304 while the page is kept.
        response["Cache-Control"] = "no-cache"
        return response

    def uncached(self, response):
        # A page with a form or for one person stays out of shared caches and the back-forward cache.
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Cache-Control", "private, no-cache")
        return response
