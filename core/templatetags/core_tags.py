import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import page_cache, twofactor

register = template.Library()

# Escaped as JSON allows, so that no text can close the element early.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """schema.org data for search engines. A data block, not a script that runs,
    so the strict Content-Security-Policy allows it."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def minutes(duration):
    """A timedelta in whole minutes (at least one)."""
    return max(round(duration.total_seconds() / 60), 1) if duration else 0


@register.filter
def totp_key(device):
    return twofactor.readable_key(device)


class KeptNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:  # rendered outside a request: nothing to share it with
            return self.nodelist.render(context)
        return page_cache.kept_fragment(self.name.resolve(context), request, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """`{% kept "name" %}…{% endkept %}`: what is inside is rendered once for every visitor of the
    page (its path and known filters) until the content changes (core.page_cache.kept_fragment).
    Only for what is the same for everyone: no form that posts, nothing of one person."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept %} takes a name and nothing else")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(parser.compile_filter(bits[1]), nodelist)
