"""In a real browser: a filtered hub's "Follow" links lead to feeds of
what the visitor sees, and partner logos are sharp on a phone's screen."""

import io

import feedparser

from tests.browser.helpers import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_follow_links_of_a_filtered_hub_keep_the_filters(page, site):
    page.goto(f"{site.hubs['placement'].url}?sector=laundry")
    follow = page.get_by_role("region", name="Follow")
    assert follow.is_visible()
    rss = follow.get_by_role("link", name="RSS feed")
    assert rss.is_visible()
    response = page.request.get(rss.get_attribute("href"))
    assert response.ok
    titles = [entry.title for entry in feedparser.parse(response.body()).entries]
    assert titles == [site.placements["laundry"].title]
    calendar = follow.get_by_role("link", name="Calendar of closing dates and events (iCal)")
    assert "sector=laundry" in calendar.get_attribute("href")


def test_partner_logo_is_sharp_on_a_phone(browser, live_server, site):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGBA", (900, 450), (20, 90, 140, 255)).save(buffer, "PNG")
    logo = Image.objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))
    partner = site.partners[0]
    partner.organisation.logo = logo
    partner.organisation.save()

    # A phone: narrow screen, three device pixels to each CSS pixel.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, device_scale_factor=3
    )
    # Media files are served by the web server in production, not by
    # Django's test server: hand them to the browser from the storage.
    import mimetypes

    from django.conf import settings
    from django.core.files.storage import default_storage

    def serve_media(route):
        name = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?")[0]
        with default_storage.open(name) as file:
            body = file.read()
        route.fulfill(body=body, content_type=mimetypes.guess_type(name)[0])

    context.route(f"**{settings.MEDIA_URL}**", serve_media)
    try:
        tab = context.new_page()
        tab.goto(partner.url)
        image = tab.locator(".partner__logo img")
        image.evaluate("img => img.decode()")
        shown = image.evaluate(
            "img => ({natural: img.naturalWidth, css: img.getBoundingClientRect().width,"
            " current: img.currentSrc, width: img.getAttribute('width'),"
            " height: img.getAttribute('height'), alt: img.getAttribute('alt')})"
        )
        # The browser chose the file with three pixels to each CSS pixel
        # (naturalWidth is already divided by that density), in WebP, and
        # the box is reserved before it loads.
        assert shown["css"] == 240, shown
        assert shown["current"].endswith(".max-720x360.webp"), shown
        assert (shown["width"], shown["height"]) == ("240", "120")
        assert shown["alt"] == ""
    finally:
        context.close()
