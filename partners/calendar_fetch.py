"""Reading a member's calendar over HTTP(S): a time limit, a size limit read as it comes,
no cookie, our name as User-Agent, certificates checked, and no address inside our own
network (the address is typed by a member). Every failure is a CalendarUnreadable
whose message, in French, is shown to the member's editors."""

import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
TIMEOUT_SECONDS = 10
# The whole reading, however slowly the bytes trickle in.
DEADLINE_SECONDS = 30
CHUNK = 64 * 1024
USER_AGENT = "EspaceNumerique-ImportCalendrier/1.0 (+agenda du collectif)"


class CalendarUnreadable(Exception):
    """The calendar could not be read; str() is the French sentence for the editors."""


def normalised_url(url):
    """webcal:// is https:// by another name (Nextcloud and Apple give it)."""
    url = url.strip()
    if url.lower().startswith("webcal://"):
        return "https://" + url[len("webcal://") :]
    return url


def check_address(url):
    """Refuses what is not http(s), and hosts of our own network (unless the settings allow them)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CalendarUnreadable(_("L'adresse doit commencer par https://, http:// ou webcal://."))
    if getattr(settings, "PARTNERS_CALENDAR_PRIVATE_HOSTS", False):
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except (socket.gaierror, UnicodeError) as error:
        raise CalendarUnreadable(
            _("Le serveur «\u00a0%(host)s\u00a0» est introuvable\u00a0: vérifiez l'adresse.") % {"host": parts.hostname}
        ) from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise CalendarUnreadable(
                _("Cette adresse désigne un réseau privé\u00a0: donnez l'adresse publique du calendrier.")
            )


class CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener():
    # No HTTPCookieProcessor: nothing is kept from one calendar to the next.
    context = ssl.create_default_context()
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), CheckedRedirects())


def fetch(url):
    """The calendar's bytes, at most MAX_BYTES, or CalendarUnreadable."""
    url = normalised_url(url)
    check_address(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*"})  # noqa: S310 (checked above)
    try:
        with opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            return read_capped(response)
    except CalendarUnreadable:
        raise
    except urllib.error.HTTPError as error:
        raise CalendarUnreadable(http_error_text(error.code)) from error
    except urllib.error.URLError as error:
        raise CalendarUnreadable(connection_error_text(error.reason)) from error
    except (OSError, ValueError) as error:
        raise CalendarUnreadable(connection_error_text(error)) from error


def read_capped(response):
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise CalendarUnreadable(too_big_text())
    deadline, parts, size = time.monotonic() + DEADLINE_SECONDS, [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise CalendarUnreadable(too_big_text())
        if time.monotonic() > deadline:
            raise CalendarUnreadable(timeout_text())
        parts.append(chunk)
    return b"".join(parts)


def too_big_text():
    return _(
        "Le calendrier dépasse 2\u00a0Mo\u00a0: il n'a pas été lu. Donnez un calendrier qui ne garde que vos ateliers."
    )


def timeout_text():
    return _("Le serveur du calendrier n'a pas répondu à temps. Nous réessaierons à la prochaine lecture.")


def http_error_text(code):
    if code in (401, 403):
        return _(
            "Le serveur du calendrier refuse l'accès (HTTP %(code)s)\u00a0: le lien secret a peut-être changé."
        ) % {"code": code}
    if code in (404, 410):
        return _("Le calendrier est introuvable à cette adresse (HTTP %(code)s)\u00a0: vérifiez-la.") % {"code": code}
    return _("Le serveur du calendrier a répondu par une erreur (HTTP %(code)s). Nous réessaierons.") % {"code": code}


def connection_error_text(reason):
    if isinstance(reason, ssl.SSLCertVerificationError | ssl.CertificateError):
        return _(
            "Le certificat de sécurité (HTTPS) du serveur du calendrier n'est pas valide\u00a0: il n'a pas été lu."
        )
    if isinstance(reason, ssl.SSLError):
        return _("La connexion sécurisée (HTTPS) avec le serveur du calendrier a échoué.")
    if isinstance(reason, TimeoutError | socket.timeout):
        return timeout_text()
    if isinstance(reason, ConnectionRefusedError):
        return _("Le serveur du calendrier a refusé la connexion. Nous réessaierons.")
    if isinstance(reason, socket.gaierror):
        return _("Le serveur du calendrier est introuvable\u00a0: vérifiez l'adresse.")
    return _("Le calendrier n'a pas pu être lu (problème de connexion). Nous réessaierons.")
