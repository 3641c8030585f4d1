"""The deployment check (`make deploy-check`): from a clean clone of the committed
code, builds the image with podman, starts web, worker and scheduler containers
against this machine's PostgreSQL and Redis (host networking), loads the demo,
books a room over HTTP, sees the worker deliver the mails to a local SMTP sink,
backs up, wipes the database, restores and compares the manifest, runs each
container's HEALTHCHECK, and stops everything it started. Needs root (podman).

Docker Hub cannot be reached here: the base image is a local stand-in built by
../shared/containers/make-stand-in-base.sh (Debian bookworm's own Python 3.11).
"""

import html
import http.cookiejar
import json
import mailbox
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from email.header import decode_header, make_header
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "containers"
IMAGE = "localhost/espace-numerique:check"
BASE_IMAGE = "docker.io/library/python:3.11-slim-bookworm"
NAME = "espace-check"
DATABASE = "espace_deploy_check"
ROLES = ("web", "worker", "scheduler")
VOLUMES = {"media": f"{NAME}-media", "backups": f"{NAME}-backups"}
REPORT = []


def say(line):
    REPORT.append(line)
    print(f"deploy-check: {line}", flush=True)


def sh(*command, check=True, timeout=1800, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, **kwargs)  # noqa: S603
    if check and result.returncode != 0:
        raise SystemExit(f"échec : {' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def timed(*command, **kwargs):
    started = time.monotonic()
    result = sh(*command, **kwargs)
    return result, time.monotonic() - started


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def psql(sql):
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql)


def drop_database():
    # DATABASE is this script's own constant, not input.
    psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DATABASE}'")  # noqa: S608
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")


def recreate_database():
    drop_database()
    psql(f"CREATE DATABASE {DATABASE}")


def podman(*args, **kwargs):
    return sh("podman", *args, **kwargs)


def run_container(role, env_file):
    podman(
        "run", "-d", "--name", f"{NAME}-{role}", "--network", "host", "--env-file", str(env_file),
        "-v", f"{VOLUMES['media']}:/data/media", "-v", f"{VOLUMES['backups']}:/data/backups", IMAGE, role,
    )  # fmt: skip


def one_off(env_file, *command, check=True):
    return podman(
        "run", "--rm", "--network", "host", "--env-file", str(env_file),
        "-v", f"{VOLUMES['media']}:/data/media", "-v", f"{VOLUMES['backups']}:/data/backups", IMAGE, *command,
        check=check,
    )  # fmt: skip


