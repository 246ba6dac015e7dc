"""Shared fixtures for the default suite."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached fragments must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _broker_not_paused():
    """A test that made the broker unreachable must not leave the next one's
    emails waiting (notifications.email.BrokerPause is per process)."""
    from cooperativa.notifications.email import broker_pause

    broker_pause.end()
    yield
    broker_pause.end()


@pytest.fixture(autouse=True)
def _default_language():
    """A response in Italian leaves Italian active in the thread; start and
    end every test in the default language so reverse() gives English URLs."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    from tests.factories import home_page

    return home_page()
