from wagtail import blocks

import pytest

from core import demo_data


def test_a_missing_data_file_is_named():
    with pytest.raises(demo_data.DemoDataError, match=r"introuvable\u00a0: .*home/demo_data/nothing-here\.toml"):
        demo_data.read("home", "nothing-here")


def test_a_malformed_data_file_is_named_with_its_line(tmp_path):
    path = tmp_path / "page.toml"
    path.write_text('title = "Le projet"\nintro = "un guillemet oublié\n', encoding="utf-8")
    with pytest.raises(demo_data.DemoDataError, match=r"mal formé\u00a0: .*page\.toml .*line 2"):
        demo_data.parse(path)


def test_rich_text_written_one_block_per_line_is_stored_on_one_line():
    written = "\n<h2>Pour qui ?</h2>\n<p>Pour tout le monde,\n  même débutant.</p>\n<ul>\n<li>Un</li>\n</ul>\n"
    stored = "<h2>Pour qui ?</h2><p>Pour tout le monde, même débutant.</p><ul><li>Un</li></ul>"
    assert demo_data.html(written) == stored


def test_a_stream_is_an_array_of_tables_with_their_type():
    class Step(blocks.StructBlock):
        title = blocks.CharBlock()
        text = blocks.RichTextBlock()

    body = blocks.StreamBlock([("heading", blocks.CharBlock()), ("steps", blocks.ListBlock(Step())), ("step", Step())])
    tables = [
        {"type": "heading", "value": "Les étapes"},
        {"type": "steps", "items": [{"title": "Un", "text": "\n<p>Allumer</p>\n<p>l'écran</p>\n"}]},
        {"type": "step", "title": "Deux", "text": "<p>Éteindre</p>"},
    ]
    assert demo_data.stream(body, tables) == [
        ("heading", "Les étapes"),
        ("steps", [{"title": "Un", "text": "<p>Allumer</p><p>l'écran</p>"}]),
        ("step", {"title": "Deux", "text": "<p>Éteindre</p>"}),
    ]
