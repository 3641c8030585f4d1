"""The open data files and the page that lists them. Plain views outside the page tree: their
addresses end in a file extension. Anonymous GETs go through the page cache like any page, and
a publish empties it, so the files follow the site at once."""

import csv
import io
import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.exports import neutralise
from opendata import datainclusion
from opendata.sessions import session_events

DATASETS = {
    "structures": (datainclusion.structures, datainclusion.STRUCTURE_FIELDS),
    "services": (datainclusion.services, datainclusion.SERVICE_FIELDS),
}


def open_data_response(content, content_type, filename=None):
    response = HttpResponse(content, content_type=content_type)
    # Open data: any site may read these files from a visitor's browser.
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_content(data):
    return json.dumps(data, ensure_ascii=False, indent=1)


def csv_cell(field, value):
    if value is None:
        return ""
    # The codes of a list are slugs, never holding a comma.
    if field in datainclusion.LIST_FIELDS:
        return ",".join(value)
    # Text a member typed stays text in a spreadsheet (core.exports.neutralise); numbers as they
    # are, and the phone number « +33… » as the schema writes it (it is checked to be one).
    if isinstance(value, str) and field != "telephone":
        return neutralise(value)
    return str(value)


def csv_content(records, fields):
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(fields)
    writer.writerows([csv_cell(field, row[field]) for field in fields] for row in records)
    return output.getvalue()


@require_safe
def dataset_json(request, dataset):
    build, _fields = DATASETS[dataset]
    return open_data_response(json_content(build(request)), "application/json")


@require_safe
def dataset_csv(request, dataset):
    build, fields = DATASETS[dataset]
    return open_data_response(csv_content(build(request), fields), "text/csv; charset=utf-8", f"{dataset}.csv")


@require_safe
def sessions_json(request):
    return open_data_response(json_content(session_events(request)), "application/ld+json")


@require_safe
def open_data_page(request):
    context = {"last_published": datainclusion.last_published(), "site_url": settings.SITE_URL}
    return render(request, "opendata/open_data.html", context)
