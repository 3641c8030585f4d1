import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

import pytest
from PIL import Image as PILImage

from agenda.models import AtelierPage
from booking.models import Room
from core import demo_data
from home.blocks import BodyBlock
from home.models import EspaceSettings, HomePage, MemberPage, StandardPage


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "users": get_user_model().objects.count(),
        "settings": EspaceSettings.objects.count(),
        "images": get_image_model().objects.count(),
    }


def test_demo_loader_is_idempotent(demo_site):
    before = counts()
    latest = dict(Page.objects.values_list("pk", "latest_revision_id"))
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest


def test_demo_replaces_wagtail_welcome_page_with_the_home_page(demo_site):
    assert isinstance(demo_site.root_page.specific, HomePage)
    assert Page.objects.filter(depth=2).count() == 1
    assert set(StandardPage.objects.values_list("slug", flat=True)) == {
        page["slug"] for page in demo_data.read_all("home", "pages")
    }


def test_demo_content_is_valid_for_the_editors_blocks(demo_site):
    for page in [HomePage.objects.get(), *StandardPage.objects.all()]:
        BodyBlock().clean(page.body)


def test_demo_settings_link_the_legal_pages(demo_site):
    settings = EspaceSettings.for_site(demo_site)
    assert settings.email
    assert [page.slug for page in settings.footer_pages] == [
        "mentions-legales",
        "donnees-personnelles",
        "accessibilite",
    ]


def test_demo_loader_prints_the_demo_accounts(db, capsys):
    call_command("load_demo")
    assert "admin / demo-espace" in capsys.readouterr().out


def test_demo_loader_refuses_to_run_outside_dev_and_test(db, settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="interdit"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db(transaction=True)
def test_demo_loader_fills_an_emptied_database(client):
    call_command("flush", "--no-input", verbosity=0)
    assert not Page.objects.exists()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get("/").status_code == 200
    assert client.get("/le-projet/").status_code == 200


def figures(page):
    return [block.value["image"] for block in page.body if block.block_type == "figure"]


def test_the_demo_shows_its_own_light_drawings_each_described(demo_site):
    pictures = [
        *figures(HomePage.objects.get()),
        *(picture for member in MemberPage.objects.all() for picture in figures(member)),
        *(
            picture
            for atelier in AtelierPage.objects.filter(slug__in=["repair-cafe", "premiers-pas-ordinateur"])
            for picture in figures(atelier)
        ),
        *(room.photo for room in Room.objects.all()),
    ]
    assert len(pictures) == 1 + MemberPage.objects.count() + 2 + Room.objects.count()
    for picture in pictures:
        alt = getattr(picture, "contextual_alt_text", None) or picture.default_alt_text
        assert alt.startswith("Dessin : ") and len(alt) > 40
        assert picture.file.size < 40_000, picture.title
    members = MemberPage.objects.select_related("logo")
    assert all(figures(member)[0].collection == member.logo.collection for member in members)  # theirs to edit


def test_each_demo_picture_is_a_small_file_with_its_title_and_alt_text():
    pictures = demo_data.read("home", "pictures")
    files = sorted(path.stem for path in (demo_data.folder("home") / "pictures").iterdir())
    assert files == sorted(pictures)  # no file without its text, no text without its file
    for key, picture in pictures.items():
        with PILImage.open(demo_data.picture("home", f"pictures/{key}.png")) as image:
            assert image.format == "PNG" and image.size == (960, 540)
        assert picture["alt"].startswith(picture["title"]) and len(picture["alt"]) > 40


def test_a_missing_demo_picture_is_named_in_the_error():
    with pytest.raises(demo_data.DemoDataError, match="pictures/absente.png"):
        demo_data.picture("home", "pictures/absente.png")


def test_a_flushed_database_gets_the_two_step_permission_back_with_the_coordination_group(db, django_user_model):
    from core import twofactor

    twofactor.enable_2fa_permission().delete()  # what `flush` does to the migration's row
    call_command("load_demo", stdout=io.StringIO())
    assert django_user_model.objects.get(username="coordination").has_perm(twofactor.ENABLE_2FA)
