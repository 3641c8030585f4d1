"""The site's public address (SITE_URL): every absolute link — emails, feeds,
calendar files, JSON-LD, the sitemap — starts with it, and Wagtail's Site record
is kept in step with it after every `migrate`."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def parse_site_url(value):
    """(scheme, host, port) of a SITE_URL, or ImproperlyConfigured in French."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"SITE_URL doit être l'adresse publique du site, par exemple https://espace.example, pas {value!r}."
        )
    if parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"SITE_URL ne prend ni chemin, ni paramètres, ni identifiant\u00a0: {value!r}.")
    return parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def absolute_url(path):
    """`path` (starting with /) at the site's public address."""
    return settings.SITE_URL.rstrip("/") + path


def sync_site_record(**kwargs):
    """Points the default Wagtail Site at SITE_URL (page.full_url, sitemap, admin links)."""
    from wagtail.models import Site

    _scheme, host, port = parse_site_url(settings.SITE_URL)
    if Site.objects.filter(is_default_site=True).exclude(hostname=host, port=port).update(hostname=host, port=port):
        Site.clear_site_root_paths_cache()


def absolute_reverse(viewname, *args):
    """The public address of a URL name: the links sent in emails and calendars."""
    from django.urls import reverse

    return absolute_url(reverse(viewname, args=args))
