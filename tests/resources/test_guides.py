import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bs4 import BeautifulSoup

from resources.models import Alternative, GuidePage, ResourceIndexPage
from tests.resources.conftest import make_guide


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def test_reading_time_is_computed_from_the_words(library):
    words = " ".join(["mot"] * 540)
    guide = make_guide(library, "long", "Long", summary="Court.", body=[("paragraph", f"<p>{words}</p>")])
    assert guide.reading_minutes == 4  # 541 words at 180 a minute
    assert make_guide(library, "court", "Court").reading_minutes == 1


def test_a_guide_not_reviewed_for_a_year_shows_a_notice(library, client):
    old = make_guide(library, "ancien", "Ancien", last_reviewed=datetime.date(2020, 1, 1))
    fresh = make_guide(library, "recent", "Récent", last_reviewed=datetime.date.today())
    assert old.needs_review() and not fresh.needs_review()
    assert old.needs_review(today=datetime.date(2021, 1, 1)) and not old.needs_review(today=datetime.date(2020, 12, 31))
    assert "plus d'un an" in client.get(old.url).content.decode()
    assert "plus d'un an" not in client.get(fresh.url).content.decode()


def test_table_of_contents_links_to_each_section(library, client):
    guide = make_guide(
        library,
        "sommaire",
        "Sommaire",
        body=[("heading", "Pourquoi sauvegarder"), ("paragraph", "<p>…</p>"), ("heading", "La règle 3-2-1")],
    )
    page = html(client.get(guide.url))
    links = [a["href"] for a in page.select(".toc a")]
    assert links == ["#pourquoi-sauvegarder", "#la-regle-3-2-1"]
    assert page.find(id="la-regle-3-2-1").name == "h2"


def test_guide_page_shows_licence_author_related_guides_and_who_can_help(library, client):
    guide = GuidePage.objects.get(slug="choisir-ses-mots-de-passe")
    page = html(client.get(guide.url))
    assert page.find("a", rel="license")["href"].startswith("https://creativecommons.org/")
    assert guide.author.title in page.get_text()
    assert page.find(id="related-heading") is not None
    assert page.find(id="help-heading") is not None


def test_help_box_proposes_the_next_ateliers_on_the_guides_topic(library, client):
    from agenda.models import Category
    from resources.models import Topic
    from tests.agenda.factories import make_atelier

    repair, training = Category.objects.create(name="Réparer"), Category.objects.create(name="Se former")
    topic = Topic.objects.create(name="Vieux ordinateurs")
    topic.atelier_categories.set([repair])
    on_topic = make_atelier(title="Réparer son ordinateur portable", slug="reparer-portable")
    on_topic.categories = [repair]
    on_topic.save_revision().publish()
    off_topic = make_atelier(title="Découvrir le tableur", slug="tableur")
    off_topic.categories = [training]
    off_topic.save_revision().publish()
    guide = make_guide(library, "vieux-pc", "Garder son vieux PC")
    guide.topics = [topic]
    guide.save_revision().publish()

    box = html(client.get(guide.url)).find("aside", attrs={"aria-labelledby": "help-heading"})
    titles = [a.get_text() for a in box.select(".card__title a")]
    assert titles == ["Réparer son ordinateur portable"]

    untopical = make_guide(library, "sans-theme", "Sans thème")
    assert html(client.get(untopical.url)).find(id="help-heading") is None


def test_print_view_has_the_address_review_date_and_a_qr_code(library, client):
    guide = GuidePage.objects.get(slug="choisir-ses-mots-de-passe")
    response = client.get(f"{guide.url}imprimer/")
    page = html(response)
    assert page.find("svg") is not None
    assert page.select_one(".print-view__url").get_text() == guide.full_url
    assert guide.last_reviewed.strftime("%Y") in page.select_one(".print-view__footer").get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "Ctrl + P" in page.select_one(".print-view__back").get_text()  # said without JavaScript
    assert page.find("button", attrs={"data-print": True}).has_attr("hidden")  # shown by print.js only
    assert [script["src"] for script in page.find_all("script", src=True)] == ["/static/js/print.js"]


def test_alternatives_block_lists_its_category(library, client):
    guide = make_guide(library, "bureautique", "Bureautique", body=[("alternatives", {"category": "Bureautique"})])
    rows = html(client.get(guide.url)).select(".alternatives tbody tr")
    assert len(rows) == Alternative.objects.filter(category="Bureautique").count() > 0
    assert any("LibreOffice Writer" in row.get_text() for row in rows)


def test_alternatives_directory_is_searchable_and_filterable(library, client):
    page = html(client.get("/ressources/alternatives/", {"q": "word"}))
    assert "LibreOffice Writer" in page.get_text()
    everything = html(client.get("/ressources/alternatives/")).select(".alternatives tbody tr")
    assert len(everything) >= 20
    browsers = html(client.get("/ressources/alternatives/", {"categorie": "Navigateur"})).select(
        ".alternatives tbody tr"
    )
    assert 0 < len(browsers) < len(everything)


def test_filters_by_topic_level_audience_and_format(library, client):
    page = html(client.get("/ressources/", {"theme": "logiciels-libres", "format": "pas-a-pas"}))
    titles = {a.get_text(strip=True) for a in page.select(".guide-card .card__title a")}
    expected = set(
        GuidePage.objects.filter(topics__slug="logiciels-libres", format="pas-a-pas").values_list("title", flat=True)
    )
    assert titles == expected and titles


def test_coordination_is_reminded_of_guides_due_for_review(library, client):
    client.force_login(get_user_model().objects.get(username="coordination"))
    body = client.get("/admin/").content.decode()
    assert "Guides à relire" in body
    client.force_login(get_user_model().objects.get(username="mulots"))
    assert "Guides à relire" not in client.get("/admin/").content.decode()


def add_guides(index, count):
    for n in range(count):
        guide = GuidePage(title=f"Guide {n}", slug=f"guide-{n}", summary="Un guide de test sur les mots de passe.")
        guide.body = [("paragraph", "<p>Texte.</p>")]
        index.add_child(instance=guide)


def test_library_and_search_make_constant_queries_whatever_the_number_of_guides(library, client):
    urls = ["/ressources/", "/ressources/?q=mot+de+passe", "/ressources/?theme=securite&niveau=debutant"]

    def counts():
        result = {}
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result[url] = len(queries)
        return result

    index = ResourceIndexPage.objects.get()
    with_12 = counts()
    add_guides(index, 150 - GuidePage.objects.count())  # past a page of results: one query a guide would show
    assert GuidePage.objects.count() == 150
    assert counts() == with_12


def test_members_propose_guides_through_the_coordination_workflow(library):
    from wagtail.models import WorkflowPage

    assert WorkflowPage.objects.get(page=library).workflow.name == "Validation par la coordination"
    perms = library.permissions_for_user(get_user_model().objects.get(username="riwal"))
    assert perms.can_add_subpage() and not perms.can_publish_subpage()
