from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext

import segno

from core.search import query_words
from resources.forms import AlternativeFilters, LibraryFilters
from resources.models import GUIDES_PER_PAGE, Alternative, GuidePage


def ranked_search(guides, query):
    """`guides` that match every word of `query`, best first. Search runs on the
    folded text, so accents and plurals don't matter."""
    words = query_words(query)
    if not words:
        return guides
    hits = GuidePage.objects.live().search(" ".join(words), operator="and", order_by_relevance=True)
    rank = {page.pk: position for position, page in enumerate(hits)}
    matching = list(guides.filter(pk__in=rank))
    # Guides whose title or summary hold every word come first, on every backend.

    def in_title(guide):
        return all(word in guide.search_title.split() for word in words)

    return sorted(matching, key=lambda guide: (not in_title(guide), rank[guide.pk]))


def library(request, index):
    filters = LibraryFilters(request.GET)
    guides = filters.apply(index.guides())
    if filters.query:
        guides = ranked_search(guides, filters.query)
    page_obj = Paginator(guides, GUIDES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": index, "filters": filters, "page_obj": page_obj, "query_string": filters.query_string}
    return TemplateResponse(request, "pages/resource_index_page.html", context)


def alternatives(request, index):
    categories = Alternative.objects.order_by("category").values_list("category", flat=True).distinct()
    filters = AlternativeFilters(request.GET, categories=list(categories))
    context = {"page": index, "filters": filters, "alternatives": filters.apply(Alternative.objects.all())}
    return TemplateResponse(request, "pages/alternatives.html", context)


def guide(request, page):
    related = page.related_guides.live().select_related("author").prefetch_related("topics")
    context = {"page": page, "related": related, "help_members": help_members(page)}
    return TemplateResponse(request, "pages/guide_page.html", context)


def help_members(page):
    """The members who write guides on this guide's topics: they can help."""
    from home.models import MemberPage

    return MemberPage.objects.live().filter(guides__topics__in=page.topics.all()).distinct().order_by("title")


def guide_print(request, page):
    url = page.get_full_url(request)
    qr_svg = segno.make(url, error="m").svg_inline(scale=3, title=gettext("Code QR vers ce guide en ligne"))
    return TemplateResponse(request, "pages/guide_print.html", {"page": page, "qr_svg": qr_svg, "url": url})
