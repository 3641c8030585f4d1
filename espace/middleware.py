"""Project-wide plumbing: the health check, response headers and the plain page
shown when the database is down."""

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.html import format_html
from django.utils.translation import gettext

from core import health
from core.csp import PUBLIC_CSP, allows_frames

# Wagtail's admin relies on inline scripts and styles and shows page previews in
# an iframe of its own, so it gets a looser policy, still limited to this site.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()"


# What gzip makes smaller: text. Pictures (WebP, AVIF, PNG), PDF and archives are compressed already.
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/ld+json", "application/xml", "image/svg+xml")
COMPRESSIBLE_TYPES += ("application/rss+xml", "application/atom+xml", "application/javascript")


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip, for text only (the site's pages, feeds, calendars, JSON)."""

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


class SecurityHeadersMiddleware:
    """Content-Security-Policy, X-Frame-Options and cross-origin headers: one policy
    for the public site (core/csp.py; a view may send it with a directive changed) and a
    looser one for the admin (the only place these are set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(ADMIN_PREFIXES)
        if is_admin:
            # Set, not defaulted: a page preview runs the public page through this
            # middleware first, and its public policy would forbid the admin's frame.
            response.headers["Content-Security-Policy"] = ADMIN_CSP
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        else:
            response.headers.setdefault("Content-Security-Policy", PUBLIC_CSP)
            # The same refusal for browsers that do not read frame-ancestors; a page whose own
            # policy lets other sites frame it (partners' agenda, partners/views.py) gets none.
            if not allows_frames(response.headers["Content-Security-Policy"]):
                response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


UNAVAILABLE_HTML = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>{heading}</h1>
<p>{text}</p>
</body></html>"""


def unavailable_response():
    html = format_html(
        UNAVAILABLE_HTML,
        title=gettext("Site momentanément indisponible"),
        heading=gettext("Le site est momentanément indisponible"),
        text=gettext("Nous faisons le nécessaire. Merci de réessayer dans quelques minutes."),
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "120"
    response["Cache-Control"] = "no-store"
    return response


def is_unready(exception):
    """The database is away, or static files were never collected (the manifest of
    hashed names is missing): the site cannot serve pages, but it is not a bug."""
    if isinstance(exception, OperationalError | InterfaceError):
        return True
    return isinstance(exception, ValueError) and "staticfiles manifest" in str(exception)


class DatabaseUnavailableMiddleware:
    """A database outage (or a site deployed without its static files) answers a
    plain 503 page, never a traceback; /readyz says which."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_unready(exception) and not settings.DEBUG:
            return unavailable_response()
        return None


def plain_response(text, status):
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers before host validation and the HTTPS redirect, so that a load balancer
    or the container's HEALTHCHECK can ask over plain HTTP on any address:
    /healthz (liveness) 200 when the database answers, 503 when it does not;
    /readyz (readiness) 503 also when migrations are pending or static files are
    not collected, and reports a degraded cache, mail queue or worker."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return self.liveness()
        if request.path == "/readyz":
            return self.readiness()
        return self.get_response(request)

    def liveness(self):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            return plain_response("base de données injoignable\n", 503)
        return plain_response("ok\n", 200)

    def readiness(self):
        results, ready = health.readiness()
        lines = [f"{name}\u00a0: {state} — {detail}" for name, state, detail in results]
        verdict = "prêt" if ready else "pas prêt"
        if ready and any(state != health.OK for _name, state, _detail in results):
            verdict = "prêt, dégradé"
        return plain_response(f"{verdict}\n" + "\n".join(lines) + "\n", 200 if ready else 503)
