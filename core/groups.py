"""The admin's groups: Coordination, and one group per member with its page,
its collection and its permissions.

Each member's group may edit and publish its own page and sub-pages, and upload
and choose images and documents in its own collection, nothing else. The
Coordination group edits the shared pages and moderates.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Workflow, WorkflowPage
from wagtail.models.workflows import GroupApprovalTask, WorkflowTask

COORDINATION_GROUP = "Coordination"
WORKFLOW_NAME = "Validation par la coordination"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
MEMBER_GROUP_PREFIX = "Membre : "

MEMBER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COORDINATION_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_media(group, collection):
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def ensure_coordination_group(home_page):
    """The Coordination group: edits every page, all media, the settings and
    services, and approves what members submit."""
    group, _ = Group.objects.get_or_create(name=COORDINATION_GROUP)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        *Permission.objects.filter(content_type__app_label="home", codename__endswith="_service"),
        *Permission.objects.filter(content_type__app_label="home", codename="change_espacesettings"),
    )
    for codename in COORDINATION_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=_permission("wagtailcore", codename)
        )
    _grant_media(group, Collection.get_first_root_node())
    workflow = ensure_workflow(group)
    # Other apps (agenda, library…) add what Coordination needs of them.
    for hook in hooks.get_hooks("espace_setup_coordination_group"):
        hook(group, workflow)
    return group


def grant(group, app_label, codenames):
    """Gives a group some of an app's model permissions (when the groups are set up)."""
    group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def let_members_add_under(group, index):
    """Members add pages under a shared index (ateliers, guides); Coordination's
    workflow reviews them there (see `review_under`)."""
    if index is not None:
        GroupPagePermission.objects.get_or_create(
            group=group, page=index, permission=_permission("wagtailcore", "add_page")
        )


def review_under(index, workflow):
    """What members add under a shared index goes through Coordination's workflow."""
    if index is not None:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def ensure_workflow(coordination):
    """The moderation workflow that members' shared content (ateliers, guides) goes
    through; the agenda and the library attach it to their index pages.

    Wagtail's default workflow covers the whole tree, members' own pages included,
    where it would only add a confusing « Soumettre » choice: it is switched off."""
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).update(active=False)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = GroupApprovalTask.objects.create(name="Relecture par la coordination")
        task.groups.set([coordination])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def setup_member(member_page):
    """The group and collection of one member, with its permissions; idempotent."""
    group, _ = Group.objects.get_or_create(name=f"{MEMBER_GROUP_PREFIX}{member_page.title}")
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in MEMBER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=member_page, permission=_permission("wagtailcore", codename)
        )
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=member_page.title).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=member_page.title))
    _grant_media(group, collection)
    for hook in hooks.get_hooks("espace_setup_member_group"):
        hook(group, member_page)
    return group, collection


def is_coordinator(user):
    return user.is_superuser or user.groups.filter(name=COORDINATION_GROUP).exists()


class CoordinationReportsMiddleware:
    """Wagtail's reports (site history, workflows, aging pages, page types) show every
    member's work and who did what: Coordination's. The menu hides them from members,
    but Wagtail opens them by address to anyone who may edit a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        in_reports = "wagtailadmin_reports" in request.resolver_match.namespaces
        if in_reports and request.user.is_authenticated and not is_coordinator(request.user):
            raise PermissionDenied


# Only Coordination holds it (the site's settings): the page tabs members need not see ask for it.
COORDINATION_PERMISSION = "home.change_espacesettings"


def members_edit_handler(content_panels):
    """The editing screen of a page members write: their fields only. The address
    (slug, made from the title when left out) and search-engine fields are
    Coordination's: a field with a permission leaves the form of those without it."""
    promote = [
        FieldPanel(name, permission=COORDINATION_PERMISSION)
        for name in ("slug", "seo_title", "search_description", "show_in_menus")
    ]
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(promote, heading=_("Référencement"), permission=COORDINATION_PERMISSION),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )
