"""Production settings: base plus HTTPS-only cookies and headers."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, SITE_URL, env_bool

# Without it Django starts, /healthz answers, and every page answers 500.
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY doit être donnée (une longue valeur secrète et aléatoire).")
if not SITE_URL:
    raise ImproperlyConfigured("SITE_URL doit donner l'adresse publique du site, par exemple https://espace.example.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The site runs behind a reverse proxy that terminates TLS and sets this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

SILENCED_SYSTEM_CHECKS = [
    # X-Frame-Options is set in one place, espace.middleware.SecurityHeadersMiddleware:
    # DENY on the public site, SAMEORIGIN in the admin (its page previews are framed).
    "security.W002",
    # HSTS preload is a commitment for the whole domain that its owners make
    # through hstspreload.org once HTTPS is settled; it is not ours to assume.
    "security.W021",
]
