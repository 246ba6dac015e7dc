"""The demo site: content written as real partners would write it, in English
and Italian, and the code that loads it (see the ``load_demo`` command).

The content lives in plain Python modules (``site``, ``organisations``,
``placements``, ``calls``, ``projects``) so it can be read and reviewed like
prose; ``images`` draws the illustrations and logos locally; ``builder``
turns all of it into pages, and ``scale`` adds thousands of generated
opportunities for benchmarks.
"""
