"""Who may change an organisation's places and assets: built on the rules of
partners.permissions, never a second copy of them.

Places are public facts about the organisation, and a place marked "town
only" protects the people who meet there, so, like the organisation's
details, they belong to its administrators; editors see them. A pending or
suspended organisation has nothing on the map, so nothing to edit.
"""

from partners import permissions


def can_see_places(user, organisation):
    return permissions.is_member(user, organisation)


def can_edit_places(user, organisation):
    return organisation.is_approved and permissions.can_manage(user, organisation)
