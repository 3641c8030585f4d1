"""Coordination's side of the subscriptions: how many on its dashboard, and the list
(`follow/admin/`) where it finds and erases an address for someone who asks; a person
leaves by the link of any email."""

from django.db.models import Count, Q

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.options import modeladmin_register

from core.groups import grant, is_coordinator
from follow.admin.lists import PERMISSIONS, SubscriptionAdmin
from follow.models import Rhythm, Subscription

modeladmin_register(SubscriptionAdmin)


class SubscribersPanel(Component):
    name = "follow_subscribers"
    template_name = "follow/panels/subscribers.html"
    order = 70

    def get_context_data(self, parent_context):
        return subscriber_counts()


def subscriber_counts():
    confirmed = Q(confirmed_at__isnull=False)
    return Subscription.objects.aggregate(
        each=Count("pk", filter=confirmed & Q(rhythm=Rhythm.EACH)),
        weekly=Count("pk", filter=confirmed & Q(rhythm=Rhythm.WEEKLY)),
        unconfirmed=Count("pk", filter=~confirmed),
    )


@hooks.register("construct_homepage_panels")
def add_subscribers_panel(request, panels):
    if is_coordinator(request.user):
        panels.append(SubscribersPanel())


@hooks.register("espace_setup_coordination_group")
def let_coordination_erase_subscriptions(group, workflow):
    grant(group, "follow", PERMISSIONS)
