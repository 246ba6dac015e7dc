"""Migrations of the notifications app."""
