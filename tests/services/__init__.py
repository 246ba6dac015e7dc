"""The services layer: the platform against real PostgreSQL, Redis, Celery and SMTP."""
