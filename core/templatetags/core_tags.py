import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import page_cache, twofactor
from core.site import absolute_url

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


class CachedPartNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:  # rendered outside a request: nothing to share it with
            return self.nodelist.render(context)
        return page_cache.cached_part(self.name.resolve(context), request, lambda: self.nodelist.render(context))


@register.tag
def cache_part(parser, token):
    """`{% cache_part "name" %}…{% endcache_part %}`: a part of the page cache (core.page_cache.
    cached_part), rendered once for every visitor of the page (its path and known filters) until
    the content changes. Wagtail's `{% wagtailcache %}` keeps a fragment for a fixed time and
    knows nothing of a booking or a registration; this one follows the page cache's purges.
    Only for what is the same for everyone: no form that posts, nothing of one person."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% cache_part %} takes a name and nothing else")
    nodelist = parser.parse(("endcache_part",))
    parser.delete_first_token()
    return CachedPartNode(parser.compile_filter(bits[1]), nodelist)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own public address, without its query string (filters, pages of a list):
    a sub-route (`/ressources/alternatives/`) or a plain view is its own page for search engines."""
    request = context.get("request")
    return absolute_url(request.path) if request else ""


@register.simple_tag
def absolute_static(path):
    """A static file at the site's public address (link previews need an absolute URL)."""
    return absolute_url(static(path))


class CaptureNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        # Already escaped by the template's own rendering: marked safe, never escaped twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}` renders what is inside once into `name`:
    the title block serves the <title> and the link previews' og:title."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("{% capture as name %} takes a name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(bits[2], nodelist)
