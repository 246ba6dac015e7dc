"""Languages for the site shell: the language switcher and the hreflang
alternates in <head>.

Both come from one list, computed once per response by ``language_links``:
for a Wagtail page, its own live translations (a page whose slug was
translated is still found, through its translation key), read with its
ancestors in one query shared with the breadcrumbs (``_site.page_family``);
for any other view under the language prefix (search, feeds, /me/), Django's
``translate_url``.
Where the content has no translation in a language, the switcher leads to
the nearest translated page above it (at worst that language's home page),
and no hreflang alternate is announced for it.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from cooperativa.core.site_context import (
    current_page,
    current_site,
    home_pages_by_language,
    page_family,
)

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    # The language's name in that language ("Italiano"), as people look for it.
    name: str
    # Where the switcher leads; None when there is nothing in that language.
    url: str | None
    # Absolute address of the same content in that language, for hreflang;
    # None when this content has no translation there.
    full_url: str | None
    is_current: bool


def _language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _name(code):
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return code


def _with_query(url, request):
    # Filters and search terms mean the same in every language, so the
    # switcher keeps them (a hub filtered by area stays filtered).
    query = request.GET.urlencode()
    return f"{url}?{query}" if query and url else url


def _nearest_translated_ancestors(family, codes):
    """For each language in ``codes``, the deepest live translation of one
    of the page's ancestors (its home page at worst)."""
    ancestors = [ancestor for ancestor in family.ancestors if ancestor.depth > 1]
    nearest = {}
    for code in codes:
        for ancestor in reversed(ancestors):
            translation = family.translations_of(ancestor.translation_key).get(code)
            if translation is not None:
                nearest[code] = translation
                break
    return nearest


def _links_for_page(page, request):
    # The page itself counts even when it is a draft seen in preview.
    family = page_family(request, page)
    translations = family.translations_of(page.translation_key, include=page.pk)
    codes = _language_codes()
    missing = [code for code in codes if code not in translations]
    fallbacks = _nearest_translated_ancestors(family, missing)
    active = get_language()
    links = []
    for code in codes:
        translation = translations.get(code)
        if translation is not None:
            url = _with_query(translation.get_url(request), request)
            full_url = translation.get_full_url(request)
        else:
            fallback = fallbacks.get(code)
            url = fallback.get_url(request) if fallback else None
            full_url = None
        links.append(LanguageLink(code, _name(code), url, full_url, code == active))
    return links


def _links_for_path(request, not_found=False):
    active = get_language()
    path = request.get_full_path()
    homes = home_pages_by_language(request)
    translated = {code: translate_url(path, code) for code in _language_codes()}
    # Views outside the language prefix (accounts, the admin) answer in one
    # language only: their address does not change with the language.
    speaks_languages = not not_found and any(
        url != path for code, url in translated.items() if code != active
    )
    links = []
    for code, url in translated.items():
        if speaks_languages:
            site = current_site(request)
            full_url = site.root_url + url if site else request.build_absolute_uri(url)
        else:
            home = homes.get(code)
            url = path if code == active else (home.get_url(request) if home else None)
            full_url = None
        links.append(LanguageLink(code, _name(code), url, full_url, code == active))
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """One LanguageLink per content language, in the order of the settings."""
    request = context.get("request")
    if request is None:
        return []
    page = current_page(context)
    if page is not None:
        if not page.pk:
            # A page previewed before its first save has no translations yet.
            return []
        return _links_for_page(page, request)
    return _links_for_path(request, not_found=bool(context.get("not_found")))


@register.simple_tag
def default_language_link(links):
    """The link that hreflang="x-default" points at: the default language's,
    when the content exists in it."""
    for link in links:
        if link.code == settings.LANGUAGE_CODE and link.full_url:
            return link
    return None
