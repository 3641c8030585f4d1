"""Every admin page a member's editor reaches speaks plain French: the pages linked from
the dashboard and from them, crawled as a member, hold none of the English or odd words
below (Wagtail's and modeladmin's leftovers, Django's « aucun(e) »…)."""

import re
from urllib.parse import urldefrag, urlparse

from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup

from agenda.models import AgendaIndexPage

# Whole words or exact pieces that must not be read on a page.
ODD_WORDS = [
    "Password", "Username", "Dashboard", "Search", "Edit", "Delete", "Inspect", "Inspecter",
    "Exploration", "XLSX", "aucun(e)", "un(e)", "Nouveau:", "Il y a 0 minute", "False", "True",
    "None", "Submit", "Save", "Cancel", "Loading", "Nouveau", "Nouvel(le)", "à Validation",
    "à Relecture",
]  # fmt: skip
# French sets a (non-breaking) space before a colon: « Nouveau: Atelier » is English typography.
COLON_WITHOUT_SPACE = re.compile(r"[^\W\d]+: ")
# Where a crawl must not go: it acts, or leaves the admin.
SKIPPED = ("/admin/logout/", "/admin/login/", "/admin/account/", "/admin/2fa/")
MAX_PAGES = 80


def visible_text(soup):
    """The text a reader sees in the parsed page; takes the hidden parts out of `soup`."""
    for hidden in [*soup(["script", "style", "template", "noscript"]), *soup.select("[hidden]")]:
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def odd_words_in(text):
    found = []
    for word in ODD_WORDS:
        pattern = re.escape(word) if not word[-1].isalpha() else rf"(?<![\w-]){re.escape(word)}(?![\w-])"
        if re.search(pattern, text):
            found.append(word)
    found.extend(match.group(0) for match in COLON_WITHOUT_SPACE.finditer(text))
    return found


def admin_links(soup):
    for link in soup.find_all("a", href=True):
        url = urldefrag(link["href"])[0]
        parsed = urlparse(url)
        # The same list sorted or paged again says nothing new: more pages instead.
        keys = {pair.split("=")[0] for pair in parsed.query.split("&")}
        inside = parsed.path.startswith("/admin/") and not parsed.path.startswith(SKIPPED)
        if inside and "delete" not in parsed.path and not {"ordering", "p", "o"} & keys:
            yield url


@pytest.mark.parametrize("username", ["mulots"])
def test_no_english_or_odd_word_on_the_admin_pages_a_member_reaches(home_page, client, username):
    member = get_user_model().objects.get(username=username)
    client.force_login(member)
    # First the form where Wagtail builds words from parts: its title, the workflow's button.
    first = [f"/admin/pages/add/agenda/atelierpage/{AgendaIndexPage.objects.get().pk}/"]
    seen, queue, problems = set(), [*first, "/admin/"], {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(response.content.decode(), "html.parser")  # once for links and text
        links = list(admin_links(soup))  # hidden parts included, before visible_text takes them out
        if words := odd_words_in(visible_text(soup)):
            problems[url] = words
        queue.extend(link for link in links if link not in seen)
    assert len(seen) > 20
    assert set(first) <= seen
    assert problems == {}, "\n".join(f"{url}: {words}" for url, words in problems.items())


def test_the_login_page_says_password_in_french(home_page, client):
    page = BeautifulSoup(client.get("/admin/login/").content.decode(), "html.parser")
    assert odd_words_in(visible_text(page)) == []
