"""Parts of pages rendered once for every visitor ({% cache_part %}): the same bytes as a render from the
database, emptied by a publish, never a draft, never a form's token, never a visitor's own words."""

import datetime

from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.utils import timezone

import pytest

from core import page_cache
from resources.models import GuidePage

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/le-projet/",
    "/le-collectif/",
    "/le-collectif/les-mulots/",
    "/agenda/",
    "/agenda/?categorie=formation&page=1",
    "/agenda/archives/",
    "/agenda/repair-cafe/",
    "/agenda/bootic/",
    "/ressources/",
    "/ressources/?theme=securite",
    "/ressources/choisir-ses-mots-de-passe/",
    "/reserver/le-fablab/",
    "/reserver/le-fablab/?semaine={next_monday}",
]


@pytest.fixture
def editor():
    """A visitor with a session, as an editor: the page is rendered, its cached parts are not."""
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    return client


@pytest.mark.parametrize("path", PATHS)
def test_a_page_from_its_kept_parts_is_the_page_read_from_the_database(demo_site, editor, settings, path):
    today = timezone.localdate()
    path = path.format(next_monday=today + datetime.timedelta(days=7 - today.weekday()))
    settings.PAGE_CACHE_SECONDS = 0
    from_database = editor.get(path)
    settings.PAGE_CACHE_SECONDS = 30
    editor.get(path)
    kept = editor.get(path)
    assert from_database.status_code == kept.status_code == 200
    assert kept.content == from_database.content


def test_a_kept_page_part_reads_nothing_more(demo_site, editor, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 30
    editor.get("/agenda/")
    # Routing and the site only: the list of ateliers and its filters' choices are kept.
    with django_assert_max_num_queries(5):
        assert editor.get("/agenda/").status_code == 200


def test_publishing_a_change_shows_at_once_to_a_visitor_with_a_session(demo_site, editor, settings, commits):
    settings.PAGE_CACHE_SECONDS = 30
    guide = GuidePage.objects.get(slug="choisir-ses-mots-de-passe")
    editor.get(guide.url)

    def publish():
        guide.summary = "Un résumé tout neuf"
        guide.save_revision().publish()

    commits(publish)
    assert "Un résumé tout neuf" in editor.get(guide.url).content.decode()


def test_a_draft_in_preview_is_never_kept_nor_hidden_by_a_kept_part(demo_site, editor, settings, rf):
    settings.PAGE_CACHE_SECONDS = 30
    guide = GuidePage.objects.get(slug="choisir-ses-mots-de-passe")
    editor.get(guide.url)  # the live guide's parts are kept
    guide.summary = "Brouillon pas encore publié"
    original = rf.get("/", HTTP_COOKIE="sessionid=not-a-session")
    preview = guide.make_preview_request(original_request=original)
    assert "Brouillon pas encore publié" in preview.content.decode()
    assert "Brouillon pas encore publié" not in editor.get(guide.url).content.decode()


def render_twice(request, html):
    renders = []

    def render():
        renders.append(html)
        return html

    page_cache.cached_part("essai", request, render)
    page_cache.cached_part("essai", request, render)
    return len(renders)


def test_a_part_is_rendered_once_then_kept(rf, settings):
    settings.PAGE_CACHE_SECONDS = 30
    assert render_twice(rf.get("/ressources/", {"theme": "securite"}), "<p>Guides</p>") == 1


def test_a_part_is_never_kept_with_a_forms_token(rf, settings):
    settings.PAGE_CACHE_SECONDS = 30
    html = '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="secret"></form>'
    assert render_twice(rf.get("/agenda/"), html) == 2


@pytest.mark.parametrize("query", [{"q": "mots de passe"}, {"utm_source": "lettre"}, {"courriel": "1"}])
def test_a_part_is_never_kept_for_free_text_or_unknown_query_strings(rf, settings, query):
    settings.PAGE_CACHE_SECONDS = 30
    assert render_twice(rf.get("/ressources/", query), "<p>Résultats</p>") == 2


def test_parts_of_other_pages_or_filters_are_kept_apart(rf, settings):
    settings.PAGE_CACHE_SECONDS = 30
    page_cache.cached_part("content", rf.get("/agenda/"), lambda: "tous")
    page_cache.cached_part("content", rf.get("/agenda/", {"public": "seniors"}), lambda: "seniors")
    page_cache.cached_part("content", rf.get("/ressources/"), lambda: "guides")
    assert page_cache.cached_part("content", rf.get("/agenda/"), lambda: "autre") == "tous"
    assert page_cache.cached_part("content", rf.get("/agenda/", {"public": "seniors"}), lambda: "autre") == "seniors"
    assert page_cache.cached_part("content", rf.get("/ressources/"), lambda: "autre") == "guides"


@pytest.mark.parametrize("tag", ["{% cache_part %}", '{% cache_part "a" "b" %}'])
def test_a_kept_tag_without_one_name_is_refused_when_the_template_is_read(tag):
    with pytest.raises(TemplateSyntaxError, match="takes a name"):
        Template("{% load core_tags %}" + tag + "x{% endcache_part %}")


def test_a_kept_part_rendered_outside_a_request_is_rendered_as_is(settings):
    settings.PAGE_CACHE_SECONDS = 30
    template = Template('{% load core_tags %}{% cache_part "a" %}{{ word }}{% endcache_part %}')
    assert template.render(Context({"word": "un"})) == "un"
    assert template.render(Context({"word": "deux"})) == "deux"


def test_a_kept_part_is_kept_apart_for_each_site_on_one_cache(settings):
    """Two sites sharing a cache (one Redis for two collectives): the same path on each
    site keeps its own part."""
    from django.test import RequestFactory

    settings.PAGE_CACHE_SECONDS = 30
    factory = RequestFactory()
    first = page_cache.cached_part("menu", factory.get("/agenda/", HTTP_HOST="testserver"), lambda: "premier site")
    second = page_cache.cached_part("menu", factory.get("/agenda/", HTTP_HOST="localhost"), lambda: "second site")
    assert (first, second) == ("premier site", "second site")


def test_the_cache_keys_of_each_site_start_with_its_address():
    from tests.espace.test_settings import PRODUCTION_ENV, settings_value

    env = {**PRODUCTION_ENV, "CACHE_URL": "redis://127.0.0.1:6379/0"}
    assert settings_value('CACHES["default"]["KEY_PREFIX"]', env) == "espace:espace-numerique.example"
    staging = {**env, "SITE_URL": "https://essai.espace-numerique.example", "ALLOWED_HOSTS": ""}
    assert settings_value('CACHES["default"]["KEY_PREFIX"]', staging) == "espace:essai.espace-numerique.example"
