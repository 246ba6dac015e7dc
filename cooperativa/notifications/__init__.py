"""Notifications: sending email and the scheduled jobs that keep content current."""
