"""After a publish, the worker makes the renditions the page and the pages listing it show, so
that no visitor waits for a picture to be encoded; `make_renditions` does it for every page."""

import io
import logging

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

import pytest
from django_tasks import default_task_backend

from core import mail, page_cache, renditions
from home.models import MemberIndexPage, MemberPage
from home.models.members import CARD_LOGO_RENDITIONS

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# The logo's {% picture %} tag in pages/member_page.html.
PAGE_LOGO_RENDITIONS = ("format-{avif,webp,png}", "fill-{256x256,128x128,384x384}")


@pytest.fixture
def enabled(settings):
    settings.RENDITIONS_AFTER_PUBLISH = True


@pytest.fixture
def queued(settings):
    """The tasks enqueued, kept instead of run (Wagtail's own index updates left out)."""
    settings.TASKS = DUMMY_TASKS

    def ours():
        results = default_task_backend.results
        return [(result.task, result.args) for result in results if result.task.module_path.startswith("core.")]

    return ours


@pytest.fixture
def member_with_new_logo(demo_site):
    """Les Mulots with a logo no page has shown yet, published."""
    member = MemberPage.objects.get(slug="les-mulots")
    member.logo = get_image_model().objects.create(title="Nouveau logo", file=get_test_image_file(size=(400, 400)))
    member.save_revision().publish()
    return member


def specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_publishing_queues_the_renditions_once_and_saving_a_draft_queues_nothing(
    enabled, queued, member_with_new_logo, django_capture_on_commit_callbacks
):
    member = member_with_new_logo
    with django_capture_on_commit_callbacks(execute=True):
        member.save_revision()
    assert queued() == []
    with django_capture_on_commit_callbacks(execute=True):
        member.save_revision().publish()
    assert queued() == [(renditions.make_page_renditions, [member.pk])]


def test_nothing_is_queued_when_switched_off(queued, member_with_new_logo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        member_with_new_logo.save_revision().publish()
    assert queued() == []


def test_the_task_makes_the_renditions_of_the_page_and_of_the_listings_that_show_it(member_with_new_logo):
    logo = member_with_new_logo.logo
    assert specs(logo) == set()
    renditions.make_page_renditions.call(member_with_new_logo.pk)
    # The member page's logo, and its card in « Le collectif » and on the home page.
    assert specs(logo) == set(Filter.expand_spec(PAGE_LOGO_RENDITIONS)) | set(Filter.expand_spec(CARD_LOGO_RENDITIONS))


# The home page keeps its list of members for every render: if it was kept before the logo's
# renditions existed, by the task's first render or a visitor's who came before the task ran,
# each render would encode them again.
@pytest.mark.parametrize("visited_before", [[], ["/"]])
def test_after_the_task_visitors_never_wait_for_an_encoding(
    member_with_new_logo, client, settings, monkeypatch, visited_before
):
    settings.PAGE_CACHE_SECONDS = 30
    member = member_with_new_logo
    for path in visited_before:
        client.get(path)
    renditions.make_page_renditions.call(member.pk)

    def encoding(*args, **kwargs):
        raise AssertionError("a visitor waited for a picture to be encoded")

    monkeypatch.setattr(get_image_model(), "generate_rendition_file", encoding)
    for path in ("/", "/le-collectif/", member.url):
        assert client.get(path)["X-Cache"] == "hit"  # the task's anonymous renders were kept
    client.cookies["sessionid"] = "not-a-session"  # an editor's render: from the values kept for every render
    for path in ("/", "/le-collectif/", member.url):
        assert client.get(path).status_code == 200


def test_a_second_run_makes_nothing_and_keeps_the_cache(member_with_new_logo, settings):
    settings.PAGE_CACHE_SECONDS = 30
    renditions.make_page_renditions.call(member_with_new_logo.pk)
    generations = page_cache.generations()
    assert renditions.make_page_renditions.call(member_with_new_logo.pk) == "3 page(s) rendue(s) sur 3, rien de neuf"
    assert page_cache.generations() == generations


def test_a_page_that_fails_is_logged_and_the_others_are_still_rendered(member_with_new_logo, monkeypatch, caplog):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("gabarit cassé")

    monkeypatch.setattr(MemberIndexPage, "get_context", broken)
    with caplog.at_level(logging.ERROR, logger="espace.renditions"):
        outcome = renditions.make_page_renditions.call(member_with_new_logo.pk)
    assert outcome.startswith("2 page(s) rendue(s) sur 3")
    failed = [record for record in caplog.records if record.name == "espace.renditions"]
    assert [record.args for record in failed] == [("http://testserver/le-collectif/",)]
    assert set(Filter.expand_spec(PAGE_LOGO_RENDITIONS)) <= specs(member_with_new_logo.logo)


def test_a_page_deleted_before_the_task_runs_is_skipped(member_with_new_logo, caplog):
    page_id = member_with_new_logo.pk
    member_with_new_logo.delete()
    with caplog.at_level(logging.INFO, logger="espace.renditions"):
        assert renditions.make_page_renditions.call(page_id) == "page supprimée"
    assert "supprimée" in caplog.text


def test_the_command_renders_every_live_public_page(demo_site, monkeypatch):
    rendered = []
    monkeypatch.setattr(renditions, "render", lambda url: rendered.append(url) or True)
    draft = Page.objects.get(slug="les-mulots")
    draft.unpublish()
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    expected = {page.get_full_url() for page in Page.objects.live().public() if page.depth > 1}
    assert set(rendered) == expected and len(rendered) == len(expected)
    assert draft.get_full_url() not in rendered
    assert out.getvalue().startswith(f"{len(expected)} page(s) rendue(s) sur {len(expected)}")


def test_the_command_can_leave_the_work_to_the_worker_one_page_a_task_after_the_mail(demo_site, queued):
    call_command("make_renditions", "--queue", stdout=io.StringIO())
    pages = Page.objects.live().public().filter(depth__gt=1)
    assert sorted(args[0] for _task, args in queued()) == sorted(pages.values_list("pk", flat=True))
    assert renditions.make_page_renditions.priority < mail.deliver.priority
