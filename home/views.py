from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail import hooks
from wagtail.models import Page

from core import page_cache
from core.search import query_words
from home.forms import SearchForm

RESULTS_PER_PAGE = 10


def find_pages(query):
    """(pages, every_word): the public pages holding every word of `query`; when none
    does, those holding some of them, the most relevant first (every_word False)."""
    words = query_words(query)
    if not words:
        return Page.objects.none(), True
    pages = Page.objects.live().public().filter(depth__gt=1)
    every = pages.search(" ".join(words), operator="and")
    if len(words) == 1 or every.count():
        return every, True
    return pages.search(" ".join(words), operator="or"), False


def search(request):
    form = SearchForm(request.GET)
    # A query the form refuses (a NUL byte, say) searches nothing rather than failing.
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results, every_word = find_pages(query)
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
