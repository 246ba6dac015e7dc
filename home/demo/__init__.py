"""The demo site: content written as real partners would write it, in English
and Italian, as data: ``data/*.yaml`` (both languages side by side in each
file) and ``images/`` (optimised WebP illustrations and logos). ``loader``
turns them into organisations and pages through the platform's own services
(see the ``load_demo`` command).
"""
