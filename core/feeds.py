"""Atom feeds whose entries summarise in plain text."""

from django.utils.feedgenerator import Atom1Feed


class PlainTextAtomFeed(Atom1Feed):
    """Django declares every entry's summary as HTML (`type="html"`): a reader would then
    read « <b> » in a summary as markup. Ours are plain text, and say so."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
