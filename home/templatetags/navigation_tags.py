"""Navigation for the site shell: main menu, footer links, breadcrumbs, the
home page of the active language and page ranges for pagination.

Menu links are stored once, pointing at pages of the default language; each
visitor sees the translation of the linked page in their own language (and
its translated title), so editors do not keep one menu per language.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Q, Value
from django.utils.translation import get_language
from wagtail.models import Page

from cooperativa.core.page_cache import content_version
from cooperativa.core.site_context import (
    active_content_language,
    current_page,
    current_site,
    home_pages_by_language,
    page_family,
)
from home.models import FooterItem, MainMenuItem

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    title: str
    url: str
    # "page" for the page being shown, "true" for the section it belongs to,
    # "" otherwise: the value of the link's aria-current attribute.
    current: str = ""


def _menu_targets(request):
    """{"main": [(label, page)], "footer": [...]}: each menu item with the
    live page it leads to in the active language, in menu order.

    Two queries for both menus, however many items: the items of both (one
    UNION), then every page they may lead to. Cached on the request."""
    cached = getattr(request, "_cooperativa_menus", None)
    if cached is not None:
        return cached
    site = current_site(request)
    # Kept in the shared cache under the content version: a menu or a page
    # changed makes a new version (cooperativa/core/page_cache.py).
    shared_key = f"menus:{content_version()}:{site.pk if site else 0}:{active_content_language()}"
    menus = cache.get(shared_key)
    if menus is None:
        menus = _menu_targets_from_database(site)
        cache.set(shared_key, menus, 60 * 60)
    if request is not None:
        request._cooperativa_menus = menus
    return menus


def _menu_targets_from_database(site):
    menus = {"main": [], "footer": []}
    if site is not None:
        columns = ("menu", "page_id", "page__translation_key", "label", "sort_order", "id")
        main = (
            MainMenuItem.objects.filter(setting__site=site)
            .annotate(menu=Value("main"))
            .values_list(*columns)
            .order_by()
        )
        footer = (
            FooterItem.objects.filter(setting__site=site)
            .annotate(menu=Value("footer"))
            .values_list(*columns)
            .order_by()
        )
        items = list(main.union(footer, all=True).order_by("menu", "sort_order", "id"))
        if items:
            language = active_content_language()
            pages = Page.objects.live().filter(
                Q(pk__in={item[1] for item in items})
                | Q(
                    locale__language_code=language,
                    translation_key__in={item[2] for item in items},
                )
            )
            by_pk, translated = {}, {}
            # Which hub each target is, if any ("" lists every kind): the
            # section an opportunity belongs to is its hub, not its host.
            pages = pages.annotate(hub_kind=F("opportunityindexpage__kind"))
            for page in pages.select_related("locale"):
                by_pk[page.pk] = page
                if page.locale.language_code == language:
                    translated[page.translation_key] = page
            for menu, page_id, translation_key, label, _order, _id in items:
                # The translation in the active language; else the page
                # itself, when it is live.
                target = translated.get(translation_key) or by_pk.get(page_id)
                if target is not None:
                    menus[menu].append((label, target))
    return menus


def _hub_section(page, targets):
    """For an opportunity, the kind of the menu hub it belongs to: the hub of
    its own kind, else the hub of every kind; None when the page is no
    opportunity or no hub in the menu lists it.

    Opportunities live under their partner's page, so their address says
    "partners"; people reach them, and look for them again, through the hubs.
    """
    from cooperativa.opportunities.models import OpportunityPage

    if not isinstance(page, OpportunityPage):
        return None
    kinds = {target.hub_kind for _label, target in targets}
    for kind in (page.kind, ""):
        if kind in kinds:
            return kind
    return None


def _menu(context, menu):
    request = context.get("request")
    if request is None:
        return []
    page = current_page(context)
    site = current_site(request)
    root_depth = site.root_page.depth if site else 1
    targets = _menu_targets(request)[menu]
    hub = _hub_section(page, targets)
    links = []
    for label, target in targets:
        current = ""
        if page is not None and page.pk:
            if target.pk == page.pk:
                current = "page"
            elif hub is not None:
                current = "true" if target.hub_kind == hub else ""
            elif target.depth > root_depth and page.is_descendant_of(target):
                current = "true"
        links.append(MenuLink(label or target.title, target.get_url(request), current))
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu links, in the active language."""
    return _menu(context, "main")


@register.simple_tag(takes_context=True)
def footer_menu(context):
    """The footer links, in the active language."""
    return _menu(context, "footer")


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The address of the home page in the active language; "/" when the
    site has none (the home page of the default language answers there)."""
    homes = home_pages_by_language(context.get("request"), current_page(context))
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
    ancestors = [
        ancestor
        for ancestor in page_family(request, page).ancestors
        if ancestor.depth >= root_depth
    ]
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
