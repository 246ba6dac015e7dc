"""Facets over partners' vocabularies, for the partner directory and the
opportunity hubs alike."""

from cooperativa.core.facets import Facet, Option

from .models import Area


class AreaFacet(Facet):
    """Areas are data, not a fixed list: the choices are the areas that
    appear in the list, plus any chosen area that does not."""

    def __init__(self, param, legend, prefix, *, filter=None):
        super().__init__(param, legend, f"{prefix}__slug", filter=filter)
        self.prefix = prefix
        self.labels = {}

    def clean(self, raw_values):
        raw_values = list(dict.fromkeys(value for value in raw_values if value))
        if not raw_values:
            return []
        # One query, only when an area is chosen: unknown slugs are dropped.
        self.labels = {
            area.slug: str(area) for area in Area.objects.filter(slug__in=raw_values[:50])
        }
        return [value for value in raw_values if value in self.labels]

    def count(self, base, condition):
        name, province = f"{self.prefix}__name", f"{self.prefix}__province"
        counts = {}
        for row in self._rows(base, condition, self.lookup, name, province):
            slug = row[self.lookup]
            if slug is None:
                continue
            counts[slug] = row["n"]
            self.labels.setdefault(slug, f"{row[name]} ({row[province]})")
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
