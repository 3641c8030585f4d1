from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail.models import Page

from home.forms import SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET)
    # A query the form refuses (a NUL byte, say) searches nothing rather than failing.
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = Page.objects.live().public().filter(depth__gt=1).search(query) if query else Page.objects.none()
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "pages/search_results.html",
        {"search_query": query, "page_obj": page_obj, "query_string": urlencode({"q": query}) if query else ""},
    )
