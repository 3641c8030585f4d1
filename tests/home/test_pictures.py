"""Every content picture of the demo: AVIF and WebP sources, sizes for a phone,
dimensions against layout shift, lazy below the first picture, alt texts kept; and
the renditions of a listing fetched with it, whatever its length."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup

from agenda.models import AtelierPage, FestivalPage
from booking.models import Room
from core import demo_data
from home.models import MemberIndexPage, MemberPage
from resources.blocks import StepsBlock
from tests.home.test_members import add_members

ALT = {key: picture["alt"] for key, picture in demo_data.read("home", "pictures").items()}


def pictures(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find_all("img")


def widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w(?:,|$)", srcset)]


def assert_responsive(img, fallback=".jpg"):
    """In a <picture> with AVIF, then WebP, the same candidates in each; the <img> a
    fallback format, with its size and at least two widths to choose from."""
    picture = img.parent
    assert picture.name == "picture"
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["src"].endswith(fallback)
    assert len(widths(img["srcset"])) >= 2
    for source in sources:
        assert widths(source["srcset"]) == widths(img["srcset"])
        assert source["sizes"] == img["sizes"]
    assert ".avif " in sources[0]["srcset"] and ".webp " in sources[1]["srcset"]


def assert_lazy(img):
    assert img["loading"] == "lazy" and img["decoding"] == "async"


def assert_eager(img):
    assert img.get("loading", "eager") == "eager"
    assert img.get("decoding") != "async"


def test_home_page_pictures_are_responsive_and_all_below_the_first_screen(home_page, client):
    figure, *logos = pictures(client.get("/"))
    assert figure["alt"] == ALT["espace"]
    assert_responsive(figure)
    assert len(logos) == 6
    for img in [figure, *logos]:
        # Under the next ateliers and the help box: nothing to load before scrolling.
        assert_lazy(img)
    for logo in logos:
        assert_responsive(logo, fallback=".png")
        assert logo["alt"] == ""
        assert logo["class"] == ["member-card__logo"]


def test_member_page_loads_its_logo_at_once_and_its_picture_lazily(home_page, client):
    logo, figure = pictures(client.get(MemberPage.objects.get(slug="les-mulots").url))
    assert_responsive(logo, fallback=".png")
    assert logo["alt"] == "" and logo["class"] == ["member__logo"]
    assert_eager(logo)
    assert_responsive(figure)
    assert figure["alt"] == ALT["atelier-seniors"]
    assert_lazy(figure)


def test_member_index_loads_only_its_first_logo_at_once(home_page, client):
    first, *others = pictures(client.get("/le-collectif/"))
    assert len(others) == 5
    assert_eager(first)
    for logo in [first, *others]:
        assert_responsive(logo, fallback=".png")
        assert logo["alt"] == ""
        assert logo["sizes"] == "4rem"
    for logo in others:
        assert_lazy(logo)


def test_room_list_loads_only_its_first_photo_at_once(home_page, client):
    first, *others = pictures(client.get(reverse("booking_rooms")))
    assert sorted(img["alt"] for img in [first, *others]) == sorted(
        ALT[key] for key in ("fablab", "salle-formation", "salle-reunion")
    )
    assert_eager(first)
    for img in [first, *others]:
        assert_responsive(img)
        # A 375 px phone at 1x gets the 320 px wide candidate, not the 480 px one of before.
        assert min(widths(img["srcset"])) == 320
    for img in others:
        assert_lazy(img)


def test_room_page_photo_comes_after_the_slots_and_waits_for_them(home_page, client):
    response = client.get(reverse("booking_room", args=["le-fablab"]))
    (photo,) = pictures(response)
    assert_responsive(photo)
    assert photo["alt"] == ALT["fablab"]
    assert_lazy(photo)
    html = response.content.decode()
    assert html.index('class="week"') < html.index("<picture")


def test_atelier_picture_at_the_end_of_its_description_is_lazy(home_page, client):
    (figure,) = pictures(client.get(AtelierPage.objects.get(slug="repair-cafe").url))
    assert_responsive(figure)
    assert figure["alt"] == ALT["repair-cafe"]
    assert_lazy(figure)


def test_picture_opening_the_content_is_not_lazy(home_page, client):
    festival = FestivalPage.objects.live().first()
    assert festival.body[0].block_type == "figure"
    (figure,) = pictures(client.get(festival.url))
    assert_responsive(figure)
    assert figure["alt"] == ALT["festival"]
    assert_eager(figure)


def test_step_picture_is_responsive_lazy_and_keeps_its_alt_text(home_page):
    image = get_image_model().objects.filter(title__startswith="Dessin : l'établi du fablab").first()
    block = StepsBlock()
    value = block.to_python(
        [
            {"title": "Ouvrez le capot", "text": "<p>Deux vis.</p>"},
            {
                "title": "Repérez la pièce",
                "text": "<p>Elle est verte.</p>",
                "image": {"image": image.pk, "alt_text": "La carte verte, en haut à gauche.", "decorative": False},
            },
        ]
    )
    (img,) = BeautifulSoup(block.render(value), "html.parser").find_all("img")
    assert_responsive(img)
    assert img["alt"] == "La carte verte, en haut à gauche."
    assert_lazy(img)


def add_rooms(count):
    fablab = Room.objects.get(slug="le-fablab")
    for n in range(count):
        room = Room.objects.get(pk=fablab.pk)
        room.pk, room.slug, room.name = None, f"salle-{n}", f"Salle {n}"
        room.save()


def queries(client, url):
    """The queries of a request whose renditions exist but are in no cache."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


def rendition_queries(sql):
    return [query for query in sql if 'FROM "wagtailimages_rendition"' in query]


@pytest.mark.parametrize(
    ("url", "add"),
    [
        ("/le-collectif/", lambda: add_members(MemberIndexPage.objects.get(), 18)),
        (reverse("booking_rooms"), lambda: add_rooms(9)),
    ],
)
def test_listing_fetches_its_renditions_in_one_query_whatever_its_length(home_page, client, url, add):
    before = queries(client, url)
    add()
    after = queries(client, url)
    assert len(after) == len(before)
    assert len(rendition_queries(after)) == 1


def test_home_page_fetches_the_renditions_of_its_six_logos_at_once(home_page, client):
    # One query for the members' logos, one for the figure of the page's text.
    assert len(rendition_queries(queries(client, "/"))) == 2
