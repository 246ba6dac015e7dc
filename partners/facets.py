"""Facets over partners' vocabularies, for the partner directory and the
opportunity hubs alike."""

from functools import cached_property

from cooperativa.core.facets import Facet, Option
from cooperativa.core.vocabularies import localized_labels

from .models import Area


class AreaFacet(Facet):
    """Areas are data, not a fixed list: the choices are the areas that
    appear in the list, plus any chosen area that does not. Counted by slug,
    the same in every language; labelled in the active language."""

    def __init__(self, param, legend, prefix, *, filter=None):
        super().__init__(param, legend, f"{prefix}__slug", filter=filter)
        self.prefix = prefix

    @cached_property
    def labels(self):
        return localized_labels(Area)

    def clean(self, raw_values):
        raw_values = list(dict.fromkeys(value for value in raw_values if value))
        # Unknown slugs are dropped.
        return [value for value in raw_values if value in self.labels]

    def count(self, base, condition):
        counts = {}
        for row in self._rows(base, condition, self.lookup):
            slug = row[self.lookup]
            if slug is not None:
                counts[slug] = row["n"]
        return counts

    def options(self, counts, selected):
        slugs = set(counts) | set(selected)
        options = [
            Option(slug, self.labels.get(slug, slug), counts.get(slug, 0), slug in selected)
            for slug in slugs
        ]
        return sorted(options, key=lambda option: option.label.casefold())

    def label_of(self, value):
        return self.labels.get(value, value)
