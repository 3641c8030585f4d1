"""The counters entered by hand in the admin: Coordination keeps the kinds and sees every
entry; a member sees and edits only its own entries, for its own sessions."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from agenda.models import Occurrence
from core.groups import is_coordinator
from home.models.members import member_pages_for
from reports.models import CounterEntry, CounterKind


def visible_entries(user):
    """The entries `user` may see and edit: all for Coordination, else its members' own."""
    entries = CounterEntry.objects.all()
    return entries if is_coordinator(user) else entries.filter(member__in=member_pages_for(user))


def refuse_others_entries(request, instances):
    """Wagtail's bulk delete checks the model permission only: no deleting another's entries."""
    entries = [instance for instance in instances if isinstance(instance, CounterEntry)]
    if entries and visible_entries(request.user).filter(pk__in=[entry.pk for entry in entries]).count() < len(entries):
        raise PermissionDenied


class CounterEntryForm(WagtailAdminModelForm):
    """The member and the session offered are those of the person entering the figure."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        sessions = Occurrence.objects.select_related("atelier").order_by("-start")
        if user is not None and not is_coordinator(user):
            members = member_pages_for(user)
            self.fields["member"].queryset = members
            self.fields["member"].required = True
            self.fields["member"].empty_label = None if members.count() == 1 else "---------"
            self.fields["member"].help_text = _("Le membre qui a compté.")
            sessions = sessions.organised_by(members)
        self.fields["occurrence"].queryset = sessions


class CounterEntryPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible_entries(user).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return CounterEntry.objects.none()
        return visible_entries(user)


class OwnEntryMixin:
    """Another member's entry is not found (404), whatever its address."""

    def get_base_object_queryset(self):
        return visible_entries(self.request.user)


class OwnEntriesMixin(OwnEntryMixin):
    """The same for the views whose queryset is of entries (not the history's log
    entries, nor the usage's references: those keep their own)."""

    def get_queryset(self):
        return visible_entries(self.request.user)


class EntryEditView(OwnEntriesMixin, snippets.EditView):
    pass


class EntryDeleteView(OwnEntriesMixin, snippets.DeleteView):
    pass


class EntryHistoryView(OwnEntryMixin, snippets.HistoryView):
    pass


class EntryUsageView(OwnEntryMixin, snippets.UsageView):
    pass


class CounterKindViewSet(SnippetViewSet):
    model = CounterKind
    icon = "list-ul"
    menu_label = _("Types de compteurs")
    list_display = ["name", "description"]


class CounterEntryViewSet(SnippetViewSet):
    model = CounterEntry
    icon = "plus"
    menu_label = _("Chiffres saisis")
    list_display = ["kind", "value", "date", "member", "note"]
    list_filter = ["kind"]
    ordering = ["-date"]
    copy_view_enabled = False
    edit_view_class = EntryEditView
    delete_view_class = EntryDeleteView
    history_view_class = EntryHistoryView
    usage_view_class = EntryUsageView
    # Plain lists rather than choosers: the person sees at once the few choices it has.
    edit_handler = ObjectList(
        [
            FieldPanel("kind", widget=forms.Select),
            FieldPanel("value"),
            FieldPanel("date"),
            FieldPanel("member", widget=forms.Select),
            FieldPanel("occurrence", widget=forms.Select),
            FieldPanel("note"),
        ],
        base_form_class=CounterEntryForm,
    )

    @property
    def permission_policy(self):
        return CounterEntryPermissionPolicy(self.model)

    def get_queryset(self, request):
        return visible_entries(request.user).select_related("kind", "member")


class CountersViewSetGroup(SnippetViewSetGroup):
    items = (CounterEntryViewSet, CounterKindViewSet)
    menu_icon = "table"
    menu_label = _("Compteurs")
    menu_order = 450
