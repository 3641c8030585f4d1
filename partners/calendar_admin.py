"""« Calendriers importés » in the admin: a member's editors give, change or remove the
address of their calendar, see when it was last read and why it failed, and ask for a
reading now; Coordination sees every member's. The address may hold a secret: nobody
else sees it (another member's calendar is a 404)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import URLValidator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.groups import is_coordinator
from home.models import member_pages_for
from partners.calendar_fetch import normalised_url
from partners.jobs import import_calendar
from partners.models import CalendarSource


def may_import(user):
    return is_coordinator(user) or member_pages_for(user).exists()


def sources_visible_to(user):
    sources = CalendarSource.objects.select_related("member")
    if is_coordinator(user):
        return sources
    return sources.filter(member__in=member_pages_for(user))


def visible_source(request, source_id):
    return get_object_or_404(sources_visible_to(request.user), pk=source_id)


class CalendarSourceForm(forms.ModelForm):
    url = forms.CharField(
        label=_("Adresse du calendrier (iCalendar)"),
        max_length=1000,
        help_text=CalendarSource._meta.get_field("url").help_text,
        widget=forms.URLInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    class Meta:
        model = CalendarSource
        fields = ["member", "url", "publish_directly"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        members = self.fields["member"]
        if not is_coordinator(user):
            members.queryset = member_pages_for(user)
            # Publishing at once skips Coordination's review of the ateliers: its choice.
            del self.fields["publish_directly"]
        members.empty_label = None
        members.label_from_instance = lambda member: member.title

    def clean_url(self):
        url = normalised_url(self.cleaned_data["url"])
        try:
            URLValidator(schemes=["http", "https"])(url)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                gettext("Donnez l'adresse complète du calendrier, qui commence par https:// ou webcal://.")
            ) from error
        return url


def calendars_view(request):
    if not may_import(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "partners/admin/calendars.html",
        {
            "sources": sources_visible_to(request.user).prefetch_related(None),
            "coordinator": is_coordinator(request.user),
        },
    )


def edit_view(request, source_id=None):
    if not may_import(request.user):
        raise PermissionDenied
    source = visible_source(request, source_id) if source_id else CalendarSource(added_by=request.user)
    form = CalendarSourceForm(request.POST or None, instance=source, user=request.user)
    if request.method == "POST" and form.is_valid():
        source = form.save()
        if source_id is None:
            import_calendar.enqueue(source.pk)
        messages.success(
            request,
            gettext("Calendrier enregistré. Il est lu toutes les heures\u00a0; la première lecture est demandée."),
        )
        return redirect("partners_calendars")
    return TemplateResponse(
        request,
        "partners/admin/calendar_form.html",
        {"form": form, "source": source if source_id else None},
        status=400 if form.errors else 200,
    )


@require_POST
def read_now_view(request, source_id):
    source = visible_source(request, source_id)
    import_calendar.enqueue(source.pk)
    messages.success(request, gettext("Lecture demandée\u00a0: le résultat s'affiche ici dans une minute."))
    return redirect("partners_calendars")


def delete_view(request, source_id):
    source = visible_source(request, source_id)
    if request.method == "POST":
        source.delete()
        messages.success(
            request,
            gettext("Calendrier retiré. Les ateliers déjà importés restent dans l'agenda, à vous de les gérer."),
        )
        return redirect("partners_calendars")
    return TemplateResponse(request, "partners/admin/calendar_delete.html", {"source": source})
