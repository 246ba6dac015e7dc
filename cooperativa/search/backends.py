"""A search backend that reads each language as that language.

On PostgreSQL, full-text search stems words with a text search
configuration: "italian" knows that "cucinare" and "cucina" share a stem,
"english" does not. modelsearch's PostgreSQL backend uses one configuration
for everything, so Italian pages indexed as English are found only by their
exact words. This backend indexes every object that has a ``locale`` with the
configuration of its language and searches with the configuration of the
active language, as mapped in ``WAGTAILSEARCH_LANGUAGE_CONFIGS``
(e.g. ``{"en": "english", "it": "italian"}``). Objects without a locale (and
languages without an entry) use ``SEARCH_CONFIG``.

On PostgreSQL it also matches the title and the body each against its own
GIN index, where modelsearch matches their concatenation, which no index
covers. On SQLite (development, tests, the embedded default) it is
modelsearch's SQLite backend ranking each match once and keeping only the
best (see ``sqlite_backend_class``); on any other database modelsearch's
database backend, so that the same ``BACKEND`` path works everywhere.

modelsearch has no public way to choose the configuration per object or
per query: its PostgreSQL backend reads one ``config`` attribute everywhere.
So this module, and only this module, builds on three undocumented parts of
``modelsearch.backends.database.postgres.postgres``, each pinned by a test in
tests/test_search.py (and end to end by tests/services/test_search.py):

- ``PostgresSearchQueryCompiler.get_config(backend)``, which the results ask
  for the configuration of a query: overridden to follow the active language;
- ``PostgresIndex.add_items(model, objs)``, whose indexer (``ObjectIndexer``)
  reads ``backend.config``: each language's objects go through
  ``with_config``, a copy of the backend carrying that language's
  configuration;
- ``PostgresSearchBackend``'s ``query_compiler_class`` and ``index_class``,
  the classes the backend builds its queries and its index with.

Use it as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND":
"cooperativa.search.backends", "SEARCH_CONFIG": "english"}}``; run
``manage.py update_index`` after changing the mapping.
"""

import copy
import functools
import operator
from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not


def config_for_language(language_code, configs, default):
    """The text search configuration for a language code ("it", "it-ch"),
    or ``default`` when the language has none."""
    if not language_code:
        return default
    code = language_code.lower()
    return configs.get(code) or configs.get(code.split("-")[0]) or default


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for_language(
            translation.get_language(), backend.language_configs, backend.config
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's search, matching the title and the body each on its
        own: it matches their concatenation, which no index covers, so every
        row was read; each column has a GIN index, which the OR of the two
        can use. Ranked and ordered as modelsearch does."""
        if self.fields is not None or isinstance(self.query, MatchAll | Not | Fuzzy):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        matches = functools.reduce(
            operator.or_, (Q(**{vector.name: search_query}) for vector, _boost in vectors)
        )
        queryset = self.queryset.filter(matches)
        return self._apply_ordering_and_scoring(
            queryset, self._build_rank_expression(vectors, config), start, stop, score_field
        )


def with_config(backend, config):
    """A copy of ``backend`` that indexes with the text search configuration
    ``config``: modelsearch's indexer reads it from ``backend.config`` and
    takes no other (see the module's docstring)."""
    backend = copy.copy(backend)
    backend.config = config
    return backend


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        by_config = defaultdict(list)
        configs = self.backend.configs_for_objects(objs)
        for obj, config in zip(objs, configs, strict=True):
            by_config[config].append(obj)
        for config, group in by_config.items():
            PostgresIndex(with_config(self.backend, config)).add_items(model, group)


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalisedPostgresSearchQueryCompiler
    index_class = LocalisedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {
            code.lower(): config
            for code, config in (
                params.get("LANGUAGE_CONFIGS")
                or getattr(settings, "WAGTAILSEARCH_LANGUAGE_CONFIGS", {})
            ).items()
        }

    def configs_for_objects(self, objs):
        """The configuration for each object, in order: one query for the
        languages of all of them."""
        from wagtail.models import Locale

        objs = list(objs)
        locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
        languages = (
            dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))
            if locale_ids
            else {}
        )
        return [
            config_for_language(
                languages.get(getattr(obj, "locale_id", None)),
                self.language_configs,
                self.config,
            )
            for obj in objs
        ]


# --- SQLite: rank once, keep the best ---------------------------------------------
#
# modelsearch's SQLite backend orders by relevance through a correlated
# subquery: for every matching row it runs the full-text match again to find
# that row's score, so a common word ("assistant", in thousands of pages)
# costs thousands of full matches and grows with the square of the matches.
# Here the match runs once, joined with the rows the caller's queryset
# allows (live, public, in the language asked for), scored once per row with
# the same BM25 expression, sorted, and cut at the slice asked for (the
# search page asks for its first MAX_RESULTS); only those rows are then
# loaded. The order is modelsearch's own: score, then newest id first.


def sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class RankOnceSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        def ranked_ids(self, config, start, stop):
            """The primary keys of the rows from ``start`` to ``stop``, best
            first; None for a query this shortcut does not handle."""
            normalized = normalize(self.query)
            if isinstance(normalized, MatchAll | Not):
                return None
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS,
                self.build_search_query(normalized, config=config),
            )
            model = self.queryset.model
            allowed = (
                self.queryset.order_by()
                .annotate(_search_key=Cast("pk", TextField()))
                .values("_search_key")
            )
            rows = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(model),
                    index_entry__object_id__in=allowed,
                )
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                .order_by("score", "-index_entry__object_id")
                .values_list("index_entry__object_id", flat=True)
            )
            to_python = model._meta.pk.to_python
            return [to_python(value) for value in rows[start:stop]]

    class RankOnceSQLiteSearchResults(SQLiteSearchResults):
        def _do_search(self):
            compiler = self.query_compiler
            ids = None
            # Autocompletion (the admin's choosers) keeps modelsearch's way.
            ranked_ids = getattr(compiler, "ranked_ids", None)
            if ranked_ids and compiler.order_by_relevance and self._score_field is None:
                ids = ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
            if ids is None:
                return super()._do_search()
            found = compiler.queryset.in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]

    class RankOnceSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = RankOnceSQLiteSearchQueryCompiler
        results_class = RankOnceSQLiteSearchResults

    return RankOnceSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """The backend for the default database: per-language PostgreSQL search,
    on SQLite with full-text search (FTS5) the same backend as modelsearch's
    ranking each match once, and modelsearch's own database backend
    elsewhere."""
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return sqlite_backend_class()(params)
    return backend
