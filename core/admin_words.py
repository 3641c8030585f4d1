"""Admin words Wagtail builds from parts our catalogue (locale/fr) cannot reach: it joins
a page's title and subtitle with an English colon (« Nouveau: Atelier »), and sets the
workflow's name, a title in lists, as is in a sentence (« Soumettre à Validation par la
coordination »)."""

from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def header_title(view):
    """Every admin view's header and tab title, with French typography before the colon."""
    title, subtitle = view.get_page_title(), view.get_page_subtitle()
    return f"{title}\N{NO-BREAK SPACE}: {subtitle}" if subtitle else title


def install():
    WagtailAdminTemplateMixin.get_header_title = header_title


class SubmitMenuItem(SubmitForModerationMenuItem):
    """« Soumettre à validation par la coordination », « Resoumettre à relecture par… »."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if context.get("label"):
            verb, to, name = str(context["label"]).partition(" à ")
            context["label"] = f"{verb}{to}{name[:1].lower()}{name[1:]}"
        return context


def lower_case_workflow_names(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitMenuItem(order=item.order)
