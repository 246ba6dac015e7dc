"""Page metadata for <head>: title, description, canonical address and the
Open Graph / Twitter card that link previews in messaging apps are built from.

Most people who find an opportunity get it as a shared link on a phone, so
every page has a preview image: the page's sharing image, else its own
image, else the site's default card.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from wagtail.images.models import AbstractImage, SourceImageIOError

from cooperativa.core.site_context import current_page, current_site

register = template.Library()

# Open Graph wants a territory; the content languages are those of Italy and,
# for English, the variant the editors write in.
OG_LOCALES = {"en": "en_GB", "it": "it_IT"}

DEFAULT_IMAGE = "img/social-card.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
SHARING_RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"


@dataclass(frozen=True)
class PageMeta:
    site_name: str
    title: str
    description: str
    canonical_url: str
    og_locale: str
    image_url: str
    image_width: int
    image_height: int
    image_alt: str
    is_default_image: bool


def og_locale(code):
    return OG_LOCALES.get(code) or to_locale(code)


def _absolute(request, site, url):
    """An absolute address on the same host as the canonical one (the
    site's configured root), whatever host the request came in on."""
    if not url.startswith("/"):
        return url
    return site.root_url + url if site else request.build_absolute_uri(url)


def _sharing_image(page):
    """The image to preview ``page`` with, and its text alternative."""
    image = getattr(page, "social_image", None)
    if image is not None:
        return image, ""
    image = getattr(page, "image", None)
    if isinstance(image, AbstractImage):
        return image, getattr(page, "image_alt", "")
    return None, ""


@register.simple_tag(takes_context=True)
def page_meta(context):
    request = context.get("request")
    if request is None:
        # Rendered outside a request (a management command, a test of a
        # fragment): nothing to make absolute, so say only what is known.
        return PageMeta(
            site_name=settings.WAGTAIL_SITE_NAME,
            title=settings.WAGTAIL_SITE_NAME,
            description="",
            canonical_url="",
            og_locale=og_locale(get_language()),
            image_url=static(DEFAULT_IMAGE),
            image_width=DEFAULT_IMAGE_SIZE[0],
            image_height=DEFAULT_IMAGE_SIZE[1],
            image_alt=settings.WAGTAIL_SITE_NAME,
            is_default_image=True,
        )
    site = current_site(request)
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    page = current_page(context)

    title, description = site_name, ""
    canonical_url = _absolute(request, site, request.path)
    image, image_alt = None, ""
    if page is not None:
        title = page.seo_title or page.title
        get_description = getattr(page, "get_meta_description", None)
        description = get_description() if get_description else page.search_description
        canonical_url = (page.get_full_url(request) if page.pk else None) or canonical_url
        image, image_alt = _sharing_image(page)

    rendition = None
    if image is not None:
        try:
            rendition = image.get_rendition(SHARING_RENDITION)
        except SourceImageIOError:
            # A missing original must not break the page: fall back below.
            image = None
    if rendition is not None:
        image_url, width, height = (
            _absolute(request, site, rendition.url),
            rendition.width,
            rendition.height,
        )
    else:
        image_url = _absolute(request, site, static(DEFAULT_IMAGE))
        (width, height), image_alt = DEFAULT_IMAGE_SIZE, site_name

    return PageMeta(
        site_name=site_name,
        title=title,
        description=description or "",
        canonical_url=canonical_url,
        og_locale=og_locale(get_language()),
        image_url=image_url,
        image_width=width,
        image_height=height,
        image_alt=image_alt,
        is_default_image=image is None,
    )


@register.filter
def as_og_locale(code):
    """A language code as Open Graph writes it: "it" -> "it_IT"."""
    return og_locale(code)


@register.filter
def html_datetime(value):
    """A date-time for a <time datetime> attribute, in the current time zone
    and to the second ("2026-03-01T09:30:00+01:00"). Django's ``date:'c'``
    writes microseconds, which HTML's datetime syntax does not allow."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


class DescriptionMetaNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # The content is rendered template output, already escaped.
        content = self.nodelist.render(context).strip()
        if not content:
            return ""
        return format_html('<meta name="description" content="{}">', mark_safe(content))  # noqa: S308


@register.tag
def description_meta(parser, token):
    """``{% description_meta %}…{% enddescription_meta %}``: a <meta
    name="description"> with what is inside, or nothing at all when that is
    empty: an empty description is worse than none (search engines and
    accessibility checkers flag it), and pages without one are left to
    search engines to summarise."""
    nodelist = parser.parse(("enddescription_meta",))
    parser.delete_first_token()
    return DescriptionMetaNode(nodelist)
