"""Two-factor authentication (TOTP) for the admin, with wagtail-2fa and django-otp.

Required for the accounts holding `wagtailadmin.enable_2fa` (Coordination, superusers:
they can change every page), optional for members: a member who adds a code app is
asked for its code from then on. `manage.py remove_2fa NAME` removes a lost phone.
"""

from base64 import b32encode

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms, utils
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware
from wagtail_2fa.views import DeviceCreateView, DeviceDeleteView, DeviceQRCodeView, DeviceUpdateView, LoginView

from core import login_limits

ENABLE_2FA = "wagtailadmin.enable_2fa"


def enable_2fa_permission():
    """The permission that makes the code required. wagtail-2fa's migration creates it;
    a flushed database (`manage.py flush`, the tests) loses it, so it is made again here."""
    app_label, codename = ENABLE_2FA.split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": "Enable 2FA"}
    )
    return permission


class AdminTwoFactorMiddleware(VerifyUserPermissionsMiddleware):
    """wagtail-2fa's check, on admin URLs only: the public pages have nothing to guard
    and need not load the visitor's session for it."""

    def __call__(self, request):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return self.get_response(request)
        return super().__call__(request)


class TokenForm(forms.TokenForm):
    """django-otp 1.7 verifies against the device the form names; wagtail-2fa's form names
    none (so every code was refused): the device is the person's app that shows this code,
    else their first, which records the failure and slows the next try. Slowed per
    account: while one app waits after wrong codes, a code of another is refused too."""

    def _chosen_device(self, user):
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update())
        waiting = next((device for device in devices if not device.verify_is_allowed()[0]), None)
        if waiting:
            return waiting
        token = self.cleaned_data.get("otp_token", "")
        for device in devices:
            if token.isdigit() and would_accept(device, int(token)):
                return device
        return devices[0] if devices else None


def would_accept(device, token):
    """Whether `device` would take `token` now, without recording anything."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return totp.verify(token, device.tolerance, device.last_t + 1)


class CodeView(LoginView):
    """The code form, under the password's lockout rules: a wrong code counts as a wrong
    password, and a locked account gets the lockout page, whatever code it sends."""

    form_class = TokenForm

    def post(self, request, *args, **kwargs):
        if login_limits.locked_out(request, request.user.get_username()):
            return login_limits.lockout_response(request, request.user.get_username())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        login_limits.record_failure(self.request, self.request.user.get_username())
        return super().form_invalid(form)


class DeviceForm(forms.DeviceForm):
    """The library's form, in words a member understands."""

    LABELS = {
        "name": ("Nom de l'application", "Pour la reconnaître, par exemple «\u00a0Téléphone de Marie\u00a0»."),
        "otp_token": ("Code à 6 chiffres", "Le code que l'application affiche maintenant."),
        "password": ("Votre mot de passe actuel", "Pour vérifier que c'est bien vous."),
    }

    def __init__(self, request, **kwargs):
        super().__init__(request, **kwargs)
        for name, (label, help_text) in self.LABELS.items():
            if name in self.fields:
                self.fields[name].label, self.fields[name].help_text = label, help_text
        if "otp_token" in self.fields:
            self.fields["otp_token"].widget.attrs.update(inputmode="numeric", autocomplete="one-time-code")


class AddDeviceView(DeviceCreateView):
    form_class = DeviceForm


class RenameDeviceView(DeviceUpdateView):
    form_class = DeviceForm


class RemoveDeviceView(DeviceDeleteView):
    """The library's removal, except that an unknown device is a 404 (it answered 500) and
    the way back goes to the owner's list, not to an address taken from the form."""

    def dispatch(self, request, *args, **kwargs):
        self.device = get_object_or_404(TOTPDevice, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("wagtail_2fa_device_list", kwargs={"user_id": self.device.user_id})


class QRCodeView(DeviceQRCodeView):
    """The library's QR code, a 404 (it answered 500) when no device is being added."""

    def get(self, request):
        if utils.get_unconfirmed_device(request.user) is None:
            raise Http404
        return super().get(request)


def readable_key(device):
    """The device's secret as the apps ask to type it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def remove_devices(user):
    """Forgets `user`'s code apps (a lost or reset phone); returns how many there were."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    return count
