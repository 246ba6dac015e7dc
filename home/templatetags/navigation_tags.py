"""Navigation for the site shell: main menu, footer links, breadcrumbs, the
home page of the active language and page ranges for pagination.

Menu links are stored once, pointing at pages of the default language; each
visitor sees the translation of the linked page in their own language (and
its translated title), so editors do not keep one menu per language.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from home.models import NavigationSettings

from ._site import current_page, current_site, home_pages_by_language

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    title: str
    url: str
    # "page" for the page being shown, "true" for the section it belongs to,
    # "" otherwise: the value of the link's aria-current attribute.
    current: str = ""


def _localize(pages):
    """Map each page's pk to its live translation in the active language,
    falling back to the page itself when it is live and has none."""
    if not pages:
        return {}
    locale = Locale.get_active()
    translations = {
        translation.translation_key: translation
        for translation in Page.objects.live().filter(
            translation_key__in={page.translation_key for page in pages}, locale=locale
        )
    }
    localized = {}
    for page in pages:
        target = translations.get(page.translation_key)
        if target is None and page.live:
            target = page
        if target is not None:
            localized[page.pk] = target
    return localized


def _menu(context, relation):
    request = context.get("request")
    if request is None:
        return []
    navigation = NavigationSettings.for_request(request)
    items = list(getattr(navigation, relation).select_related("page"))
    localized = _localize([item.page for item in items])
    page = current_page(context)
    site = current_site(request)
    root_depth = site.root_page.depth if site else 1
    links = []
    for item in items:
        target = localized.get(item.page_id)
        if target is None:
            continue
        current = ""
        if page is not None and page.pk:
            if target.pk == page.pk:
                current = "page"
            elif target.depth > root_depth and page.path.startswith(target.path):
                current = "true"
        links.append(MenuLink(item.label or target.title, target.get_url(request), current))
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu links, in the active language."""
    return _menu(context, "main_menu_items")


@register.simple_tag(takes_context=True)
def footer_menu(context):
    """The footer links, in the active language."""
    return _menu(context, "footer_items")


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The address of the home page in the active language; "/" when the
    site has none (the home page of the default language answers there)."""
    homes = home_pages_by_language(context.get("request"))
    home = homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)
    return home.get_url(context.get("request")) if home else "/"


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page=None):
    """The way from the home page down to ``page`` (default: the page being
    shown), as a list of ``{"title", "url"}``; the last item is the page
    itself. Empty on the home page, where a trail would say nothing."""
    request = context.get("request")
    page = page or current_page(context)
    if page is None or not page.pk:
        return []
    site = current_site(request)
    root_depth = site.root_page.depth if site else 2
    if page.depth <= root_depth:
        return []
    ancestors = page.get_ancestors().filter(depth__gte=root_depth)
    trail = [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]
    trail.append({"title": page.title, "url": page.get_url(request)})
    return trail


@register.simple_tag
def elided_pages(page_obj, on_each_side=1, on_ends=1):
    """The page numbers to show around the current one, with Paginator.ELLIPSIS
    where numbers are left out, so long listings keep a short pager."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )
