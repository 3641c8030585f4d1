"""Uploaded media on an S3-compatible object store (moto's server on this machine),
so that several web containers share them; their URLs stay on the site."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

import boto3
import pytest
from moto.server import ThreadedMotoServer

from core import backup
from tests.core.conftest import free_port
from tests.espace.test_settings import PRODUCTION_ENV, settings_value


@pytest.fixture
def object_store():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="essai", aws_secret_access_key="essai", region_name="eu-west-3"
    ).create_bucket(Bucket="espace-medias", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    options = {
        "bucket_name": "espace-medias",
        "endpoint_url": endpoint,
        "region_name": "eu-west-3",
        "access_key": "essai",
        "secret_key": "essai",
        "querystring_auth": False,
        "file_overwrite": False,
        "custom_domain": "espace.example/media",
        "url_protocol": "https:",
    }
    storages = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield
    server.stop()


def test_media_go_to_the_object_store_and_are_served_at_the_site_address(object_store):
    name = default_storage.save("images/fablab.jpg", ContentFile(b"une photo du fablab"))
    assert default_storage.url(name) == "https://espace.example/media/images/fablab.jpg"
    with default_storage.open(name) as stored:
        assert stored.read() == b"une photo du fablab"
    # A second web container sees the same file (nothing is kept on the first one's disk).
    again = default_storage.save("images/fablab.jpg", ContentFile(b"une autre"))
    assert again != name
    assert backup.media_files() == sorted([name, again])


def test_the_bucket_setting_selects_the_object_store():
    env = {**PRODUCTION_ENV, "MEDIA_S3_BUCKET": "espace-medias", "MEDIA_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}
    storages = settings_value("STORAGES['default']", env)
    assert (
        "storages.backends.s3.S3Storage" in storages and "'custom_domain': 'espace-numerique.example/media'" in storages
    )
    assert "FileSystemStorage" in settings_value("STORAGES['default']['BACKEND']", PRODUCTION_ENV)
