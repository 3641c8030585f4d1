"""The activity report in the admin: the page, its printable version and its files, all
from the same query string."""

from functools import wraps
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse

from reports.activity import build_report
from reports.admin.forms import ReportForm
from reports.admin.permissions import report_choices
from reports.charts import report_charts
from reports.cra import cra_csv
from reports.exports import CSV_TYPE, ODS_TYPE, file_name, report_csv, report_ods


def refused_with_403(view):
    """A real 403 with its reason, where Wagtail would send back to the dashboard."""

    @wraps(view)
    def wrapped(request):
        try:
            return view(request)
        except PermissionDenied:
            return TemplateResponse(request, "reports/admin/forbidden.html", status=403)

    return wrapped


def report_context(request):
    whole, members = report_choices(request.user, request.GET.get("member", ""))
    form = ReportForm(request.GET, members, whole)
    context = {"form": form, "report": None, "sections": [], "query": ""}
    if form.is_valid():
        report = build_report(form.period(), member=form.member_page())
        charts = report_charts(report)
        member = form.cleaned_data["member"]
        context.update(
            report=report,
            sections=[(table, charts.get(table.slug, [])) for table in report.tables],
            query=urlencode({**form.query(), "member": "" if member is None else member}),
        )
    return context


@refused_with_403
def activity_view(request):
    return TemplateResponse(request, "reports/admin/activity.html", report_context(request))


@refused_with_403
def activity_print_view(request):
    return TemplateResponse(request, "reports/admin/activity_print.html", report_context(request))


def download(request, extension, content_type, write, prefix="rapport-activite"):
    context = report_context(request)
    report = context["report"]
    if report is None:
        # The same page, with what to correct, rather than an empty file.
        return TemplateResponse(request, "reports/admin/activity.html", context)
    response = HttpResponse(write(report), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, extension, prefix)}"'
    return response


@refused_with_403
def activity_csv_view(request):
    return download(request, "csv", CSV_TYPE, report_csv)


@refused_with_403
def activity_ods_view(request):
    return download(request, "ods", ODS_TYPE, report_ods)


@refused_with_403
def activity_cra_csv_view(request):
    """The national activity record alone, in the Coop's columns."""
    return download(request, "csv", CSV_TYPE, cra_csv, prefix="cra")
