"""Project-wide plumbing: the health check, response headers and the plain page
shown when the database is down."""

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

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


class SecurityHeadersMiddleware:
    """Content-Security-Policy and cross-origin headers, one policy for the public
    site and a looser one for the admin. Listed before XFrameOptionsMiddleware so
    that its frame choice wins on the way out."""

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


class DatabaseUnavailableMiddleware:
    """A database outage answers a plain 503 page, never a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) and not settings.DEBUG:
            return unavailable_response()
        return None


class HealthCheckMiddleware:
    """Answers /healthz before host validation and the HTTPS redirect, so that a
    load balancer or the container's HEALTHCHECK can ask over plain HTTP on any
    address: 200 when the database answers, 503 when it does not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != "/healthz":
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            status, text = 503, "base de données injoignable\n"
        else:
            status, text = 200, "ok\n"
        response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
        response["Cache-Control"] = "no-store"
        return response
