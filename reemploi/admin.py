"""Réemploi in the admin (wagtail-modeladmin, like the other records people leave): a
member sees and follows only its own donations, requests, devices and repairs;
Coordination sees everything and adjusts the impact table."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import CreateView, EditView

from core.admin_lists import GuardedIndexView, yes_no_column
from core.groups import is_coordinator
from home.models import member_pages_for
from reemploi import rules
from reemploi.forms import StatusForm
from reemploi.models import Device, DeviceRequest, Donation, ImpactFactor, RepairedObject

MEMBER_PERMISSIONS = [
    "view_donation",
    "change_donation",
    "view_devicerequest",
    "add_device",
    "change_device",
    "delete_device",
    "view_device",
    "add_repairedobject",
    "change_repairedobject",
    "view_repairedobject",
]
COORDINATION_PERMISSIONS = [
    *MEMBER_PERMISSIONS,
    "delete_donation",
    "delete_devicerequest",
    "delete_repairedobject",
    "view_impactfactor",
    "change_impactfactor",
    "change_reemploisettings",
]


def own(user, queryset):
    """The rows of the user's members; all of them for Coordination."""
    return queryset if is_coordinator(user) else queryset.filter(member__in=member_pages_for(user))


class OwnRowsPermissionHelper(PermissionHelper):
    def _own(self, user, obj):
        return own(user, self.model.objects.filter(pk=obj.pk)).exists()

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._own(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._own(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self._own(user, obj)


class PublicFormPermissionHelper(OwnRowsPermissionHelper):
    """Rows made elsewhere (the public forms, the repair café's table): never added here."""

    def user_can_create(self, user):
        return False


class OwnMemberFormMixin:
    """A member chooses only among its own member pages."""

    def get_form(self):
        form = super().get_form()
        if "member" in form.fields and not is_coordinator(self.request.user):
            form.fields["member"].queryset = member_pages_for(self.request.user)
        return form


class OwnCreateView(OwnMemberFormMixin, CreateView):
    pass


class OwnEditView(OwnMemberFormMixin, EditView):
    pass


class OwnRowsAdmin(ModelAdmin):
    index_view_class = GuardedIndexView
    permission_helper_class = OwnRowsPermissionHelper
    create_view_class = OwnCreateView
    edit_view_class = OwnEditView

    def get_queryset(self, request):
        return own(request.user, super().get_queryset(request).select_related("member"))


class DonationButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, ["edit"], classnames_add, classnames_exclude)
        if rules.NEXT_STEPS[obj.status] and self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.insert(
                0,
                {
                    "url": reverse("reemploi_donation_step", args=[obj.pk]),
                    "label": gettext("Étape suivante"),
                    "classname": "button button-small button-secondary",
                    "title": gettext("Changer l'étape du %(donation)s") % {"donation": obj},
                },
            )
        return buttons


class DonationAdmin(OwnRowsAdmin):
    model = Donation
    menu_label = _("Dons d'appareils")
    menu_icon = "download"
    list_display = ["__str__", "kind", "quantity", "status", "status_changed_at", "name", "email", "phone"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "organisation", "email"]
    permission_helper_class = PublicFormPermissionHelper
    button_helper_class = DonationButtonHelper
    inspect_view_enabled = True
    inspect_view_fields = [
        "member", "kind", "quantity", "age", "starts", "erased", "status", "status_changed_at", "recycled_reason",
        "name", "organisation", "email", "phone", "note", "created_at", "confirmed_at", "purged_at",
    ]  # fmt: skip


class DeviceRequestAdmin(OwnRowsAdmin):
    model = DeviceRequest
    menu_label = _("Demandes d'ordinateur")
    menu_icon = "help"
    list_display = ["__str__", "name", "phone", "email", "on_behalf_of", "device", "created_at"]
    search_fields = ["name", "email", "phone"]
    permission_helper_class = PublicFormPermissionHelper
    inspect_view_enabled = True
    inspect_view_fields = [
        "member", "device", "purpose", "name", "email", "phone", "on_behalf_of", "created_at", "confirmed_at",
    ]  # fmt: skip


class DeviceAdmin(OwnRowsAdmin):
    model = Device
    menu_label = _("Appareils proposés")
    menu_icon = "tablet-alt"
    list_display = ["kind", "description", "price", yes_no_column("available", _("disponible")), "member"]
    list_filter = ["available", "kind"]


class RepairedObjectAdmin(OwnRowsAdmin):
    model = RepairedObject
    menu_label = _("Repair café")
    menu_icon = "cogs"
    list_display = ["event_date", "category", "brand", "status", "barrier", "member"]
    list_filter = ["status", "category"]
    search_fields = ["brand", "problem"]
    # Logged at the table (/reemploi/repair-cafe/), corrected here.
    permission_helper_class = PublicFormPermissionHelper
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("category", "brand", "age_years", "problem", "status", "barrier")]
    )


class FactorPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False  # one row per ORDS category, made by reemploi.impact.ensure_factors

    def user_can_delete_obj(self, user, obj):
        return False


class ImpactFactorAdmin(ModelAdmin):
    model = ImpactFactor
    menu_label = _("Facteurs d'impact")
    menu_icon = "pick"
    list_display = ["category", "weight_kg", "co2e_kg"]
    permission_helper_class = FactorPermissionHelper
    index_view_class = GuardedIndexView


class ReemploiGroup(ModelAdminGroup):
    menu_label = _("Réemploi")
    menu_icon = "redirect"
    menu_order = 270
    items = (DonationAdmin, DeviceRequestAdmin, DeviceAdmin, RepairedObjectAdmin, ImpactFactorAdmin)


@require_http_methods(["GET", "POST"])
def donation_step(request, pk):
    """The next step of one donation; the form carries the step the person saw, and the
    change is a conditional UPDATE on it (reemploi.rules.change_status)."""
    donation = get_object_or_404(own(request.user, Donation.objects.all()), pk=pk)
    if not request.user.has_perm("reemploi.change_donation"):
        raise PermissionDenied
    form = StatusForm(request.POST or None, initial={"from_status": donation.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rules.change_status(donation, data["from_status"], data["to_status"], data["reason"])
        except rules.StepRefused as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(request, gettext("Étape enregistrée."))
        return redirect("reemploi_donation_modeladmin_index")
    context = {"donation": donation, "steps": rules.NEXT_STEPS[donation.status], "form": form}
    return TemplateResponse(request, "reemploi/admin/donation_step.html", context, status=400 if form.errors else 200)


urlpatterns = [path("reemploi/don/<int:pk>/etape/", donation_step, name="reemploi_donation_step")]
