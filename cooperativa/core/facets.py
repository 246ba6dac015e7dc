"""The faceted listing machinery: filters, counts, sorts and pagination of
a list of rows from GET parameters, for the hubs, site search and the
partner directory alike.

Every filter lives in the query string, so a filtered list is a link that can
be shared, bookmarked and used without JavaScript. Values that are not valid
(an unknown choice, a page number that is not a number, a sort that does not
exist) are ignored rather than refused: a visitor following an old link
still gets a list.

Counts are disjunctive: within one facet the choices add up (sector is
catering OR laundry) and the count beside each choice applies every OTHER
active filter, so it says how many results ticking that box would give.
Each facet costs one aggregate query, whatever the number of results or
choices.

Those queries read every row of the list, so their answers (each facet's
counts and the ordered ids of the results) are kept in the shared cache,
keyed by the site's content version (core.page_cache) and by the SQL that
computes them: the SQL names the language, the kind of page, every filter
and the day, so two requests share an answer exactly when the database would
give them the same one, and any change to what the public sees starts
afresh. The rendered filters and results are kept the same way
(``fragment_key``). A hub then costs one cache read for its counts and one for its ids,
plus the queries for the dozen results it shows, whatever the number of
opportunities.
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import timezone, translation

from . import page_cache, parameters

PER_PAGE = 12
COLLAPSE_AFTER = 4
# How long a list's counts and ids are kept at most; a change to what the
# public sees replaces them at once (a new content version).
CACHE_SECONDS = 60 * 60


def query_key(kind, queryset, *extra):
    """A cache key for what ``queryset`` answers, under the current content
    version. Compiling the SQL runs no query."""
    sql = str(queryset.query)
    digest = hashlib.sha256("\x1f".join([sql, *map(str, extra)]).encode()).hexdigest()[:40]
    return f"facets:{page_cache.content_version()}:{kind}:{digest}"


def cached_answers(questions, timeout=CACHE_SECONDS):
    """{key: answer} for ``questions``, a {key: function} to call for the
    keys not in the cache: one cache round trip to read them all, one to
    store what was missing."""
    answers = cache.get_many(list(questions))
    missing = {key: ask() for key, ask in questions.items() if key not in answers}
    if missing:
        cache.set_many(missing, timeout)
        answers.update(missing)
    return answers


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False

    @property
    def empty(self):
        return self.count == 0


class Facet:
    """A set of checkboxes filtering by one field.

    ``lookup`` is the field (or path through relations) that the counts
    group by; ``filter`` builds the condition for the chosen values when a
    plain ``lookup__in`` would not do (many-to-many relations, where a join
    would repeat rows).
    """

    def __init__(self, param, legend, lookup, choices=(), *, filter=None):
        self.param = param
        self.legend = legend
        self.lookup = lookup
        self.choices = list(choices)
        self._filter = filter

    def clean(self, raw_values):
        known = {value for value, _label in self.choices}
        return list(dict.fromkeys(value for value in raw_values if value in known))

    def to_db(self, value):
        return value

    def from_db(self, db_value):
        return db_value

    def q(self, values):
        if self._filter:
            return self._filter(values)
        return Q(**{f"{self.lookup}__in": [self.to_db(value) for value in values]})

    def _rows(self, base, condition, *lookups):
        count = Count("pk", filter=condition) if condition else Count("pk")
        return base.order_by().values(*lookups).annotate(n=count)

    def count(self, base, condition):
        """{value: how many of ``base`` meet ``condition`` and have value}."""
        return {
            self.from_db(row[self.lookup]): row["n"]
            for row in self._rows(base, condition, self.lookup)
            if row[self.lookup] is not None
        }

    def options(self, counts, selected):
        return [
            Option(value, str(label), counts.get(value, 0), value in selected)
            for value, label in self.choices
        ]

    def label_of(self, value):
        return next((str(label) for key, label in self.choices if key == value), value)


class BooleanFacet(Facet):
    def __init__(self, param, legend, lookup, yes_label, no_label):
        super().__init__(param, legend, lookup, [("yes", yes_label), ("no", no_label)])

    def to_db(self, value):
        return value == "yes"

    def from_db(self, db_value):
        return "yes" if db_value else "no"


@dataclass
class FacetGroup:
    facet: Facet
    options: list

    @property
    def param(self):
        return self.facet.param

    @property
    def legend(self):
        return self.facet.legend

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)

    @property
    def collapsible(self):
        """Long lists fold away (unless something in them is chosen), so
        that on a phone the results are not pushed screens below."""
        return len(self.options) > COLLAPSE_AFTER


@dataclass
class Sort:
    value: str
    label: str
    url: str
    current: bool


class FacetedListing:
    """Filters, counts, sorts and paginates ``base`` from GET parameters.

    Subclasses say which facets and sorts exist, and how to make a page of
    results ready for display (``prepare``).
    """

    per_page = PER_PAGE
    sorts = {}
    default_sort = None
    # Parameters that are not filters but must survive every link (the
    # search words).
    kept_params = ()

    def __init__(self, params, base, facets, *, path=""):
        # Values the database cannot take are dropped here, once, before any
        # facet, sort, page or link reads them.
        self.params = parameters.cleaned(params)
        self.base = base
        self.facets = facets
        self.path = path
        self.selected = {
            facet.param: facet.clean(self.params.getlist(facet.param)) for facet in facets
        }
        sort = self.params.get("sort")
        self.sort = sort if sort in self.sorts else self.default_sort

    # How long a rendered part of the list is kept at most (see fragment_key).
    fragment_seconds = CACHE_SECONDS

    @cached_property
    def fragment_key(self):
        """What the rendered parts of this list (its filters, the page of
        results asked for) depend on, to keep them with Django's ``{% cache
        %}`` tag (components/faceted_listing.html): the content version and
        the day, as for its counts and ids, the language of its labels, and
        the address with its parameters. Rendering sixty checkboxes with
        their counts and a dozen cards costs more than the queries behind
        them; the result changes only when one of these does."""
        return " ".join(
            [
                page_cache.content_version(),
                f"{timezone.localdate():%Y%m%d}",
                translation.get_language() or "",
                self.path,
                self.params.urlencode(),
            ]
        )

    @property
    def parameter_names(self):
        """Every GET parameter this list reads."""
        return [
            *(facet.param for facet in self.facets),
            *(["sort"] if self.sorts else []),
            "page",
            *self.kept_params,
        ]

    # --- Conditions ------------------------------------------------------

    def scope_q(self):
        """A condition that applies whatever the facets (e.g. open only)."""
        return Q()

    def filter_q(self, exclude=None, *, scope=True):
        condition = self.scope_q() if scope else Q()
        for facet in self.facets:
            values = self.selected[facet.param]
            if values and facet.param != exclude:
                condition &= facet.q(values)
        return condition

    # --- Facets and results --------------------------------------------------

    @cached_property
    def facet_groups(self):
        questions, keys = {}, []
        for facet in self.facets:
            condition = self.filter_q(exclude=facet.param)
            key = query_key(
                "counts",
                self.base.filter(condition),
                type(facet).__qualname__,
                facet.param,
                facet.lookup,
            )
            questions[key] = lambda facet=facet, condition=condition: facet.count(
                self.base, condition
            )
            keys.append(key)
        counts = cached_answers(questions)
        return [
            FacetGroup(facet, facet.options(counts[key], self.selected[facet.param]))
            for facet, key in zip(self.facets, keys, strict=True)
        ]

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def order(self, queryset):
        return queryset

    @cached_property
    def results(self):
        condition = self.filter_q()
        queryset = self.base.filter(condition) if condition else self.base
        return self.order(queryset)

    @cached_property
    def result_ids(self):
        """The ids of every result, in order (cached, see the module's docstring)."""
        key = query_key("ids", self.results)
        return cached_answers({key: lambda: list(self.results.values_list("pk", flat=True))})[key]

    @cached_property
    def page_obj(self):
        """The page asked for, counted and sliced on the cached ids; its
        ``object_list`` is a queryset of that page's rows, in order."""
        page = Paginator(self.result_ids, self.per_page).get_page(self.params.get("page"))
        page.object_list = self.order(self.base.filter(pk__in=list(page.object_list)))
        return page

    @property
    def count(self):
        return self.page_obj.paginator.count

    def prepare(self, object_list):
        return list(object_list)

    @cached_property
    def items(self):
        return self.prepare(self.page_obj.object_list)

    # --- Links ---------------------------------------------------------------

    def url_with(self, **changes):
        """This list's address with some parameters replaced (a list value
        sets a multiple parameter, None removes it); back to page 1."""
        params = self.params.copy()
        params.pop("page", None)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            elif isinstance(value, list):
                params.setlist(name, value)
            else:
                params[name] = value
        query = params.urlencode()
        return f"{self.path}?{query}" if query else self.path or "?"

    @cached_property
    def active_filters(self):
        """(label, address without it) for each chosen value: the ways to
        widen a search that found nothing."""
        active = []
        for facet in self.facets:
            values = self.selected[facet.param]
            for value in values:
                remaining = [other for other in values if other != value]
                active.append((facet.label_of(value), self.url_with(**{facet.param: remaining})))
        return active

    @property
    def clear_url(self):
        params = {name: self.params[name] for name in self.kept_params if self.params.get(name)}
        if self.sort != self.default_sort:
            params["sort"] = self.sort
        query = QueryDict(mutable=True)
        query.update(params)
        encoded = query.urlencode()
        return f"{self.path}?{encoded}" if encoded else self.path or "?"

    @property
    def sort_links(self):
        return [
            Sort(value, str(label), self.url_with(sort=value), value == self.sort)
            for value, label in self.sorts.items()
        ]

    @property
    def hidden_fields(self):
        """Parameters the filter form must carry along."""
        fields = [(name, self.params[name]) for name in self.kept_params if self.params.get(name)]
        if self.sort != self.default_sort:
            fields.append(("sort", self.sort))
        return fields


# --- One organisation ------------------------------------------------------------------
