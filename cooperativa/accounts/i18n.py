"""Language helpers for account pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info


def url_in_language(url, language):
    """``url`` as it reads in ``language`` ("/" becomes "/it/" in Italian).

    Django's translate_url resolves the address in the active language, where
    an address of another language does not resolve; resolve it in its own.
    Absolute addresses keep their scheme and host.
    """
    own_language = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    with translation.override(own_language):
        return translate_url(url, language)


def language_names():
    """(code, name) for each language of the site, each name in its own
    language ("Italiano"), the way people look for their language."""
    names = []
    for code, fallback in settings.LANGUAGES:
        try:
            name = capfirst(get_language_info(code)["name_local"])
        except KeyError:
            name = fallback
        names.append((code, name))
    return names
