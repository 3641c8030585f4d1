"""With the database unreachable, pages answer a plain 503, never a traceback."""

import json

from tests.espace.test_settings import PRODUCTION_ENV, run_python

# Nothing listens on port 1: every connection attempt is refused at once.
DOWN_ENV = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/espace", "SECURE_SSL_REDIRECT": "false"}

REQUEST_PAGES = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="espace-numerique.example", raise_request_exception=False)
out = {}
for path in ["/", "/le-projet/", "/healthz", "/recherche/?q=atelier"]:
    r = client.get(path)
    out[path] = [r.status_code, r.content.decode()]
print(json.dumps(out))
"""


def test_pages_answer_a_plain_503_and_healthz_says_the_database_is_down():
    result = run_python(REQUEST_PAGES, DOWN_ENV)
    assert result.returncode == 0, result.stderr
    responses = json.loads(result.stdout.strip().splitlines()[-1])
    assert responses["/healthz"][0] == 503
    for path in ["/", "/le-projet/", "/recherche/?q=atelier"]:
        status, body = responses[path]
        assert status == 503, path
        assert "momentanément indisponible" in body
        assert "Traceback" not in body and "OperationalError" not in body
