"""The benchmark behind ``make bench``: 10,000 opportunities, gunicorn with
production settings, and a local load generator (see run.py)."""
