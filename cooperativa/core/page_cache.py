"""The page cache for anonymous visitors, and the content version that
purges it.

Most visitors are anonymous and read the same pages: the home page, the hubs,
a placement. ``PageCacheMiddleware`` keeps each public page's response in the
shared cache (Redis in production, local memory on the embedded default) and
serves it again without touching the database, for as long as what the page
shows has not changed.

Purging: one content version for the whole site
-----------------------------------------------
A page shows more than itself: the home page lists the newest opportunities,
a hub counts them by sector, every page shows the menus. Working out exactly
which addresses a change affects would be a second copy of every template's
logic, and would be wrong the day a template changes. Instead every entry's
key holds the site's *content version*, a random token kept in the cache,
and anything that changes what the public sees replaces the token
(``bump()``): every cached page is then out of date at once, and each is
rendered again on its next visit. Changes are rare (a publication, an
approval), visits are many, so a purge costs one render per page visited.

What bumps it (``connect_signals``, at start-up): publishing, unpublishing,
moving and deleting a live page (scheduled publications run through the same
publish), and saving or deleting any model whose rows pages show:
vocabularies, site settings (navigation, contact details), sites, locales,
redirects, images, and whatever an app registers with ``shows_publicly``
(partners: organisations, so approval, suspension and profile changes). The
closing of opportunities at midnight is a change of date, not of data: the
date is part of every key, and a beat task (opportunities.tasks) bumps the
version and purges a CDN when an opportunity crosses a boundary.

The same version keys cheaper caches of parts of pages (the hubs' counts in
core.facets), so they are purged together.

What is never cached
--------------------
- Requests from someone signed in, or with a session at all: a request with
  the session cookie (or a pending message) never reads or fills the cache,
  so a signed-in person neither receives a cached page nor leaves theirs
  for others.
- The areas that are about one person or need them signed in:
  ``PAGE_CACHE_EXCLUDED_PATHS`` (``/accounts/``, ``/me/``,
  ``/partners/manage/``, ``/partners/join/``, the admin), in every language.
- Any response that sets a cookie. A page with a form protected against
  cross-site request forgery sets the CSRF cookie whenever it renders (Django
  renews it on every use), so such pages are always rendered for their
  visitor and their forms keep working; a token in a cached page would belong
  to someone else's cookie.
- Anything but a 200 response, or one that says ``private``, ``no-cache``
  or ``no-store``, or that varies on a request header other than Cookie.

Browsers and a CDN
------------------
A cacheable response carries an ``ETag`` and ``Cache-Control: public,
max-age=0, must-revalidate``: a browser asks again each time and gets ``304
Not Modified`` from the cache while the page is unchanged (feeds, the
sitemap and the read API included). With ``WAGTAILFRONTENDCACHE`` set (a CDN
in front, wagtail.contrib.frontend_cache), responses also say
``s-maxage=PAGE_CACHE_SECONDS`` and every bump purges the changed pages and
the top of the site (the home page, hubs and directories, in every language)
from the CDN.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path, get_language_from_request
from modelcluster.fields import ParentalKey

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
DEFAULT_EXCLUDED_PATHS = (
    "/admin/",
    "/accounts/",
    "/me/",
    "/partners/manage/",
    "/partners/join/",
    "/documents/",
    "/_util/",
)
HIT_HEADER = "X-Page-Cache"
# Varying on these is harmless here: the session cookie bypasses the cache,
# the language a request asks for is part of the key, and there is no
# compression middleware.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
REFUSING_CACHE_CONTROL = {"private", "no-cache", "no-store"}


# --- The content version ----------------------------------------------------------


def content_version():
    """The site's current content version (a short token). A new one is
    made when none is stored, e.g. after the cache was emptied or the key
    evicted: a token is never reused, so an evicted version cannot bring old
    entries back."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump(reason="", pages=()):
    """Mark everything the public sees as changed: every cached page and
    every cache keyed by the content version is out of date from now on.

    Done at once, so that the rest of this transaction reads fresh answers,
    and again after the commit: a visitor who refilled the cache in between
    did so from the data of before the change."""
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)

    def after_commit():
        cache.set(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
        logger.debug("Content version changed: %s", reason)
        purge_frontend_cache(pages)

    transaction.on_commit(after_commit)


def remember(name, compute, *parts, timeout=60 * 60):
    """``compute()``, kept in the shared cache under the content version and
    ``parts`` (a language, a page, a day: whatever the answer depends on
    besides the content): for lists that read many rows but change only
    when content does, such as the home page's newest opportunities."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    key = f"pagecache:{content_version()}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


# --- Which models change what pages show ---------------------------------------

_public_models = set()


def shows_publicly(model):
    """Declare that public pages show rows of ``model``: saving or deleting
    one (or changing its many-to-many relations) purges the page cache.
    Usable as a class decorator or called from an app's ``ready()``."""
    _public_models.add(model)
    return model


def is_shown_publicly(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    from .vocabularies import Vocabulary

    if model in _public_models or issubclass(
        model, Vocabulary | BaseSiteSetting | BaseGenericSetting
    ):
        return True
    # The rows of a cluster (a menu's items) belong to their parent.
    return any(
        isinstance(field, ParentalKey) and is_shown_publicly(field.related_model)
        for field in model._meta.get_fields()
    )


def _model_changed(sender, instance=None, created=False, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page

    model = instance.__class__ if instance is not None else sender
    # A page created live, without a publication (imported, or loaded as
    # demo content), is as new to the public as a published one.
    if isinstance(instance, Page):
        if created and instance.live:
            bump(f"page {instance.pk} created live")
        return
    # Settings are created empty on their first read (by a page being
    # rendered): only a change made in the admin changes what pages show.
    if created and issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return
    if is_shown_publicly(model):
        bump(f"{model._meta.label} changed")


def _relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_shown_publicly(instance.__class__):
        bump(f"{instance._meta.label} relations changed")


def _page_changed(sender, instance, **kwargs):
    bump(f"page {instance.pk} published, unpublished or moved", pages=[instance])


def _page_deleted(sender, instance, **kwargs):
    # Deleting a draft changes nothing the public sees.
    if instance.live:
        bump(f"page {instance.pk} deleted", pages=[instance])


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for model in (Site, Locale, Redirect, get_image_model(), get_document_model()):
        shows_publicly(model)
    page_published.connect(_page_changed, dispatch_uid="page_cache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache.moved")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="page_cache.page_deleted")
    # Any model: checked against is_shown_publicly, so that a model an app
    # registers later, or a new vocabulary, needs nothing more.
    post_save.connect(_model_changed, dispatch_uid="page_cache.saved")
    post_delete.connect(_model_changed, dispatch_uid="page_cache.deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="page_cache.relations")


# --- A CDN in front (wagtail.contrib.frontend_cache) ---------------------------------


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_frontend_cache(pages=()):
    """Purge the changed pages and the top of the site (the home page and
    its direct children: hubs, directories, in every language) from the
    CDN, if one is configured. Wagtail's utilities send the purge as a task."""
    if not frontend_cache_configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    top = Page.objects.live().public().filter(depth__lte=3, depth__gt=1)
    purge_pages_from_cache([*pages, *top])


# --- Sites and routes --------------------------------------------------------------


class Routes:
    """The site of a host and the page an address leads to, kept under the
    content version: a page moved, renamed or unpublished is a new version.

    Wagtail finds both once per request and keeps them on the request
    (``request._wagtail_site`` and ``request._wagtail_route_for_request``,
    as ``Site.find_for_request`` and ``Page.route_for_request`` document);
    setting them before the view saves the site query and the walk down the
    tree (two queries per level). Only plain routes are kept: a page that
    routes the rest of the address itself (args or kwargs) is routed by
    Wagtail every time."""

    seconds = 60 * 60

    def __init__(self, request, version):
        self.request = request
        self.version = version
        self.primed_site = self.primed_route = False
        try:
            host = request.get_host()
        except Exception:  # noqa: BLE001 - a refused host: Django answers it later
            self.site_key = self.route_key = None
            return
        self.site_key = f"pagecache:{version}:site:{host}"
        digest = hashlib.sha256(f"{host}{request.path_info}".encode()).hexdigest()[:32]
        self.route_key = f"pagecache:{version}:route:{digest}"

    def prime(self):
        if self.site_key is None:
            return
        from django.contrib.contenttypes.models import ContentType
        from wagtail.url_routing import RouteResult

        found = cache.get_many([self.site_key, self.route_key])
        if (site := found.get(self.site_key)) is not None:
            self.request._wagtail_site = site
            self.primed_site = True
        if (route := found.get(self.route_key)) is not None:
            content_type_id, pk = route
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model.objects.filter(pk=pk, live=True).first() if model else None
            if page is not None:
                self.request._wagtail_route_for_request = RouteResult(page)
                self.primed_route = True

    def remember(self):
        if self.site_key is None:
            return
        entries = {}
        site = getattr(self.request, "_wagtail_site", None)
        if site is not None and not self.primed_site:
            site.root_page  # noqa: B018 - loaded now, so that it is kept with the site
            entries[self.site_key] = site
        route = getattr(self.request, "_wagtail_route_for_request", None)
        if route is not None and not self.primed_route:
            page, args, kwargs = route
            if not args and not kwargs:
                entries[self.route_key] = (page.content_type_id, page.pk)
        if entries:
            cache.set_many(entries, self.seconds)


# --- The middleware -------------------------------------------------------------------


def excluded_paths():
    return tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", DEFAULT_EXCLUDED_PATHS))


def path_without_language(path):
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


def request_is_cacheable(request):
    """Whether this request may be answered from (and fill) the cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not path_without_language(request.path_info).startswith(excluded_paths())


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }
    if cache_control & REFUSING_CACHE_CONTROL:
        return False
    vary = {
        header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header
    }
    return vary <= HARMLESS_VARY


def entry_key(request, version):
    # The language asked for (by the address, else the language cookie or
    # the browser's Accept-Language): at most one entry per language.
    language = get_language_from_request(request, check_path=True)
    address = f"{language} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    # The date: an opportunity's state (open, closing soon, closed) changes
    # at midnight without any row changing.
    return f"pagecache:{version}:{timezone.localdate():%Y%m%d}:{digest}"


def public_cache_control():
    value = "public, max-age=0, must-revalidate"
    if frontend_cache_configured():
        value += f", s-maxage={settings.PAGE_CACHE_SECONDS}"
    return value


class PageCacheMiddleware:
    """Serves anonymous visitors' GET requests from the shared cache (see the
    module's docstring). Placed before the session middleware, so that a hit
    costs no session, no user and no database.

    For every GET, signed in or not, it also gives Wagtail the site and the
    page an address leads to from the cache (``Routes``), so that a page
    rendered afresh does not walk the tree one query per level."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        version = content_version()
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        use_cache = bool(seconds) and request_is_cacheable(request)
        key = entry_key(request, version) if use_cache else None
        if use_cache:
            entry = cache.get(key)
            if entry is not None:
                return self.from_entry(request, entry)

        routes = Routes(request, version)
        routes.prime()
        response = self.get_response(request)
        routes.remember()

        if use_cache and request.method == "GET" and response_is_cacheable(response):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["Cache-Control"] = public_cache_control()
            cache.set(key, self.to_entry(response), seconds)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def to_entry(response):
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def from_entry(request, entry):
        status, headers, content = entry
        headers = dict(headers)
        if request.headers.get("If-None-Match") == headers.get("ETag"):
            response = HttpResponseNotModified()
            response["ETag"] = headers["ETag"]
            response["Cache-Control"] = headers["Cache-Control"]
        else:
            response = HttpResponse(content if request.method == "GET" else b"", status=status)
            for name, value in headers.items():
                response[name] = value
            if request.method == "HEAD":
                response["Content-Length"] = str(len(content))
        response[HIT_HEADER] = "hit"
        return response
