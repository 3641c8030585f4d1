from django.core.exceptions import ValidationError

from wagtail.images import get_image_model

import pytest

from core import listings
from home.blocks import BodyBlock, ButtonBlock, ListingBlock


def test_button_needs_a_page_or_an_address():
    block = ButtonBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"text": "Voir", "page": None, "url": ""}))
    assert set(error.value.block_errors) == {"page", "url"}
    assert "soit une page du site, soit une adresse" in str(error.value.block_errors["url"])


def test_button_refuses_a_page_and_an_address_together(db):
    from wagtail.models import Page

    block = ButtonBlock()
    root = Page.get_first_root_node()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Voir", "page": root.pk, "url": "https://example.org/"}))


def test_button_with_an_address_is_valid_and_renders_a_link():
    block = ButtonBlock()
    value = block.clean(block.to_python({"text": "Le projet", "page": None, "url": "https://example.org/projet"}))
    html = block.render(value)
    assert 'href="https://example.org/projet"' in html
    assert ">Le projet</a>" in html


def test_listing_with_no_provider_renders_nothing(monkeypatch):
    monkeypatch.setattr(listings, "_providers", {})
    block = ListingBlock()
    html = block.render(block.to_python({"source": "guides", "title": "Derniers guides", "count": 3}))
    assert html.strip() == ""


def test_listing_renders_what_its_provider_returns(monkeypatch, settings, tmp_path):
    (tmp_path / "components").mkdir()
    (tmp_path / "components" / "test_listing.html").write_text(
        "<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    # All three registries: a listing left registered with every area (the default) empties the real
    # "ateliers" listing's pages at any booking, in every later test of the process.
    monkeypatch.setattr(listings, "_providers", {})
    monkeypatch.setattr(listings, "_labels", {})
    monkeypatch.setattr(listings, "_areas", {})

    @listings.register("ateliers", "Prochains ateliers")
    def next_ateliers(count, **filters):
        return listings.Listing(
            template="components/test_listing.html",
            items=[f"Atelier {n}" for n in range(count)],
            more_url="/agenda/",
            more_label="Tout l'agenda",
        )

    block = ListingBlock()
    html = block.render(block.to_python({"source": "ateliers", "title": "Prochains ateliers", "count": 2}))
    assert "<h2>Prochains ateliers</h2>" in html
    assert "Atelier 0" in html and "Atelier 1" in html and "Atelier 2" not in html
    assert 'href="/agenda/"' in html


def test_editors_choose_among_the_listings_the_apps_registered():
    # Each app registers its own; the registry names none of them.
    assert listings.choices() == [
        ("ateliers", "Prochains ateliers"),
        ("festivals", "Festival à venir ou en cours"),
        ("guides", "Derniers guides"),
        ("members", "Membres du collectif"),
    ]
    assert ListingBlock().child_blocks["source"].field.choices[1:] == listings.choices()


def test_a_listing_passes_on_only_the_filters_the_template_gives(monkeypatch):
    received = {}
    monkeypatch.setattr(listings, "_providers", {})
    monkeypatch.setattr(listings, "_labels", {})
    monkeypatch.setattr(listings, "_areas", {})

    @listings.register("recettes", "Recettes")
    def recipes(count, **filters):
        received.update(filters, count=count)

    listings.get_listing("recettes", 4, member="un membre")
    assert received == {"count": 4, "member": "un membre"}
    assert listings.get_listing("inconnue", 4) is None


def test_every_block_has_a_label_description_and_preview_for_editors():
    for name, block in BodyBlock().child_blocks.items():
        assert block.label, name
        assert block.meta.description, name
        assert block.is_previewable, name


def test_block_preview_uses_the_site_stylesheet(admin_client):
    callout = BodyBlock().child_blocks["callout"]
    response = admin_client.get("/admin/block-preview/", {"id": callout.definition_prefix})
    assert response.status_code == 200
    assert "css/site.css" in response.content.decode()
    assert "Les ateliers sont ouverts" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("/reserver/", True),
        ("https://www.cnil.fr/", True),
        ("//evil.example/", False),
        ("javascript:alert(1)", False),
        ("ftp://example.org/", False),
        ("le-projet", False),
    ],
)
def test_button_address_is_a_full_web_address_or_a_site_path(url, valid):
    block = ButtonBlock()
    value = block.to_python({"text": "Voir", "page": None, "url": url})
    if valid:
        assert block.clean(value)["url"] == url
    else:
        with pytest.raises(ValidationError) as error:
            block.clean(value)
        assert "adresse complète" in str(error.value.block_errors["url"])


def test_an_image_needs_a_description_unless_it_is_decorative(db):
    from wagtail.images.tests.utils import get_test_image_file

    from home.blocks import FigureBlock

    image = get_image_model().objects.create(title="Atelier", file=get_test_image_file())
    block = FigureBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}))
    decorative = block.clean(block.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}}))
    assert 'alt=""' in block.render(decorative)
    described = block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "Un fer à souder"}}))
    assert 'alt="Un fer à souder"' in block.render(described)
