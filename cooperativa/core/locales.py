"""A locale for every configured content language, on every `migrate`.

The first migration created the locales of the languages configured then; a
language added later to LANGUAGES / WAGTAIL_CONTENT_LANGUAGES gets its locale
from this handler on the next `migrate`. Idempotent: existing locales are
kept, none is ever deleted (pages may use it).
"""

from django.conf import settings


def create_missing_locales(using="default", **kwargs):
    """post_migrate receiver: create the locales that are missing."""
    from wagtail.models import Locale

    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code not in existing:
            Locale.objects.using(using).create(language_code=code)
