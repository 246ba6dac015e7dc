"""Helpers shared by the site shell's template tags."""

from wagtail.models import Page, Site


def current_page(context):
    """The Wagtail page being rendered, if any. Views outside Wagtail may put
    other things under the name "page" (a paginator page, for one)."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


def current_site(request):
    return Site.find_for_request(request) if request is not None else None


def home_pages_by_language(request):
    """The live home page of each language, keyed by language code, for the
    site that serves this request. Cached on the request: the header, the
    language switcher and the error pages all ask for it."""
    cached = getattr(request, "_cooperativa_home_pages", None)
    if cached is not None:
        return cached
    homes = {}
    site = current_site(request)
    if site is not None:
        root = site.root_page
        for translation in root.get_translations(inclusive=True).live().select_related("locale"):
            homes[translation.locale.language_code] = translation
    if request is not None:
        request._cooperativa_home_pages = homes
    return homes
