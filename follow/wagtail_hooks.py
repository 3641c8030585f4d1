"""Coordination's view of the subscriptions: how many, never who (the addresses stay out
of the admin; a person leaves by the link of any email)."""

from django.db.models import Count, Q

from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.groups import is_coordinator
from follow.models import Rhythm, Subscription


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
