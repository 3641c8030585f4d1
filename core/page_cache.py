"""Public pages from the shared cache, for visitors without a session.

A page is kept when every anonymous visitor would get the same bytes: a GET answered 200, with no
cookie set (a form's CSRF token sets one, so pages with a POST form are never kept), not marked
private or no-store, not streamed. It is served again to visitors who carry no session or
messages cookie, for at most ``PAGE_CACHE_SECONDS`` (what changes with the clock alone, « ouvert
maintenant » or the sessions still to come, is never older than that, give or take RENDER_SECONDS).

A write empties, once its transaction commits, what it changes. Each kept page and value holds
the generation numbers of the areas it was made from: « site » (pages, snippets, settings, images:
every page reads it) and the areas of what visitors write many times a day, « agenda »
(registrations, sessions) and « booking »… (AREA_MODELS). A write moves its area to the next
generation: a registration empties the agenda's pages and those listing ateliers, not the library;
a publish, or any write not named in AREA_MODELS, empties « site », so everything. A page declares
its own areas (`cache_areas` on a page class, `depends_on()` in a view; the kept values it uses add
theirs); a page that declares nothing reads every area.

One render per emptied page: the first visitor after a write renders it while the others get the
previous copy, for at most RENDER_SECONDS (see PageCacheMiddleware).

Django's per-site cache middleware was not used: it keys on Vary: Cookie, which every page here
carries (the admin bar reads the session), so no anonymous page would ever be shared; wagtail-cache
purges nothing but the whole cache on publish and knows nothing of bookings.
"""

import contextlib
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

SITE = "site"
MISSING = object()
# Models that visitors (and the worker) write many times a day: a write to one of them empties only
# what read its app's area (the app's label). Every other write (a page, a snippet, the settings, an
# image…) empties SITE, which every kept page and value reads: a model forgotten here empties too much,
# never too little.
AREA_MODELS = {
    "agenda.occurrence",
    "agenda.registration",
    "agenda.sessionmessage",
    "booking.booking",
    "booking.series",
    "reemploi.donation",
    "reemploi.device",
    "reemploi.devicerequest",
    "reemploi.repairedobject",
    "follow.subscription",
    "follow.sentatelier",
    "accessibility.accessibilityreport",
}
AREAS = frozenset({SITE} | {label.split(".")[0] for label in AREA_MODELS})
# How long one request may take to render an emptied page while the others get its previous copy:
# longer than any render, so a second one never starts beside it; if that render died, the next
# request renders after this. A previous copy is kept this long past PAGE_CACHE_SECONDS.
RENDER_SECONDS = 5
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


# Every area's generation, read once per request (one cache read), not once per kept value.
_request_generations = contextvars.ContextVar("page_cache_generations", default=None)
# The areas read by what is being made (a page, a value): a kept value used inside adds its own.
_reading = contextvars.ContextVar("page_cache_reading", default=None)


def generation_key(area):
    return f"page-cache:generation:{area}"


def generations():
    """{area: generation} now; in a request, as they were when it began."""
    known = _request_generations.get()
    if known is not None:
        return known
    keys = {area: generation_key(area) for area in AREAS}
    found = cache.get_many(keys.values())
    return {
        area: found[key] if key in found else cache.get_or_set(key, new_generation, timeout=None)
        for area, key in keys.items()
    }


def made_with(areas, now):
    """What a page or value is kept with: the generation of each area it read, SITE always, as they
    were before it was made (a write meanwhile leaves it out of date, never kept as new)."""
    return {area: now[area] for area in {SITE, *areas}}


def is_current(entry, now):
    return all(now.get(area, MISSING) == number for area, number in entry["made_with"].items())


@contextlib.contextmanager
def reading(areas):
    """Collects the areas read while a page or value is made: `areas`, and those of the kept values
    used inside. The enclosing page or value reads them too."""
    read = set(areas)
    token = _reading.set(read)
    try:
        yield read
    finally:
        _reading.reset(token)
        has_read(read)


def has_read(areas):
    enclosing = _reading.get()
    if enclosing is not None:
        enclosing.update(areas)


def depends_on(request, *areas):
    """Declares the areas a page reads besides SITE (`depends_on(request)`: none). A page that
    declares nothing reads them all (never emptied too little)."""
    unknown = set(areas) - AREAS
    if unknown:
        raise ValueError(f"Unknown page cache areas: {sorted(unknown)} (known: {sorted(AREAS)})")
    request.page_cache_areas = frozenset(areas)


def declared_areas(request):
    return getattr(request, "page_cache_areas", AREAS)


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:page:{digest(address)}"


def key_part(value):
    if isinstance(value, Model):
        return f"{value._meta.label_lower}:{value.pk}"
    if isinstance(value, QuerySet | list | tuple):
        return ",".join(key_part(item) for item in value)
    return str(value)


