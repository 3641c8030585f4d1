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
    assert "Aucun résultat pour « zzzzqqq »" in response.content.decode()


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
