"""Site-wide views: crawler files and friendly error pages."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

# Private or endless areas, relative to each language's prefix ("" for the
# default language, "it/" for Italian): accounts, a participant's own
# area, organisation sign-up and management, search results (one URL per
# query).
PRIVATE_LOCALISED_PATHS = ["me/", "partners/join/", "partners/manage/", "search/"]
# Outside the language prefix. The API is for programs, not for indexing.
PRIVATE_PATHS = ["admin/", "accounts/", "api/"]


def language_prefixes():
    return [
        "" if code == settings.LANGUAGE_CODE else f"{code}/" for code, _name in settings.LANGUAGES
    ]


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    disallowed = [
        *PRIVATE_PATHS,
        *(prefix + path for prefix in language_prefixes() for path in PRIVATE_LOCALISED_PATHS),
    ]
    lines = [
        "User-agent: *",
        *(f"Disallow: /{path}" for path in disallowed),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class SiteSitemap(Sitemap):
    """Wagtail's sitemap, in every language.

    Wagtail's own lists the site's root page and its descendants, which
    misses the Italian tree (a sibling of the English home page). Pages
    that are translations of each other name each other with hreflang
    links, so search engines show each visitor their own language.
    """

    def items(self):
        site = self.get_wagtail_site()
        trees = Q()
        for root in site.root_page.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of_q(root, inclusive=True)
        return (
            Page.objects.live()
            .public()
            .filter(trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # A private method of Django's Sitemap, which Wagtail's overrides in
        # turn: the only place that sees a whole page of items at once, so
        # the hreflang links of every translation come from the items
        # themselves, without a query per page (Django's public ``i18n`` and
        # ``alternates`` assume one URL scheme for all languages, and
        # Page.get_sitemap_urls sees one page at a time).
        # tests/test_sitemap.py::test_lists_italian_pages_and_links_translations
        # pins it.
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        entries = [
            (item, item.get_sitemap_urls(self.request))
            for item in self.paginator.page(page).object_list
        ]
        translations = defaultdict(list)
        for item, url_infos in entries:
            if url_infos:
                translations[item.translation_key].append(
                    {
                        "lang_code": language_codes[item.locale_id],
                        "location": url_infos[0]["location"],
                    }
                )

        urls = []
        last_mods = set()
        for item, url_infos in entries:
            alternates = translations[item.translation_key]
            for url_info in url_infos:
                if len(alternates) > 1:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # As Wagtail does: a Last-Modified header only if every page has a date.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": SiteSitemap(request)})


def page_not_found(request, exception=None):
    # The flag sends the language switcher to each language's home page:
    # the same missing address in another language would be missing too.
    return render(request, "404.html", {"not_found": True}, status=404)


def server_error(request):
    # Rendered without the request, so no context processor runs: whatever
    # failed (the database, a setting) cannot fail again here. The template
    # needs only the active language and URL reversing. Its styles are
    # inline; the Content Security Policy lets them in by this response's
    # nonce (made when first read, and then added to the header).
    nonce = getattr(request, "csp_nonce", None)
    template = loader.get_template("500.html")
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "csp_nonce": str(nonce) if nonce is not None else "",
    }
    return HttpResponseServerError(template.render(context))
