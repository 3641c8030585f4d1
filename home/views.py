from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail import hooks
from wagtail.models import Page

from core.search import query_words, search_query
from home.forms import SearchForm
from home.models import EspaceSettings

RESULTS_PER_PAGE = 10


def find_pages(query, synonyms=""):
    """(pages, every_word): the public pages holding every word of `query` (or one of its
    synonyms), then, while they fill less than a page, those holding some of them; every_word
    False when none holds them all. Guides and coming ateliers first in each part (`ranked`)."""
    every_query = search_query(query, synonyms)
    if every_query is None:
        return [], True
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    every = ranked(pages.search(every_query))
    if len(query_words(query)) == 1 or len(every) >= RESULTS_PER_PAGE:
        return every, True
    seen = {page.pk for page in every}
    some = [page for page in ranked(pages.search(search_query(query, synonyms, operator="or"))) if page.pk not in seen]
    return every + some, bool(every)


def ranked(results, limit=200):
    """The results in order of `search_rank` (a page type's own: higher first), by relevance
    within one rank; the first `limit` only, which is more than anyone reads."""
    return sorted(results[:limit], key=lambda page: -getattr(page, "search_rank", 0))


def search(request):
    form = SearchForm(request.GET)
    # A query the form refuses (a NUL byte, say) searches nothing rather than failing.
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results, every_word = find_pages(query, EspaceSettings.for_request(request).search_synonyms)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "search_query": query,
        "page_obj": page_obj,
        "every_word": every_word,
        "query_string": urlencode({"q": query}) if query else "",
    }
    if query and not page_obj.paginator.count:
        # Where to look instead: other apps offer their ways in, [(text, url)] (the library's topics).
        context["suggestions"] = [item for hook in hooks.get_hooks("espace_search_suggestions") for item in hook()]
    return render(request, "pages/search_results.html", context)
