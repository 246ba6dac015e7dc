"""Shared fixtures for the default suite."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached fragments must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from tests.factories import home_page

    return home_page()
