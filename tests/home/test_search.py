import pytest
from bs4 import BeautifulSoup


def result_links(response):
    return [a["href"] for a in BeautifulSoup(response.content, "html.parser").select(".search-results h3 a")]


def test_search_finds_pages_by_their_words(home_page, client):
    response = client.get("/recherche/", {"q": "CNIL"})
    assert response.status_code == 200
    assert "/donnees-personnelles/" in result_links(response)


def test_search_without_a_query_shows_the_form_only(home_page, client):
    html = BeautifulSoup(client.get("/recherche/").content, "html.parser")
    assert html.find("input", attrs={"type": "search", "name": "q"})
    assert not html.select(".search-results")


def test_search_with_no_result_says_so_in_french(home_page, client):
    response = client.get("/recherche/", {"q": "zzzzqqq"})
    assert "Aucun résultat pour «\u00a0zzzzqqq\u00a0»" in response.content.decode()


def test_search_query_is_escaped_and_truncated(home_page, client):
    response = client.get("/recherche/", {"q": "<script>alert(1)</script>" + "x" * 500})
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body
    assert "x" * 201 not in body


def test_search_pagination_keeps_the_query(home_page, client):
    from home.models import StandardPage

    for n in range(12):
        home_page.add_child(instance=StandardPage(title=f"Atelier réparation {n}", slug=f"rep-{n}"))
    response = client.get("/recherche/", {"q": "réparation"})
    html = BeautifulSoup(response.content, "html.parser")
    assert len(html.select(".search-results li")) == 10
    assert "q=r%C3%A9paration&amp;page=2" in response.content.decode()


def test_a_query_with_a_nul_byte_searches_nothing_and_never_fails(home_page, client):
    response = client.get("/recherche/", {"q": "atelier\x00"})
    assert response.status_code == 200
    assert "Traceback" not in response.content.decode()


def test_double_quotes_are_dropped_and_the_words_still_found(home_page, client):
    # Found by the property-based guard: one « " » was broken syntax for SQLite's search (503).
    from home.models import StandardPage

    home_page.add_child(instance=StandardPage(title="Atelier réparation vélo", slug="rep-velo"))
    for query in ['"', 'réparation"', '"réparation" "vélo']:
        response = client.get("/recherche/", {"q": query})
        assert response.status_code == 200, query
    assert "Atelier réparation vélo" in response.content.decode()
    assert 'value="réparation vélo"' in response.content.decode()


def result_titles(client, query):
    page = BeautifulSoup(client.get("/recherche/", {"q": query}).content, "html.parser")
    return sorted(a.get_text(strip=True) for a in page.select(".search-results h3 a"))


@pytest.mark.parametrize(
    ("asked", "as_written"),
    [
        ("logiciel libres", "logiciels libres"),
        ("données personnelle", "données personnelles"),
        ("DONNEES PERSONNELLES", "données personnelles"),
        ("je veux protéger mes données", "protéger données"),
        ("protéger mes données", "protéger données"),
    ],
)
def test_the_site_search_folds_french_as_people_ask(demo_site, client, asked, as_written):
    expected = result_titles(client, as_written)
    assert expected, as_written
    assert result_titles(client, asked) == expected


def test_when_no_page_holds_every_word_pages_holding_some_come_with_a_note(demo_site, client):
    page = client.get("/recherche/", {"q": "protéger données zzzinconnu"}).content.decode()
    assert "Aucune page ne contient tous ces mots" in page
    assert result_titles(client, "protéger données zzzinconnu")


def test_when_nothing_is_found_the_librarys_topics_are_suggested(demo_site, client):
    from resources.models import Topic

    page = BeautifulSoup(client.get("/recherche/", {"q": "zzzinconnu"}).content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in page.select('[aria-labelledby="suggestions-heading"] a')}
    topic = Topic.objects.order_by("name").first()
    assert links[topic.name] == f"/ressources/?theme={topic.slug}"


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Je veux protéger mes données", ["proteger", "donnee"]),
        ("Où réparer mon ordinateur ?", ["reparer", "ordinateur"]),
        ("les mots de passe", ["mot", "passe"]),
        ("de la", ["de", "la"]),  # nothing but little words: they are all searched
    ],
)
def test_query_words_are_folded_without_the_little_words(query, words):
    from core.search import query_words

    assert query_words(query) == words


def results(client, query):
    """[(title, meta line)] of the first page of results, in order."""
    page = BeautifulSoup(client.get("/recherche/", {"q": query}).content, "html.parser")
    return [
        (
            item.select_one("h3 a").get_text(strip=True),
            item.select_one(".search-results__meta").get_text(" ", strip=True),
        )
        for item in page.select(".search-results li")
    ]


def test_everyday_words_find_what_the_site_calls_otherwise(demo_site, client):
    assert "Tablette et téléphone : les bons gestes" in [title for title, _ in results(client, "smartphone")]
    assert "Reconnaître un message piège (hameçonnage) et le signaler" in [
        title for title, _ in results(client, "arnaque")
    ]


def test_a_sentence_about_personal_data_finds_the_guides_first(demo_site, client):
    found = results(client, "je veux protéger mes données personnelles")
    kinds = [meta.split(" · ")[0] for _, meta in found]
    assert kinds.count("Guide") >= 3, found
    general = [index for index, kind in enumerate(kinds) if kind not in {"Guide", "Atelier"}]
    assert all(index > kinds.index("Guide") for index in general), found


def test_each_result_says_its_type_and_date_so_two_of_the_same_name_differ(demo_site, client):
    found = [meta for title, meta in results(client, "repair café") if title == "Repair café de la BooTIC"]
    assert len(found) == 2 and len(set(found)) == 2, found
    assert {meta.split(" · ")[0] for meta in found} == {"Atelier"}
    assert any("2017" in meta for meta in found)


def test_coordination_adds_its_own_synonyms_in_the_settings(demo_site, client):
    from home.models import EspaceSettings

    assert results(client, "zorglub") == []
    settings = EspaceSettings.for_site(demo_site)
    settings.search_synonyms = "zorglub, bidouille\n"
    settings.save()
    assert "La Vilaine Bidouille" in [title for title, _ in results(client, "zorglub")]


def test_no_result_offers_the_agenda_and_the_phone(demo_site, client):
    from home.models import EspaceSettings

    page = BeautifulSoup(client.get("/recherche/", {"q": "zzzinconnu"}).content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a")}
    assert links["Voir tous les ateliers à venir"] == "/agenda/"
    phone = EspaceSettings.for_site(demo_site).phone
    assert links[phone] == "tel:" + phone.replace(" ", "")


def test_a_synonym_group_and_its_phrases_make_one_term_of_the_query():
    from wagtail.search.query import And, Or, PlainText

    from core.search import search_query, synonym_groups

    assert ("donnee", "personnelle") in next(group for group in synonym_groups() if ("rgpd",) in group)
    query = search_query("protéger mes données personnelles")
    assert isinstance(query, And) and isinstance(query.subqueries[0], PlainText)
    assert isinstance(query.subqueries[1], Or)
    assert {sub.query_string for sub in query.subqueries[1].subqueries} == {"vie privee", "donnee personnelle", "rgpd"}
    assert search_query("de la") is not None and search_query("") is None
