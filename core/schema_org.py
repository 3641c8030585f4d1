"""Pieces of schema.org data (JSON-LD) that several pages give search engines: an address,
an image, the collective as organiser. Search engines want absolute URLs everywhere."""

import re

from django.templatetags.static import static

from core.site import absolute_url

# « 12 rue de la Gare, 35600 Redon »: a street, then a French postal code and its commune.
ADDRESS = re.compile(r"^(?P<street>.*?)[,\s]*(?P<code>\d{5})\s+(?P<city>[^,]+?)\s*$")

SITE_IMAGE = "img/partage.png"


def postal_address(street, postal_code="", city=""):
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postal_code,
        "addressLocality": city,
        "addressCountry": "FR",
    }


def address_from_text(text):
    """A PostalAddress from an address written on one line; the whole line as the street
    when it has no postal code to split on."""
    found = ADDRESS.match(text.strip())
    if found is None:
        return postal_address(text.strip())
    return postal_address(found["street"], found["code"], found["city"])


def site_image():
    return absolute_url(static(SITE_IMAGE))


def image_url(image):
    """The absolute URL of a Wagtail image's original file: no rendition to look up or make
    (on object storage the URL is absolute already)."""
    url = image.file.url
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


def collective(name):
    """The collective itself: organiser of what no member organises, and of its festivals."""
    return {"@type": "Organization", "name": name, "url": absolute_url("/")}
