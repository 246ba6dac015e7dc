"""What the site shell knows about the current request, shared by its
template tags and by the structured data (JSON-LD) of every page.

The shell (header, language switcher, hreflang alternates, breadcrumbs,
footer) appears on every page, so what it reads from the database is read
once per request and shared between the tags: the site, the home page of
each language, and the "family" of the page being shown (its ancestors and
every translation of them and of itself), which the language links, the
breadcrumbs and the home link are all made from.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site


def current_page(context):
    """The Wagtail page being rendered, if any. Views outside Wagtail may put
    other things under the name "page" (a paginator page, for one)."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


def current_site(request):
    return Site.find_for_request(request) if request is not None else None


def active_content_language():
    """The language code of the content locale for the active language, as
    Locale.get_active() finds it, without asking the database."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@dataclass
class PageFamily:
    """``page``'s ancestors and itself (whatever their status) and the live
    translations of each of them, from one query."""

    page: Page
    # Ancestors from Wagtail's root down, as stored (not the page itself).
    ancestors: list = field(default_factory=list)
    # translation_key -> {language code: page}
    by_key: dict = field(default_factory=dict)

    def translations_of(self, translation_key, *, include=None):
        """{language code: page} for the live translations of a key; ``include``
        (a page id) is counted even when it is not live, as the page itself
        is when it is previewed as a draft."""
        return {
            code: candidate
            for code, candidate in self.by_key.get(translation_key, {}).items()
            if candidate.live or candidate.pk == include
        }


def page_family(request, page):
    """The PageFamily of ``page``, cached on the request: the language links,
    the breadcrumbs and the home link of one response share it."""
    cache = getattr(request, "_cooperativa_page_families", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._cooperativa_page_families = cache
    if page.pk in cache:
        return cache[page.pk]

    lineage = Page.objects.ancestor_of_q(page, inclusive=True)
    rows = (
        Page.objects.filter(
            lineage
            | Q(
                live=True,
                translation_key__in=Page.objects.filter(lineage).values("translation_key"),
            )
        )
        .select_related("locale")
        .order_by("path")
    )
    family = PageFamily(page)
    for row in rows:
        if page.is_descendant_of(row):
            family.ancestors.append(row)
        family.by_key.setdefault(row.translation_key, {})[row.locale.language_code] = row
    cache[page.pk] = family
    return family


def home_pages_by_language(request, page=None):
    """The live home page of each language, keyed by language code, for the
    site that serves this request. Cached on the request: the header, the
    language switcher and the error pages all ask for it. With ``page`` (the
    page being shown, below the site's home page) it comes from the page's
    family at no cost."""
    cached = getattr(request, "_cooperativa_home_pages", None)
    if cached is not None:
        return cached
    homes = {}
    site = current_site(request)
    if site is not None:
        root = site.root_page
        if page is not None and page.pk and (page.pk == root.pk or page.is_descendant_of(root)):
            homes = page_family(request, page).translations_of(root.translation_key)
        else:
            for translation in (
                root.get_translations(inclusive=True).live().select_related("locale")
            ):
                homes[translation.locale.language_code] = translation
    if request is not None:
        request._cooperativa_home_pages = homes
    return homes
