from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail import hooks
from wagtail.models import Page

from core import page_cache
from core.search import fold, query_words, search_query, wanted_words
from home.forms import SearchForm
from home.models import EspaceSettings

RESULTS_PER_PAGE = 10
LIMIT = 200  # results read at most: more than anyone reads


def find_pages(query, synonyms=""):
    """(pages, every_word): the public pages holding every word of `query` (or one of its
    synonyms), then, while they fill less than a page, those holding some of them; every_word
    False when none holds them all. Ordered by `ranked`."""
    every_query = search_query(query, synonyms)
    if every_query is None:
        return [], True
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    every = list(pages.search(every_query)[:LIMIT])
    some = []
    if len(query_words(query)) > 1 and len(every) < RESULTS_PER_PAGE:
        seen = {page.pk for page in every}
        some = [
            page for page in pages.search(search_query(query, synonyms, operator="or"))[:LIMIT] if page.pk not in seen
        ]
    return ranked(every, some, wanted_words(query, synonyms)), bool(every) or not some


def ranked(every, some, words):
    """Pages with a wanted word (or a synonym) in their title first; then guides and coming
    ateliers (a page type's `search_rank`) before general pages, even those holding every word;
    then pages holding every word; then the search engine's relevance."""

    def key(item):
        position, page = item
        in_title = bool(words & set(fold(page.title).split()))
        return (not in_title, -getattr(page, "search_rank", 0), position >= len(every), position)

    return [page for _, page in sorted(enumerate(every + some), key=key)]


def search(request):
    form = SearchForm(request.GET)
    # A query the form refuses (a NUL byte, say) searches nothing rather than failing.
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results, every_word = find_pages(query, EspaceSettings.for_request(request).search_synonyms)
    page_obj = page_cache.checked_page(request, Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page")))
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
