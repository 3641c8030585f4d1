"""Login limits beside django-axes's lock of one account from one address (see the
settings): an account tried from many addresses, or one address trying many accounts
(a few passwords « sprayed » over every account), is locked out too, with the same page
and for the same time. Counted from axes's own attempts, so that the admin's « Comptes
bloqués » and `axes_reset_username` lift these locks as well. The two-step login's code
form is under the same rules (core/twofactor.py); the password reset, which sends mail,
has a limit per address."""

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.admin.views import account

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from axes.models import AccessAttempt

from core.ratelimit import RateLimit, client_ip

PASSWORD_RESET_LIMIT = RateLimit("password-reset", "PASSWORD_RESETS_PER_HOUR")


def _failures(rows):
    return rows.aggregate(total=Sum("failures_since_start"))["total"] or 0


def too_many_failures(username, address):
    """Whether the account, or the address, failed too often within the lockout time."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return (
        _failures(recent.filter(username=username)) >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT
        or _failures(recent.filter(ip_address=address)) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
    )


def credentials_of(username):
    return {settings.AXES_USERNAME_FORM_FIELD: username}


def locked_out(request, username):
    """Whether `username` may not log in from this request: axes's lock, or ours."""
    return AxesProxyHandler.is_locked(request, credentials_of(username)) or too_many_failures(
        username, client_ip(request)
    )


def lockout_response(request, username):
    """Axes's French lockout page (templates/account_locked.html), status 429."""
    return get_lockout_response(request, None, credentials_of(username))


def record_failure(request, username):
    """A wrong code counts as a wrong password: axes and the limits above see it."""
    user_login_failed.send(sender=__name__, credentials=credentials_of(username), request=request)


class WideLoginLimitBackend(BaseBackend):
    """Placed after axes's backend: refuses, before any password is checked, a login to
    an account or from an address that failed too often; AxesMiddleware then answers
    its lockout page."""

    def authenticate(self, request, username=None, **kwargs):
        if request is not None and username is not None and too_many_failures(username, client_ip(request)):
            request.axes_locked_out = True
            request.axes_credentials = credentials_of(username)
            raise PermissionDenied
        return None


class PasswordResetView(account.PasswordResetView):
    """Wagtail's, limited per address: each request may send a mail."""

    def post(self, request, *args, **kwargs):
        if PASSWORD_RESET_LIMIT.exceeded(request):
            form = self.get_form()
            form.add_error(None, gettext("Trop de demandes depuis votre connexion. Réessayez dans une heure."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        PASSWORD_RESET_LIMIT.record(request, accepted=True)
        return super().post(request, *args, **kwargs)