def wait_for(what, test, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = test()
        if found:
            return found
        time.sleep(0.5)
    raise SystemExit(f"échec : {what} après {timeout} s")


def containers_up():
    """Fails at once, with its log, when an app container has stopped."""
    for role in ROLES:
        state = podman("inspect", "--format", "{{.State.Status}}", f"{NAME}-{role}").stdout.strip()
        if state != "running":
            log = podman("logs", "--tail", "30", f"{NAME}-{role}", check=False)
            raise SystemExit(f"échec : le conteneur {role} est {state}\n{log.stdout[-3000:]}{log.stderr[-3000:]}")


def ready(url):
    try:
        with urllib.request.urlopen(url + "/readyz", timeout=3) as response:  # noqa: S310 (local)
            return response.status == 200
    except OSError:
        return False


class Browser:
    """Cookies and CSRF like a person's browser, over plain HTTP."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path, data):
        request = urllib.request.Request(  # noqa: S310 (the local site)
            self.base + path, data=urllib.parse.urlencode(data).encode(), headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def form_fields(page):
    """The hidden and prefilled inputs of the page's form."""
    fields = {}
    for tag in re.findall(r"<input[^>]+>", page):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="checkbox"' not in tag:
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return fields


def book_a_room(browser):
    rooms = browser.get("/reserver/")
    room = re.search(r'href="/reserver/(la-salle-de-reunion)/"', rooms).group(1)
    week = browser.get(
        f"/reserver/{room}/?semaine=" + time.strftime("%Y-%m-%d", time.localtime(time.time() + 7 * 86400))
    )
    slot = html.unescape(re.search(r'href="(/reserver/[^"]+/demande/\?date=[^"]+)"', week).group(1))
    fields = form_fields(browser.get(slot))
    fields.update(
        name="Vérification du déploiement", email="deploiement@exemple.fr", purpose="Réunion d'essai",
        people="4", consent="on", website="",
    )  # fmt: skip
    status, page = browser.post(slot.split("?")[0], fields)
    if status != 201:
        raise SystemExit(f"échec : la réservation répond {status}\n{page[-2000:]}")
    return room


def compose_services(clone):
    """What podman-compose would start (its --dry-run prints the podman commands; version
    1.0.3 has no `config`). It still creates the project's volumes and network: removed."""
    project = f"{NAME}-compose"
    env = {**os.environ, "ESPACE_IMAGE": IMAGE}
    result = sh("podman-compose", "-p", project, "-f", "compose.yaml", "--dry-run", "up", "-d", "--no-build",
                cwd=clone, env=env)  # fmt: skip
    started = re.findall(rf"^podman run --name={project}_([a-z]+)_1 .*$", result.stdout, re.MULTILINE)
    for volume in ("database", "media", "backups"):
        podman("volume", "rm", "-f", f"{project}_{volume}", check=False)
    podman("network", "rm", "-f", f"{project}_default", check=False)
    if sorted(started) != sorted(["db", "redis", *ROLES]):
        raise SystemExit(f"échec : compose.yaml ne décrit pas la pile :\n{result.stdout[-3000:]}")
    web = next(line for line in result.stdout.splitlines() if f"--name={project}_web_1" in line)
    if "-p 127.0.0.1:8000:8000" not in web or f"{IMAGE} web" not in web:
        raise SystemExit(f"échec : le conteneur web de compose.yaml : {web}")
    return sorted(started)


def mails(maildir):
    return [message for _key, message in mailbox.Maildir(maildir, create=False).items()]


def link_in(message, site):
    body = (
        message.get_payload(decode=True)
        if not message.is_multipart()
        else message.get_payload(0).get_payload(decode=True)
    )
    return re.search(re.escape(site) + r"/reserver/reservation/\S+/", body.decode()).group(0)


def main():
    # A stop (Ctrl-C, SIGTERM) still runs the clean-up below.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit("deploy-check interrompu"))
    if os.geteuid() != 0:
        raise SystemExit("make deploy-check a besoin de root (podman).")
    os.environ["CONTAINERS_CONF"] = str(SHARED / "containers.conf")
    work = Path(tempfile.mkdtemp(prefix="deploy-check-"))
    smtp = None
    started_at = time.monotonic()
    try:
        sh("bash", str(SHARED / "make-stand-in-base.sh"), env={**os.environ, "STAND_IN_IMAGE": BASE_IMAGE})
        clone = work / "clone"
        sh("git", "clone", "--quiet", str(ROOT), str(clone))
        say(f"clone propre de {sh('git', '-C', str(clone), 'rev-parse', '--short', 'HEAD').stdout.strip()}")

        podman("rmi", "-f", IMAGE, check=False)
        build = ("podman", "build", "--pull=never", "--format", "docker", "-t", IMAGE, str(clone))
        _result, cold = timed(*build, "--no-cache")
        _result, warm = timed(*build)
        size = int(podman("image", "inspect", "--format", "{{.Size}}", IMAGE).stdout.strip())
        say(f"image construite : à froid {cold:.0f} s, à chaud {warm:.1f} s, {size / 1e6:.0f} Mo")

        env_example = (clone / ".env.example").read_text()
        (clone / ".env").write_text(env_example.replace("SECRET_KEY=\n", "SECRET_KEY=x\n").replace(
            "POSTGRES_PASSWORD=\n", "POSTGRES_PASSWORD=x\n"))  # fmt: skip
        services = compose_services(clone)
        say(f"compose.yaml lu par podman-compose ({', '.join(services)}) : chaque conteneur démarrerait")
        recreate_database()
        web_port, smtp_port = free_port(), free_port()
        maildir = work / "courriels"
        smtp = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c",
             "aiosmtpd.handlers.Mailbox", str(maildir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        site = f"http://127.0.0.1:{web_port}"
        env_file = work / "check.env"
        env_file.write_text(
            "\n".join(
                [
                    f"SECRET_KEY={secrets.token_urlsafe(50)}",
                    f"SITE_URL={site}",
                    f"PORT={web_port}",
                    f"DATABASE_URL=postgres://postgres@127.0.0.1:5432/{DATABASE}",
                    "CACHE_URL=redis://127.0.0.1:6379/13",
                    "EMAIL_HOST=127.0.0.1",
                    f"EMAIL_PORT={smtp_port}",
                    "SECURE_SSL_REDIRECT=false",
                    "SECURE_COOKIES=false",
                    "WEB_CONCURRENCY=2",
                ]
            )
            + "\n"
        )
        for volume in VOLUMES.values():
            podman("volume", "rm", "-f", volume, check=False)
        up = time.monotonic()
        for role in ROLES:
            run_container(role, env_file)
        wait_for("/readyz du conteneur web", lambda: containers_up() or ready(site))
        say(f"web prêt {time.monotonic() - up:.1f} s après le démarrage des trois conteneurs")

        podman("exec", "-e", "DJANGO_SETTINGS_MODULE=espace.settings.dev", f"{NAME}-web",
               "python", "manage.py", "load_demo")  # fmt: skip
        browser = Browser(site)
        room = book_a_room(browser)
        booked_at = time.monotonic()
        wait_for("le courriel de confirmation", lambda: maildir.exists() and mails(maildir), timeout=60)
        [first] = mails(maildir)
        link = link_in(first, site)
        say(f"réservation de {room} par HTTP : 201 ; courriel remis par le worker en "
            f"{time.monotonic() - booked_at:.1f} s, lien {link[:len(site) + 22]}…")  # fmt: skip
        path = urllib.parse.urlsplit(link).path
        fields = form_fields(browser.get(path))
        status, _page = browser.post(path, {**fields, "action": "confirm"})
        wait_for("le second courriel", lambda: len(mails(maildir)) >= 2, timeout=60)
        subjects = sorted(str(make_header(decode_header(message["subject"]))) for message in mails(maildir))
        say(f"adresse confirmée par le bouton ({status}) ; courriels reçus : {subjects}")

        result, duration = timed("podman", "exec", f"{NAME}-worker", "python", "manage.py", "backup")
        archive = re.search(r"(/data/backups/\S+\.tar)", result.stdout).group(1)
        say(f"sauvegarde en {duration:.1f} s : {result.stdout.strip()}")

        for role in ROLES:
            podman("stop", "-t", "20", f"{NAME}-{role}")
        recreate_database()
        say("base de données effacée (DROP DATABASE, CREATE DATABASE)")
        result, duration = timed(
            "podman", "run", "--rm", "--network", "host", "--env-file", str(env_file),
            "-v", f"{VOLUMES['media']}:/data/media", "-v", f"{VOLUMES['backups']}:/data/backups",
            IMAGE, "python", "manage.py", "restore", archive,
        )  # fmt: skip
        say(f"restauration en {duration:.1f} s : {result.stdout.strip()}")
        refused = one_off(env_file, "python", "manage.py", "restore", archive, check=False)
        if refused.returncode == 0 or "--force" not in refused.stderr:
            raise SystemExit("échec : une seconde restauration sans --force n'a pas été refusée")
        say("seconde restauration sans --force refusée : « " + refused.stderr.strip().splitlines()[-1][:110] + "… »")

        for role in ROLES:
            podman("start", f"{NAME}-{role}")
        wait_for("/readyz après la restauration", lambda: containers_up() or ready(site))
        manage = browser.get(path)
        if "Ma réservation" not in manage or "La salle de réunion" not in manage:
            raise SystemExit("échec : la réservation n'est plus là après la restauration")
        say("après la restauration, le lien du courriel ouvre toujours la réservation")

        time.sleep(2)  # the scheduler's first pass and the worker's first beat
        for role in ROLES:
            check = podman("healthcheck", "run", f"{NAME}-{role}", check=False)
            say(f"HEALTHCHECK {role} : {'sain' if check.returncode == 0 else 'MALADE ' + check.stdout + check.stderr}")
            if check.returncode != 0:
                raise SystemExit(1)
        say(f"tout est bon en {time.monotonic() - started_at:.0f} s")
    finally:
        # Without podman (the stand-in script failed before installing it) there is nothing to remove,
        # and the script's own message is the one to read.
        for role in ROLES if shutil.which("podman") else []:
            podman("rm", "-f", "-t", "5", f"{NAME}-{role}", check=False)
        for volume in VOLUMES.values() if shutil.which("podman") else []:
            podman("volume", "rm", "-f", volume, check=False)
        if smtp:
            smtp.terminate()
        drop_database()
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "deploy-check.json").write_text(json.dumps(REPORT, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
