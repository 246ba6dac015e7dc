"""The generated opportunities of ``make bench``: they live with the demo
content (home/demo/generated.py, ``manage.py load_demo --scale N``); this
module keeps the benchmark's and the tests' way in."""

from home.demo.generated import SLUG_PATTERN, generate, generated_pages, load

__all__ = ["SLUG_PATTERN", "generate", "generated_pages", "load"]
