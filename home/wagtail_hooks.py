from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.groups import grant, is_coordinator
from home import editor_guide
from home.models import MemberPage, PlainWord, Service, member_pages_for


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "tag"
    menu_label = _("Services des membres")
    list_display = ["name", "slug", "description"]
    add_to_admin_menu = False


register_snippet(ServiceViewSet)


class PlainWordViewSet(SnippetViewSet):
    model = PlainWord
    icon = "help"
    menu_label = _("Mots de jargon")
    list_display = ["word", "plain"]
    search_fields = ["word", "plain"]
    add_to_admin_menu = False


register_snippet(PlainWordViewSet)


@hooks.register("espace_setup_coordination_group")
def let_coordination_keep_the_jargon_list(group, workflow):
    grant(group, "home", [f"{action}_plainword" for action in ("add", "change", "delete", "view")])


def _refuse_for_member_page(request, page, message):
    # A member may manage its sub-pages, but its own page stays where it is:
    # only Coordination deletes or moves a member page.
    if isinstance(page.specific, MemberPage) and not is_coordinator(request.user):
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_delete_page")
def protect_member_page_from_deletion(request, page):
    return _refuse_for_member_page(request, page, gettext("Seule la coordination peut supprimer la page d'un membre."))


@hooks.register("before_move_page")
def protect_member_page_from_moving(request, page, destination):
    return _refuse_for_member_page(request, page, gettext("Seule la coordination peut déplacer la page d'un membre."))


class MySpacePanel(Component):
    """« Mon espace » on the admin dashboard: the member's own pages, one click away."""

    name = "my_space"
    template_name = "home/panels/my_space.html"
    order = 50

    def __init__(self, pages, sections):
        self.pages = pages
        self.sections = sections

    def get_context_data(self, parent_context):
        return {"pages": self.pages, "sections": self.sections}


@hooks.register("construct_homepage_summary_items")
def no_site_counters_for_members(request, summary_items):
    # « 37 Pages, 12 Images… » counts the whole site: it tells a member nothing.
    if not is_coordinator(request.user):
        summary_items.clear()


@hooks.register("construct_homepage_panels")
def add_my_space_panel(request, panels):
    pages = list(member_pages_for(request.user))
    if pages:
        # Other apps add what concerns these members: (title, [(text, admin url), …]).
        sections = [hook(request, pages) for hook in hooks.get_hooks("espace_my_space_sections")]
        panels.insert(0, MySpacePanel(pages, [section for section in sections if section and section[1]]))


@hooks.register("insert_global_admin_css")
def admin_help_css():
    # Larger help texts in the editor: our editors are not technical. List buttons
    # (« Inspecter », « Modifier ») stay whole words in narrow columns.
    return (
        "<style>.w-field__help { font-size: 1rem; } .listing .button { white-space: nowrap; }"
        " .editor-guide { max-width: 48rem; font-size: 1.0625rem; line-height: 1.6; }</style>"
    )


@hooks.register("insert_global_admin_css")
def editor_measure_css():
    # The editor at a desk (1280 px) reads like a form, not a spreadsheet: fields and help
    # texts keep a measure of about 70 characters, and a row of fields (« Répétition »,
    # « Toutes les », « Jusqu'au ») wraps instead of squeezing one field and cutting the last.
    return (
        "<style>[data-edit-form] :is(.w-field__input, .w-field__help, .help-block) { max-width: 70ch; }"
        " [data-edit-form] .w-field-row { display: flex; flex-wrap: wrap; gap: 1rem 1.75rem; max-width: 70ch; }"
        " [data-edit-form] .w-field-row > * { flex: 1 1 12rem; min-width: 0; }"
        " [data-edit-form] .w-field-row .w-field { display: block; }"
        " [data-edit-form] .w-field__input input[type=number] { max-width: 12ch; }</style>"
    )


@hooks.register("construct_main_menu")
def hide_technical_menus_from_members(request, menu_items):
    # Reports are for Coordination. Wagtail's help (in English, on another site) gives
    # way to our guide, for everyone.
    hidden = {"help"} if is_coordinator(request.user) else {"reports", "help"}
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


def editor_guide_view(request):
    title, body, contents = editor_guide.guide()
    return TemplateResponse(request, "home/editor_guide.html", {"title": title, "body": body, "contents": contents})


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return [path("aide/", editor_guide_view, name="home_editor_guide")]


@hooks.register("register_admin_menu_item")
def editor_guide_menu_item():
    return MenuItem(_("Aide"), reverse("home_editor_guide"), name="guide", icon_name="help", order=11000)


MAIN_ACTIONS = ("action-publish", "action-submit")


@hooks.register("construct_page_action_menu")
def publish_is_the_main_button(menu_items, request, context):
    # Wagtail's main button saves a draft and hides « Publier » under an arrow, where
    # members did not find it: the way to put the page online comes first.
    if menu_items and menu_items[0].name == "action-page-locked":
        return
    main = next((item for item in menu_items if item.name in MAIN_ACTIONS), None)
    if main is not None:
        menu_items.remove(main)
        menu_items.insert(0, main)
