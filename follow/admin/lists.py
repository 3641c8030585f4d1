"""Coordination's list of the subscriptions (wagtail-modeladmin, like the other records
people leave): to find an address and erase it for someone who asks by phone, or
whose mails bounce. The choices are the person's own: never added nor changed here."""

from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView

from core.admin_lists import GuardedIndexView, yes_no
from core.choices import Audience
from follow.models import Subscription, erase_subscription

# Coordination's permissions on the list (given by the group setup, follow/wagtail_hooks.py).
PERMISSIONS = ["view_subscription", "delete_subscription"]


def followed(subscription):
    """What an address follows, in a few words; nothing ticked means everything."""
    audiences = dict(Audience.choices)
    names = [
        *(category.name for category in subscription.categories.all()),
        *(str(audiences.get(value, value)) for value in subscription.audiences),
        *(member.title for member in subscription.members.all()),
    ]
    return Truncator(", ".join(names)).chars(80) or gettext("tout")


followed.short_description = _("ce qui est suivi")


class SubscriptionPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False  # people subscribe themselves, and confirm by their link

    def user_can_edit_obj(self, user, obj):
        return False  # « Modifier mes choix » is the person's link


class SubscriptionDeleteView(DeleteView):
    def confirmation_message(self):
        return gettext(
            "Effacer l'adresse %(email)s, ses choix et la liste des ateliers qui lui ont été annoncés\u00a0? "
            "Elle ne recevra plus rien. La personne pourra se réabonner elle-même."
        ) % {"email": self.instance.email}

    def delete_instance(self):
        erase_subscription(self.instance)


class SubscriptionAdmin(ModelAdmin):
    model = Subscription
    menu_label = _("Abonnés aux ateliers")
    menu_icon = "mail"
    menu_order = 260  # after the agenda
    list_display = ["email", "rhythm", "confirmed", "created_at", followed]
    search_fields = ["email"]
    ordering = ["-created_at"]
    index_view_class = GuardedIndexView
    delete_view_class = SubscriptionDeleteView
    permission_helper_class = SubscriptionPermissionHelper

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories", "members")

    @staticmethod
    def confirmed(obj):
        return yes_no(obj.confirmed_at is not None)


SubscriptionAdmin.confirmed.short_description = _("confirmé")
