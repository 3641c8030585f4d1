"""The editors' guide (docs/guide-editeurs.md), shown in the admin under « Aide »:
one text, read on GitHub and on the site. Only the bits of Markdown the guide uses are
understood (headings, paragraphs, lists, **bold**, `code`), after escaping."""

import re
from functools import cache

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

GUIDE = settings.BASE_DIR / "docs" / "guide-editeurs.md"
HEADING = re.compile(r"^(#{1,3}) (.+)$")
ITEM = {"ul": re.compile(r"^- (.+)$"), "ol": re.compile(r"^\d+\. (.+)$")}


def inline(text):
    text = escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


SUB_ITEM = re.compile(r"^ +- (.+)$")


def render_items(kind, items):
    """<ul>/<ol> of [text, [sub-item texts]]: the guide nests one level, under numbered steps."""
    html = []
    for text, sub_items in items:
        nested = f"<ul>{''.join(f'<li>{inline(sub)}</li>' for sub in sub_items)}</ul>" if sub_items else ""
        html.append(f"<li>{inline(text)}{nested}</li>")
    return f"<{kind}>{''.join(html)}</{kind}>"


def render(markdown):
    """(title, html, contents): the first heading, the rest as HTML, and the [(id, text)]
    of its sections for a table of contents."""
    title, parts, contents = "", [], []
    paragraph, items, kind = [], [], None

    def flush():
        nonlocal kind
        if paragraph:
            parts.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            parts.append(render_items(kind, items))
            items.clear()
            kind = None

    for line in markdown.splitlines():
        heading = HEADING.match(line)
        item = next(((name, match) for name, pattern in ITEM.items() if (match := pattern.match(line))), None)
        sub_item = SUB_ITEM.match(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            level, text = len(heading[1]), heading[2]
            if level == 1 and not title:
                title = text
                continue
            anchor = slugify(text)
            if level == 2:
                contents.append((anchor, text))
            parts.append(f'<h{level} id="{anchor}">{inline(text)}</h{level}>')
        elif item:
            if paragraph or item[0] != kind:
                flush()
            kind = item[0]
            items.append([item[1][1], []])
        elif items and sub_item:
            items[-1][1].append(sub_item[1])
        elif items and line.startswith(" "):
            # An item going on over the next line: the last sub-item's, else the item's.
            last = items[-1]
            if last[1]:
                last[1][-1] += " " + line.strip()
            else:
                last[0] += " " + line.strip()
        else:
            if items:
                flush()
            paragraph.append(line.strip())
    flush()
    return title, mark_safe("\n".join(parts)), contents  # noqa: S308 (built from escaped text)


@cache
def guide():
    return render(GUIDE.read_text(encoding="utf-8"))
