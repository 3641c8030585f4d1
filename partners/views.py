"""The partners' agenda: the page other sites frame, and the page that builds its snippet.

Neither reads the session nor sets a cookie (no POST form, no CSRF token, nothing of the
person), so both are kept by the page cache and purged with the agenda (core/page_cache.py)."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from agenda.forms import AgendaFilters
from agenda.models import AgendaIndexPage
from core import page_cache
from core.csp import public_policy
from partners import widget as rules

# Any site may frame the widget: the only page with a frame-ancestors other than 'none' (and so
# without X-Frame-Options, espace.middleware). The share page frames it, as its preview.
WIDGET_POLICY = public_policy(frame_ancestors="*")
SHARE_POLICY = public_policy(frame_src="'self'")


def choices(request):
    """The agenda, its filters and the frame's looks, as the address gives them."""
    index = get_object_or_404(AgendaIndexPage.objects.live().public())
    filters, look = AgendaFilters(request.GET), rules.WidgetLook(request.GET)
    if not (filters.is_valid() and look.is_valid()):
        page_cache.keep_out_of_cache(request)
    return index, filters, look


@require_safe
def widget(request):
    """The next ateliers, as the filters choose them; a filter that names nothing (a member gone)
    says so, rather than showing the whole agenda on a partner's page."""
    page_cache.depends_on(request, "agenda")
    index, filters, look = choices(request)
    context = {
        "index": index,
        "filters": filters,
        "font": look.font,
        "agenda_url": rules.agenda_url(index, filters),
        "site_name": index.get_site().site_name,
    }
    if filters.is_valid():
        upcoming = filters.apply(index.occurrences()).upcoming(timezone.now())
        context["cards"] = upcoming.atelier_cards(1, look.count).object_list
    response = TemplateResponse(request, "partners/widget.html", context, status=200 if filters.is_valid() else 404)
    response["Content-Security-Policy"] = WIDGET_POLICY
    return response


@require_safe
def share(request):
    """« Partager l'agenda sur votre site »: the filters as a form without JavaScript, the
    snippet to copy, and the frame itself as its preview."""
    page_cache.depends_on(request)  # the frame is a page of its own
    index, filters, look = choices(request)
    context = {"index": index, "filters": filters, "look": look}
    if filters.is_valid():
        site_name = index.get_site().site_name
        context["snippet"] = rules.snippet(index, filters, look, site_name)
        context["preview"] = rules.snippet(index, filters, look, site_name, address=str)
    response = TemplateResponse(request, "partners/share.html", context)
    response["Content-Security-Policy"] = SHARE_POLICY
    return response
