"""`make validate`: what the site sends out, read by heavy independent clients on the demo site
(docs/sorties.md). The cheap checks run in the tests (tests/validators.py); these need Java or
LibreOffice and a whole demo site, so they run here, on demand:

- every public page type through the Nu HTML checker (vnu.jar, from the `vnu-jar` npm package);
- every calendar file the site serves or mails through the strict `ical` parser and the RFC rules,
  and the SEQUENCE of a booking's mails through its changes;
- the Atom feeds (feedparser and RFC 4287), the schema.org Events, canonical = sitemap address;
- every export opened by LibreOffice in fr-FR and en-US, counting the cells that look like a
  number, a date or a time but were read as text.

Prints a summary and writes var/validate/summary.json; exits 1 when anything is wrong.
"""

import datetime
import email
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "validate"
VNU_VERSION = "26.9.27"
LOCALES = ("fr-FR", "en-US")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# What a spreadsheet should have typed: an ISO or French date, a time, a number, a share.
LOOKS_TYPED = re.compile(
    r"^(\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|\d{2}/\d{2}/\d{4}( \d{2}:\d{2})?|\d{1,2}:\d{2}|-?\d+([.,]\d+)?%?)$"
)
DECIMAL_COMMA = re.compile(r"^-?\d+,\d+%?$")


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "espace.settings.test"
    database = WORK / "site.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def vnu_jar():
    """The Nu HTML checker, from the npm registry's `vnu-jar` package (kept in var/validate)."""
    jar = WORK / f"vnu-{VNU_VERSION}.jar"
    if not jar.exists():
        subprocess.run(
            ["npm", "pack", f"vnu-jar@{VNU_VERSION}", "--pack-destination", str(WORK)], check=True, capture_output=True
        )
        with tarfile.open(WORK / f"vnu-jar-{VNU_VERSION}.tgz") as archive:
            jar.write_bytes(archive.extractfile("package/build/dist/vnu.jar").read())
    return jar


def save(folder, name, content):
    path = WORK / folder / (re.sub(r"[^\w.-]+", "-", name).strip("-") or "accueil")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def public_pages(client):
    """{name: path}: every page of the sitemap, and the pages no sitemap lists (forms, errors)."""
    from agenda.models import AtelierPage, FestivalPage

    root = ET.fromstring(body(client.get("/sitemap.xml")))
    paths = {loc.text.removeprefix("http://testserver"): loc.text for loc in root.iter(f"{SITEMAP}loc")}
    atelier = AtelierPage.objects.live().filter(registration_required=True).first()
    session = atelier.occurrences.upcoming().first()
    festival = FestivalPage.objects.live().first()
    extra = [
        "/recherche/?q=tablette",
        "/agenda/?public=seniors",
        atelier.url + atelier.reverse_subpage("register", args=[session.pk]),
        festival.url + festival.reverse_subpage("my_programme"),
        "/reserver/mes-reservations/",
        "/page-qui-n-existe-pas/",
        "/agenda/calendrier.ics?membre=personne",
    ]
    return paths, extra


def check_html(client, paths, extra):
    files = [save("html", path, body(client.get(path))) for path in [*paths, *extra]]
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    for message in errors[:20]:
        print(f"  Nu : {Path(message['url']).name} l.{message.get('lastLine')} {message['message']}")
    return {"pages": len(files), "errors": len(errors), "warnings": len(messages) - len(errors)}


def check_canonical(client, paths):
    from bs4 import BeautifulSoup

    wrong = []
    for path, url in paths.items():
        page = BeautifulSoup(body(client.get(path)), "html.parser")
        canonical = page.find("link", rel="canonical")
        if canonical is None or canonical["href"] != url:
            wrong.append(path)
    print(*(f"  canonical ≠ sitemap : {path}" for path in wrong), sep="\n") if wrong else None
    return {"sitemap_urls": len(paths), "canonical_not_itself": len(wrong)}


