"""The demo's data files: each app's French text in `<app>/demo_data/`, in TOML, so
that people of the collective correct it without touching the code, and its pictures
next to it as small image files. Each `demo.py`
reads its own files here and builds its pages from them.

Two conventions keep the files readable: rich text is written one HTML block per
line (a paragraph, a heading, an item of a list) and stored on one line, the way
Wagtail's editor stores it; a StreamField is an array of tables, each with its block's
`type` and its `value`, its `items` for a list, or its fields for a block that has some."""

import io
import re
import tomllib
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField


class DemoDataError(CommandError):
    """A data file missing or malformed: load_demo stops and names the file and the line."""


def folder(app_label):
    return Path(apps.get_app_config(app_label).path) / "demo_data"


def parse(path):
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise DemoDataError(f"Fichier de démonstration introuvable\u00a0: {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"Fichier de démonstration mal formé\u00a0: {path} ({error})") from None


def read(app_label, name):
    """The data of `<app>/demo_data/<name>.toml`."""
    return parse(folder(app_label) / f"{name}.toml")


def read_all(app_label, name):
    """The data of each file of `<app>/demo_data/<name>/`, in the order of the file
    names: their number prefix orders the pages."""
    paths = sorted((folder(app_label) / name).glob("*.toml"))
    if not paths:
        raise DemoDataError(f"Aucun fichier de démonstration dans {folder(app_label) / name}")
    return [parse(path) for path in paths]


def picture(app_label, name):
    """The image file `<app>/demo_data/<name>`, ready for a Wagtail image."""
    path = folder(app_label) / name
    try:
        return ImageFile(io.BytesIO(path.read_bytes()), name=path.name)
    except FileNotFoundError:
        raise DemoDataError(f"Image de démonstration introuvable\u00a0: {path}") from None


def attachment(app_label, name):
    """The file `<app>/demo_data/<name>` (a PDF…), ready for a Wagtail document."""
    path = folder(app_label) / name
    try:
        return ContentFile(path.read_bytes(), name=path.name)
    except FileNotFoundError:
        raise DemoDataError(f"Document de démonstration introuvable\u00a0: {path}") from None


def html(text):
    """Rich text written one block per line, back on one line; a line break inside a
    paragraph is a space."""
    return re.sub(r"\s*\n\s*", " ", re.sub(r">\s*\n\s*<", "><", text.strip()))


def block_value(block, value):
    if isinstance(block, blocks.RichTextBlock):
        return html(value)
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {name: block_value(block.child_blocks[name], item) for name, item in value.items()}
    return value


def stream(stream_block, tables):
    """A StreamField's (type, value) pairs from its array of tables."""
    pairs = []
    for table in tables:
        block = stream_block.child_blocks[table["type"]]
        if "value" in table:
            value = table["value"]
        elif isinstance(block, blocks.ListBlock):
            value = table["items"]
        else:
            value = {key: item for key, item in table.items() if key != "type"}
        pairs.append((table["type"], block_value(block, value)))
    return pairs


def fields(model, table, names=None):
    """The table's values (all, or those of `names`) for the model's fields of the same
    names, streams and rich text converted."""
    values = {}
    for name in table if names is None else names:
        value = table[name]
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            value = stream(field.stream_block, value)
        elif isinstance(field, RichTextField):
            value = html(value)
        values[name] = value
    return values
