"""The one rule for query-string values that reach the database.

Every public list (the hubs, the partner directory, site search) and the
read API take their GET parameters from anyone. Some values cannot even be
put to the database: PostgreSQL refuses text holding a NUL character, and a
number beyond a 64-bit integer overflows an OFFSET. ``problem()`` says what
is wrong with a value; the lists drop such values (``cleaned()``), as they
ignore any other invalid filter, and the API answers 400 with the reason
(``InvalidParameter``), as it does for its other bad parameters.
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

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