def mailed_calendars():
    """The .ics of the mails a booking and a registration send through their changes, as SMTP sends them."""
    from django.core import mail
    from django.utils import timezone

    from agenda import emails as agenda_emails
    from agenda import registration
    from agenda.models import AtelierPage
    from booking import emails as booking_emails
    from booking import rules
    from booking.models import Room

    mail.outbox = []
    room = Room.objects.filter(bookable=True, needs_approval=True).first() or Room.objects.filter(bookable=True).first()
    start = rules.local_datetime(timezone.localdate() + datetime.timedelta(days=20), datetime.time(9))
    booking = rules.book(
        room, start, start + datetime.timedelta(hours=1), name="Annie", email="annie@exemple.fr", purpose="Essai"
    )
    booking_emails.send_status(booking)
    for move in (rules.confirm_email, rules.approve, rules.cancel):
        if move(booking):
            booking_emails.send_status(booking)
    session = AtelierPage.objects.live().filter(registration_required=True).first().occurrences.upcoming().first()
    made = registration.register(session, "Annie", "annie@exemple.fr", 1)
    agenda_emails.send_registered(made)
    registration.cancel(made)
    found = []
    for message in mail.outbox:
        parsed = email.message_from_bytes(message.message().as_bytes(linesep="\r\n"))
        found += [
            (message.subject, part.get_payload(decode=True))
            for part in parsed.walk()
            if part.get_content_type() == "text/calendar"
        ]
    return found


def check_calendars(client):
    import icalendar

    from agenda.models import AtelierPage, FestivalPage, Occurrence
    from tests.validators import ics_errors

    festival = FestivalPage.objects.live().first()
    chosen = ",".join(str(occurrence.pk) for occurrence in festival.sessions()[:3])
    urls = [
        "/agenda/calendrier.ics",
        "/agenda/calendrier.ics?public=seniors",
        f"/agenda/festival-{festival.pk}/programme.ics?seances={chosen}",
        f"/agenda/festival-{festival.pk}/programme.ics",
        *(atelier.ical_url for atelier in AtelierPage.objects.live()),
        *(f"/agenda/seance-{pk}.ics" for pk in Occurrence.objects.values_list("pk", flat=True)[:40]),
    ]
    files = [(url, body(client.get(url))) for url in urls] + mailed_calendars()
    errors = 0
    for name, content in files:
        save("ics", name, content)
        for error in ics_errors(content):
            errors += 1
            print(f"  iCalendar {name} : {error}")
    booking_sequences = [
        int(icalendar.Calendar.from_ical(content).walk("VEVENT")[0]["SEQUENCE"])
        for name, content in files
        if "servation" in name
    ]
    increasing = all(a < b for a, b in zip(booking_sequences, booking_sequences[1:], strict=False))
    return {"files": len(files), "errors": errors, "booking_sequences": booking_sequences, "increasing": increasing}


def check_feeds(client):
    from tests.validators import atom_errors

    errors = 0
    urls = ["/agenda/flux.xml", "/agenda/flux.xml?public=seniors"]
    for url in urls:
        for error in atom_errors(save("atom", url, body(client.get(url))).read_bytes()):
            errors += 1
            print(f"  Atom {url} : {error}")
    return {"feeds": len(urls), "errors": errors}


def check_events(client, paths):
    from bs4 import BeautifulSoup

    from tests.validators import EVENT_RECOMMENDED, event_errors_jsonld

    events, errors = 0, 0
    for path in paths:
        page = BeautifulSoup(body(client.get(path)), "html.parser")
        for script in page.find_all("script", type="application/ld+json"):
            data = json.loads(script.string)
            for item in data if isinstance(data, list) else [data]:
                if item.get("@type") != "Event":
                    continue
                events += 1
                # A festival has no price of its own: each session has its own.
                recommended = (
                    EVENT_RECOMMENDED if "offers" in item or "T" in item["startDate"] else EVENT_RECOMMENDED[:4]
                )
                for error in event_errors_jsonld(item, recommended):
                    errors += 1
                    print(f"  Event {path} : {error}")
    return {"events": events, "errors": errors}


