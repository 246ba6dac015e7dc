"""Accounts: the user model (email is the login) and allauth customisation."""
