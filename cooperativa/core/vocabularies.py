"""What the shared vocabularies (areas, asset types, audiences, sectors)
have in common.

Each vocabulary is a translatable snippet: one row per language, the rows
of one term sharing a ``translation_key`` and a code (or slug). Pages and
organisations always point at the row in the default language; the other
rows give its label in their language. Filters and hub addresses use the
code, which is the same in every language, so a count or a link never
depends on the language of the page that made it.
"""

import contextvars

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import models
from django.db.models import ProtectedError, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin

from .page_cache import content_version

LABELS_SECONDS = 60 * 60


def default_language_only():
    """``limit_choices_to`` for a vocabulary: only the default language's
    rows can be chosen (the others are their translations)."""
    return Q(locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


class Vocabulary(TranslatableMixin, models.Model):
    """A term with a code (stable, in addresses and the API) and a label."""

    # The field that identifies a term in every language.
    key_field = "code"

    name = models.CharField(_("label"), max_length=120)
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_(
            "Used in addresses and the API: lower case letters, digits and hyphens. "
            "The same in every language; do not change it once in use."
        ),
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return str(self.label)

    def own_label(self):
        """This row's label, in its own language."""
        return self.name

    @property
    def label(self):
        """The label in the active language (this row's own without a translation)."""
        return localized_labels(type(self)).get(getattr(self, self.key_field), self.own_label())


class OrderedVocabulary(Vocabulary):
    """A vocabulary whose terms moderators put in order: the filters list
    them by position, then by label."""

    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("position")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["position", "name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]


def vocabulary_choices(model):
    """[(code, label in the active language)] for a filter's checkboxes."""
    return list(localized_labels(model).items())


def localized_labels(model):
    """{code: label} for every term of ``model`` in the default language, in
    the model's order, labelled in the active language where the term has
    been translated. Kept in the shared cache under the content version
    (core.page_cache: editing a term makes a new version), and for the rest
    of the request in ``LabelCache``; one query when neither has them."""
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        active_code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        active_code = default_code
    cache = LabelCache.current()
    cache_key = (model._meta.label, active_code)
    if cache is not None and cache_key in cache:
        return cache[cache_key]
    shared_key = f"labels:{content_version()}:{model._meta.label}:{active_code}"
    labels = shared_cache.get(shared_key)
    if labels is None:
        labels = _labels_from_database(model, default_code, active_code)
        shared_cache.set(shared_key, labels, LABELS_SECONDS)
    if cache is not None:
        cache[cache_key] = labels
    return labels


def _labels_from_database(model, default_code, active_code):
    labels, translated = {}, {}
    rows = model.objects.filter(
        locale__language_code__in={default_code, active_code}
    ).select_related("locale")
    for row in rows:
        key = getattr(row, model.key_field)
        if row.locale.language_code == default_code:
            labels[key] = row.own_label()
        else:
            translated[key] = row.own_label()
    # Only terms of the default language: the ones pages can point at.
    labels.update((key, label) for key, label in translated.items() if key in labels)
    return labels


class LabelCache:
    """Labels kept for the length of one request: a template naming eight
    audiences asks once. Between requests the shared cache keeps them under
    the content version, which editing a term replaces, so a label changed
    in the admin shows at once."""

    _current = contextvars.ContextVar("vocabulary_labels", default=None)

    @classmethod
    def current(cls):
        return cls._current.get()


def label_cache_middleware(get_response):
    """Keeps vocabulary labels for the length of one request."""

    def middleware(request):
        token = LabelCache._current.set({})
        try:
            return get_response(request)
        finally:
            LabelCache._current.reset(token)

    return middleware


# --- Deleting a term in use -----------------------------------------------------


def uses_of(term):
    """{verbose name plural: how many} of the pages and organisations that
    point at ``term`` (through a foreign key or a many-to-many field)."""
    uses = {}
    for relation in term._meta.related_objects:
        if not (relation.one_to_many or relation.many_to_many):
            continue
        count = getattr(term, relation.get_accessor_name()).count()
        if count:
            uses[str(relation.related_model._meta.verbose_name_plural)] = count
    return uses


def in_use_message(term, uses):
    count = sum(uses.values())
    return ngettext(
        "“%(term)s” cannot be deleted: %(count)s item uses it (%(where)s). "
        "Choose another term there first.",
        "“%(term)s” cannot be deleted: %(count)s items use it (%(where)s). "
        "Choose another term there first.",
        count,
    ) % {
        "term": term.own_label(),
        "count": count,
        "where": ", ".join(f"{name}: {number}" for name, number in uses.items()),
    }


def protect_terms_in_use(sender, instance, **kwargs):
    """pre_delete receiver: a term that pages or organisations use is never
    deleted, whatever deletes it (many-to-many links would otherwise vanish
    silently; foreign keys are PROTECT already)."""
    uses = uses_of(instance)
    if uses:
        raise ProtectedError(in_use_message(instance, uses), set())