def cached_value(name, compute, *vary, areas=AREAS, keep=None):
    """A value computed from the content and shown on many pages (a listing, the menu), shared
    by every render, for visitors with a session too, until a write to one of its ``areas``
    (besides SITE; all of them unless told) or PAGE_CACHE_SECONDS pass. ``vary`` (models,
    querysets, plain values) tells its variants apart; ``keep``, if given, says whether a
    computed value may be kept."""
    if not seconds():
        return compute()
    key = f"page-cache:{name}:{digest('|'.join(key_part(value) for value in vary))}"
    now = generations()
    entry = cache.get(key)
    if entry is not None and is_current(entry, now):
        has_read(entry["made_with"])
        return entry["value"]
    with reading(areas) as read:
        value = compute()
    if keep is None or keep(value):
        cache.set(key, {"value": value, "made_with": made_with(read, now)}, seconds())
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
    areas = declared_areas(request)  # what the page reads, its part too
    return cached_value(f"fragment:{name}", render, request.get_host(), request.path, query, areas=areas, keep=keep)


def holds_no_token(html):
    return "csrfmiddlewaretoken" not in html


def new_generation():
    # From the clock, so that a generation lost to the cache's own eviction never comes back.
    return time.time_ns()


def purge(area=SITE):
    """Every page and value that read `area` is dropped (all of them for SITE): the next visitor
    of each gets it rendered afresh."""
    try:
        cache.incr(generation_key(area))
    except ValueError:  # no generation yet, or evicted: a new one keeps nothing from before
        cache.set(generation_key(area), new_generation(), timeout=None)


def area_of(model):
    label = model._meta.label_lower
    return model._meta.app_label if label in AREA_MODELS else SITE


@functools.cache
def ignored_models():
    """The model classes named above, from the app registry: a name that is no installed
    app or model fails at start, instead of silently emptying the cache at each write."""
    configs = {config.name: config for config in apps.get_app_configs()}
    unknown = IGNORED_APPS - set(configs)
    if unknown:
        raise ImproperlyConfigured(f"IGNORED_APPS names apps that are not installed: {sorted(unknown)}")
    models = {model for name in IGNORED_APPS for model in configs[name].get_models(include_auto_created=True)}
    for label in AREA_MODELS:
        apps.get_model(label)  # a name that is no model fails at start
    return frozenset(models | {apps.get_model(label) for label in IGNORED_MODELS})


def purge_on_commit(sender, **kwargs):
    if sender in ignored_models():
        return
    transaction.on_commit(functools.partial(purge, area_of(sender)))


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
            transaction.on_commit(functools.partial(purge, area_of(self.model)))
        return changed


def kept(response, areas, now):
    """What is kept of a page: its body, also compressed once here (a kept page holds no secret
    for BREACH to guess: no token, nothing personal), the headers that describe it, the areas'
    generations it was made with and when."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:20] + '"'
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return {
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
        "gzip": gzip.compress(response.content, mtime=0),
        "etag": etag,
        "made_with": made_with(areas, now),
        "made_at": time.time(),
    }


def is_fresh(entry):
    return is_current(entry, generations()) and time.time() < entry["made_at"] + seconds()


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
    """Before the session, the database and the page: a kept page costs two cache reads.

    A page emptied by a write (or past PAGE_CACHE_SECONDS) is rendered by one request at a time:
    the first takes a lock (`cache.add`, atomic in the local memory and in Redis) for at most
    RENDER_SECONDS, and the others get the previous copy meanwhile (X-Cache: stale), so a write
    shows to everyone once that one render ends, not after a stampede of renders. Without a
    previous copy (the first visit, an evicted page), each request renders, as before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not seconds():
            return self.uncached(self.get_response(request))
        token = _request_generations.set(generations())
        try:
            return self.cached(request)
        finally:
            _request_generations.reset(token)

    def cached(self, request):
        if not is_cacheable_request(request):
            return self.uncached(self.get_response(request))
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None and is_fresh(entry):
            return self.marked(served(entry, request), "hit")
        if entry is None:
            return self.rendered(request, key)
        lock = f"{key}:rendering"
        if not cache.add(lock, True, RENDER_SECONDS):  # another request renders it
            return self.marked(served(entry, request), "stale")
        try:
            return self.rendered(request, key)
        finally:
            cache.delete(lock)

    def rendered(self, request, key):
        with reading(()) as read:
            response = self.get_response(request)
        if not is_cacheable_response(response) or is_kept_out_of_cache(request):
            cache.delete(key)  # no longer kept: never served as a previous copy either
            return self.uncached(response)
        entry = kept(response, declared_areas(request) | read, generations())  # as the request began
        if request.method == "GET":
            cache.set(key, entry, seconds() + RENDER_SECONDS)
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
