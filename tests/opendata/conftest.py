import csv
import io
import json

import pytest

from tests.opendata.datainclusion_schema import SERVICE_SCHEMA, STRUCTURE_SCHEMA

FILES = {
    "structures": ("/donnees-ouvertes/structures.json", "/donnees-ouvertes/structures.csv", STRUCTURE_SCHEMA),
    "services": ("/donnees-ouvertes/services.json", "/donnees-ouvertes/services.csv", SERVICE_SCHEMA),
}
SESSIONS_URL = "/donnees-ouvertes/seances.json"
ALL_URLS = [*(url for json_url, csv_url, _ in FILES.values() for url in (json_url, csv_url)), SESSIONS_URL]


def kind_of(schema):
    """ "array", "number", "integer" or "string": how a CSV cell of this field reads back."""
    for option in schema.get("anyOf", [schema]):
        if option.get("type") in ("array", "number", "integer"):
            return option["type"]
    return "string"


def read_back(cell, kind):
    """A CSV cell as the JSON value, by the schema's type: lists are joined by commas."""
    if cell == "":
        return None
    return {"array": lambda: cell.split(","), "number": lambda: float(cell), "integer": lambda: int(cell)}.get(
        kind, lambda: cell
    )()


def parse_csv(content, schema):
    properties = schema["items"]["properties"]
    reader = csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""))
    rows = [{field: read_back(cell, kind_of(properties[field])) for field, cell in row.items()} for row in reader]
    return reader.fieldnames, rows


@pytest.fixture
def get_json(client):
    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return json.loads(response.content)

    return get
