"""The editors' guide in the admin (« Aide »): the same text as docs/guide-editeurs.md."""

from django.contrib.auth import get_user_model

from bs4 import BeautifulSoup

from home import editor_guide


def test_the_guide_text_becomes_headings_lists_and_paragraphs_escaped():
    title, body, contents = editor_guide.render(
        "# Le guide\n\nIntro sur\ndeux lignes.\n\n## 1. Se connecter\n\n1. Ouvrez **le site**.\n2. Tapez `/admin/`.\n"
        "3. Choisissez :\n   - « H2 » ;\n   - « H3 »\n     en deux lignes.\n"
        "- une puce\n  qui continue\n\n### Détail\n\nTexte <script>alert(1)</script>\n"
    )
    page = BeautifulSoup(body, "html.parser")
    assert title == "Le guide"
    assert contents == [("1-se-connecter", "1. Se connecter")]
    assert page.p.get_text() == "Intro sur deux lignes."
    assert page.find("h2", id="1-se-connecter") is not None and page.find("h3").get_text() == "Détail"
    steps = page.ol.find_all("li", recursive=False)
    assert [li.decode_contents() for li in steps[:2]] == [
        "Ouvrez <strong>le site</strong>.",
        "Tapez <code>/admin/</code>.",
    ]
    assert [li.get_text() for li in steps[2].ul.find_all("li")] == ["« H2 » ;", "« H3 » en deux lignes."]
    assert [li.get_text() for li in page.find_all("ul", recursive=False)[0].find_all("li")] == ["une puce qui continue"]
    assert page.find("script") is None and "&lt;script&gt;" in body


def test_the_real_guide_leaves_no_markdown_behind():
    _title, body, _contents = editor_guide.guide()
    page = BeautifulSoup(body, "html.parser")
    assert "**" not in page.get_text() and "`" not in page.get_text()
    assert not any(
        item.get_text().lstrip().startswith("- ") or " - «" in item.get_text() for item in page.find_all("li")
    )
    assert len(page.select("ol > li > ul")) >= 4  # the steps with choices under them


def test_every_editor_finds_the_guide_under_aide_and_not_wagtails_english_help(demo_site, client):
    title, _body, contents = editor_guide.guide()
    assert title == "Guide pour mettre à jour sa page" and len(contents) >= 10
    for username in ("mulots", "coordination"):
        client.force_login(get_user_model().objects.get(username=username))
        dashboard = client.get("/admin/").content.decode()
        assert '"name": "guide"' in dashboard and '"name": "help"' not in dashboard
        page = BeautifulSoup(client.get("/admin/aide/").content, "html.parser")
        assert page.find("h1").get_text(strip=True) == title
        toc = page.find("nav", attrs={"aria-labelledby": "guide-contents"})
        assert [a["href"] for a in toc.find_all("a")] == [f"#{anchor}" for anchor, _text in contents]
        assert all(page.find("h2", id=anchor) is not None for anchor, _text in contents)
    client.force_login(get_user_model().objects.get(username="mulots"))
    my_space = BeautifulSoup(client.get("/admin/").content, "html.parser").find(
        "section", attrs={"aria-labelledby": "my-space-heading"}
    )
    assert my_space.find("a", href="/admin/aide/") is not None


def test_the_guide_needs_a_login(client):
    response = client.get("/admin/aide/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
