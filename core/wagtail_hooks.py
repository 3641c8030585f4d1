"""Guarding admin accounts. « Comptes bloqués »: Coordination sees the accounts locked
out after too many wrong passwords (django-axes) and unlocks one at once. Two-factor
codes (core/twofactor.py): required of Coordination, offered to members."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from axes.models import AccessAttempt
from axes.utils import reset

from core import admin_words, page_cache, twofactor

UNLOCK = "axes.delete_accessattempt"


def current_lockouts():
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


@require_http_methods(["GET", "POST"])
def lockouts_view(request):
    if not request.user.has_perm(UNLOCK):
        raise PermissionDenied
    if request.method == "POST":
        attempt = current_lockouts().filter(pk=request.POST.get("attempt")).first()
        if attempt is not None:
            reset(ip=attempt.ip_address, username=attempt.username)
            messages.success(
                request, gettext("Le compte «\u00a0%(name)s\u00a0» est débloqué.") % {"name": attempt.username}
            )
        return redirect("core_lockouts")
    rows = [(attempt, attempt.attempt_time + settings.AXES_COOLOFF_TIME) for attempt in current_lockouts()]
    return TemplateResponse(request, "core/lockouts.html", {"rows": rows})


hooks.register("construct_page_action_menu", admin_words.lower_case_workflow_names)


@hooks.register("register_admin_urls")
def lockout_urls():
    return [path("comptes-bloques/", lockouts_view, name="core_lockouts")]


@hooks.register("register_admin_urls")
def two_factor_urls():
    # Registered before wagtail-2fa's own (core comes first in INSTALLED_APPS), these
    # answer the same addresses.
    return [
        path("2fa/auth", twofactor.CodeView.as_view(), name="wagtail_2fa_auth"),
        path("2fa/devices/new", twofactor.AddDeviceView.as_view(), name="wagtail_2fa_device_new"),
        path("2fa/devices/<int:pk>/update", twofactor.RenameDeviceView.as_view(), name="wagtail_2fa_device_update"),
        path("2fa/devices/<int:pk>/remove", twofactor.RemoveDeviceView.as_view(), name="wagtail_2fa_device_remove"),
        path("2fa/devices/qr-code", twofactor.QRCodeView.as_view(), name="wagtail_2fa_device_qrcode"),
    ]


@hooks.register("register_permissions")
def two_factor_permission():
    app_label, codename = twofactor.ENABLE_2FA.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK)


@hooks.register("register_admin_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(_("Comptes bloqués"), reverse("core_lockouts"), icon_name="lock", order=9000)


@hooks.register("espace_setup_coordination_group")
def coordination_sees_lockouts(group, workflow):
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="axes", codename__endswith="accessattempt")
    )


@hooks.register("espace_setup_coordination_group")
def coordination_needs_two_factor(group, workflow):
    group.permissions.add(twofactor.enable_2fa_permission())


@hooks.register("before_serve_page")
def declare_cache_areas(page, request, serve_args, serve_kwargs):
    """A page class's own `cache_areas` (not a parent's: a page type that declares nothing reads
    every area, core.page_cache)."""
    areas = vars(type(page)).get("cache_areas")
    if areas is not None:
        page_cache.depends_on(request, *areas)
