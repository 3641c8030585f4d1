from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import listings
from core.listings import URL_FIELDS
from resources.models import ResourceIndexPage


@listings.register("guides", _("Derniers guides"), areas=())
def latest_guides(count, member=None, topics=None, **_filters):
    """The latest reviewed guides, for the home page and for a member's page."""
    index = ResourceIndexPage.objects.live().only(*URL_FIELDS).first()
    if index is None:
        return None
    guides = index.guides().select_related(None)  # a card does not name the author
    more_url = index.url
    if member is not None:
        guides = guides.filter(author=member)
    if topics is not None:
        guides = guides.filter(topics__in=topics).distinct()
    return listings.Listing(
        template="components/guide_list.html",
        items=list(guides[:count]),
        more_url=more_url,
        more_label=gettext("Toute la bibliothèque"),
    )
