from django.dispatch import receiver

from wagtail.signals import page_published

from agenda.models import AtelierPage


@receiver(page_published, sender=AtelierPage)
def refresh_occurrences(sender, instance, **kwargs):
    # The public lists, feeds and registrations work on stored occurrences.
    instance.sync_occurrences()
