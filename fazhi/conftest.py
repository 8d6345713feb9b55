"""Fixtures shared by every app's tests."""

import pytest

from fazhi.core import demo as demo_data


@pytest.fixture(autouse=True)
def _fast_passwords_and_media(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    """The full demo data set (all registered builders), as a DemoWorld."""
    return demo_data.build_demo()


@pytest.fixture
def client_as(client):
    """Log the test client in as a user (the active membership is the first one)."""

    def login(user):
        client.force_login(user)
        return client

    return login
