"""Every mail to a person in two parts: the text, and the same words in large print (HTML)
for someone who reads their mail on a phone with large text.

The HTML part is built from the text part, not written twice: its first line is the
text's first line (the action and its deadline), then ONE big button for the action,
then the text's other paragraphs, each link under its own words (« Mes réservations et
inscriptions ») rather than a long address. Webmails (Orange, La Poste, SFR, Outlook)
drop the styles of <head>, <body> and <main>: every style is inline, on the table cells
(`STYLES`). No image, no remote resource, nothing that tracks.

The layout, `templates/emails/layout.html`, has blocks; an app with richer HTML (the
follow digests) extends it and fills `content` with rows of its own."""

import dataclasses
import re

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

FONT = "font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;"
BUTTON_BACKGROUND = "#0b4f8a"  # white on it: 8.4:1
STYLES = {
    "page": "padding:16px;background:#ffffff;",
    "first_line": f"{FONT}font-size:22px;line-height:1.5;font-weight:bold;padding:0 0 16px 0;",
    "title": f"{FONT}font-size:24px;line-height:1.5;font-weight:bold;padding:8px 0 8px 0;",
    "text": f"{FONT}font-size:19px;line-height:1.5;padding:0 0 16px 0;",
    "small": f"{FONT}font-size:18px;line-height:1.5;padding:0 0 12px 0;",
    "heading": "margin:0;font-size:inherit;line-height:1.5;font-weight:bold;",
    "link": "color:#0b4f8a;text-decoration:underline;",
    # Outlook's Word engine ignores padding on a link: the cell's height keeps the button big there.
    "button_cell": (
        f"background:{BUTTON_BACKGROUND};border-radius:8px;color:#ffffff;"
        "font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:1.5;"
    ),
    "button": (
        "display:inline-block;padding:14px 28px;color:#ffffff;text-decoration:none;font-weight:bold;"
        "font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:1.5;"
    ),
}
BUTTON_HEIGHT = 58  # 14 + 20 × 1.5 + 14 px, above the 44 px of a finger (WCAG 2.5.5)
URL = re.compile(r"^https?://\S+$")
LABEL = re.compile(r"^(?P<label>.+?)[\s\u00a0]*:$")


@dataclasses.dataclass(frozen=True)
class Button:
    """The one action of a mail: its link, and the words of the button on the page it opens."""

    url: str
    label: str


def paragraphs(text):
    """The text's blocks (separated by blank lines), each a list of lines: {"text": …},
    {"url": …}, or {"url": …, "label": …} for a line « Mes réservations : » followed by its link."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = []
        for line in (line.strip() for line in block.splitlines()):
            if URL.match(line):
                label = LABEL.match(lines[-1]["text"]) if lines and "text" in lines[-1] else None
                if label:
                    lines[-1] = {"url": line, "label": label["label"]}
                else:
                    lines.append({"url": line})
            elif line:
                lines.append({"text": line})
        if lines:
            blocks.append(lines)
    return blocks


def split_text(text, button):
    """(first line, the other paragraphs): the button's own link line, which follows the
    first line in the text, is left out (the button stands there)."""
    first, _newline, rest = text.strip().partition("\n")
    if button:
        lines = rest.splitlines()
        if button.url not in (line.strip() for line in lines):
            raise ValueError(f"Le texte du courriel doit donner le lien du bouton ({button.url}).")
        index = [line.strip() for line in lines].index(button.url)
        rest = "\n".join(lines[:index] + lines[index + 1 :])
    return first.strip(), paragraphs(rest)


def compose(subject, template, context, to, button=None, html_template="emails/layout.html", **kwargs):
    """One mail in two parts: `template` (a .txt) rendered with `context`, and its large-print
    HTML with `button` (a `Button`, for a mail that asks for an action; its link must be in
    the text). `kwargs` go to the message (headers, reply_to)."""
    text = render_to_string(template, context)
    first_line, rest = split_text(text, button)
    html = render_to_string(
        html_template,
        {
            **context,
            "subject": subject,
            "first_line": first_line,
            "paragraphs": rest,
            "button": button,
            "styles": STYLES,
            "button_background": BUTTON_BACKGROUND,
            "button_height": BUTTON_HEIGHT,
        },
    )
    message = EmailMultiAlternatives(subject=subject, body=text, to=to, **kwargs)
    message.attach_alternative(html, "text/html")
    return message
