"""The one rule for query-string values that reach the database.

Every public list (the hubs, the partner directory, site search) and the
read API take their GET parameters from anyone. Some values cannot even be
put to the database: PostgreSQL refuses text holding a NUL character, and a
number beyond a 64-bit integer overflows an OFFSET. ``problem()`` says what
is wrong with a value; the lists drop such values (``cleaned()``), as they
ignore any other invalid filter, and the API answers 400 with the reason
(``InvalidParameter``), as it does for its other bad parameters. A value
compared with a model field (the API's field filters) must also be one the
field can hold (``check_fields()``): a date for a date, an id for a
relation, a number within the column's range.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

# Longer than any slug, search or number a visitor can mean.
MAX_VALUE_LENGTH = 1000
# Larger than any count of pages or images here, and small enough that
# offset + limit still fits any database's integer.
MAX_NUMBER = 2**31 - 1


class InvalidParameter(ValueError):
    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def problem(value):
    """Why ``value`` cannot be used, or None."""
    if "\x00" in value:
        return _("null characters are not allowed")
    if len(value) > MAX_VALUE_LENGTH:
        return _("the value is too long (at most %(max)d characters)") % {"max": MAX_VALUE_LENGTH}
    return None


def cleaned(query):
    """A copy of ``query`` without the values that have a problem."""
    clean = QueryDict(mutable=True)
    for name, values in query.lists():
        if problem(name):
            continue
        kept = [value for value in values if not problem(value)]
        if kept:
            clean.setlist(name, kept)
    return clean


def check(query, *, numbers=()):
    """Raise InvalidParameter for the first value with a problem, or for a
    parameter in ``numbers`` that is a number too large to use."""
    for name, values in query.lists():
        for value in values:
            if reason := problem(name) or problem(value):
                raise InvalidParameter(name, reason)
            if name in numbers and _number(value) > MAX_NUMBER:
                raise InvalidParameter(name, _("must be at most %(max)d") % {"max": MAX_NUMBER})


def _number(value):
    """The integer ``value`` spells, or 0 when it spells none (what is not a
    number at all is for the caller's own validation to refuse)."""
    try:
        return int(value)
    except ValueError:
        return 0


def check_fields(query, fields):
    """Raise InvalidParameter for the first value of a parameter that names
    one of ``fields`` (a mapping of parameter name to model field) and that
    the field could not be compared with in the database."""
    for name, values in query.lists():
        if (field := fields.get(name)) is None:
            continue
        for value in values:
            if reason := field_problem(field, value):
                raise InvalidParameter(name, reason)


def field_problem(field, value):
    """Why the text ``value`` cannot be compared with the model ``field``,
    or None. The field's own conversion decides, as it would when saving: a
    query the database refuses fails the whole request (and, on PostgreSQL,
    the transaction it runs in), so it must not be sent."""
    if isinstance(field, (TaggableManager, models.BooleanField)):
        # Tags are matched by name; booleans are read by the API itself,
        # which accepts "true" and "false" and refuses the rest with a 400.
        return None
    if field.is_relation:
        # A relation is compared by the key of the object it points to.
        field = field.target_field
    try:
        python_value = field.to_python(value)
        for validator in field.validators:
            # The range of the column: beyond it the database overflows.
            if isinstance(validator, (MinValueValidator, MaxValueValidator)):
                validator(python_value)
        naive_time = isinstance(python_value, datetime.datetime) and timezone.is_naive(python_value)
        if naive_time and settings.USE_TZ:
            # Read in the site's time zone, as Django reads a naive time.
            python_value = timezone.make_aware(python_value)
        # The database's own form of the value, e.g. a time moved to UTC.
        field.get_db_prep_value(python_value, connection)
    except ValidationError as error:
        return " ".join(error.messages)
    except (ValueError, TypeError, OverflowError):
        return _("this value cannot be compared with this field")
    return None