def exports(client):
    """[(name, content)] of every export: the admin lists, the report, the open data."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from opendata.views import DATASETS

    client.force_login(get_user_model().objects.get(username="coordination"))
    report = {"kind": "year", "year": str(timezone.localdate().year)}
    files = [
        ("reservations.csv", "/admin/booking/booking/?export=csv"),
        ("reservations.xlsx", "/admin/booking/booking/?export=xlsx"),
        ("inscriptions.csv", "/admin/agenda/registration/?export=csv"),
        ("inscriptions.xlsx", "/admin/agenda/registration/?export=xlsx"),
        ("rapport.csv", "/admin/rapport-activite/rapport.csv?" + "&".join(f"{k}={v}" for k, v in report.items())),
        ("rapport.ods", "/admin/rapport-activite/rapport.ods?" + "&".join(f"{k}={v}" for k, v in report.items())),
        *((f"donnees-{dataset}.csv", f"/donnees-ouvertes/{dataset}.csv") for dataset in DATASETS),
    ]
    return [(name, body(client.get(url))) for name, url in files]


def libreoffice_profile(locale):
    """A LibreOffice profile whose locale (and so how CSV numbers and dates are read) is `locale`."""
    profile = WORK / f"libreoffice-{locale}"
    settings = profile / "user" / "registrymodifications.xcu"
    settings.parent.mkdir(parents=True, exist_ok=True)
    props = "".join(
        f'<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{locale}</value></prop></item>"
        for name in ("ooSetupSystemLocale", "ooLocale")
    )
    settings.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        f'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{props}'
        "</oor:items>"
    )
    return profile


def check_exports(client):
    from odf import opendocument
    from odf.namespaces import OFFICENS
    from odf.table import Table, TableCell

    files = [save("exports", name, content) for name, content in exports(client)]
    results = {}
    for locale in LOCALES:
        out = WORK / "exports" / locale
        shutil.rmtree(out, ignore_errors=True)
        command = ["soffice", f"-env:UserInstallation=file://{libreoffice_profile(locale)}", "--headless"]
        for path in files:
            # `;` between cells, `"` around them, UTF-8, from the first line (our CSV's contract).
            infilter = ["--infilter=CSV:59,34,76,1"] if path.suffix == ".csv" else []
            subprocess.run(
                [*command, *infilter, "--convert-to", "ods", "--outdir", str(out / path.suffix[1:]), str(path)],
                check=True,
                capture_output=True,
                timeout=300,
            )
        untyped, decimal_comma, typed = [], 0, 0
        for path in files:
            document = opendocument.load(str(out / path.suffix[1:] / f"{path.stem}.ods"))
            for sheet in document.spreadsheet.getElementsByType(Table):
                for cell in sheet.getElementsByType(TableCell):
                    kind, text = cell.getAttrNS(OFFICENS, "value-type"), str(cell).strip()
                    if kind and kind != "string":
                        typed += 1
                    elif LOOKS_TYPED.match(text):
                        if DECIMAL_COMMA.match(text) and path.suffix == ".csv" and locale != "fr-FR":
                            decimal_comma += 1  # the CSV is French (docs/sorties.md): known, counted apart
                        else:
                            untyped.append(f"{path.name} « {text} »")
        for cell in untyped[:20]:
            print(f"  LibreOffice {locale} : texte au lieu d'une valeur : {cell}")
        results[locale] = {
            "files": len(files),
            "typed_cells": typed,
            "untyped": len(untyped),
            "csv_decimal_comma_as_text": decimal_comma,
        }
    return results


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    setup_django()
    from django.test import Client

    client = Client()
    paths, extra = public_pages(client)
    summary = {
        "html": check_html(client, paths, extra),
        "canonical": check_canonical(client, paths),
        "icalendar": check_calendars(client),
        "atom": check_feeds(client),
        "events": check_events(client, [*paths, *extra]),
        "exports": check_exports(client),
    }
    (WORK / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    failed = (
        summary["html"]["errors"]
        or summary["canonical"]["canonical_not_itself"]
        or summary["icalendar"]["errors"]
        or not summary["icalendar"]["increasing"]
        or summary["atom"]["errors"]
        or summary["events"]["errors"]
        or any(result["untyped"] for result in summary["exports"].values())
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
