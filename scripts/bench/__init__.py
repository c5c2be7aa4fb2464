"""The benchmark behind the README's performance tables: this site (A) against plain Material (B).

`python -m bench.run` (`make bench`) is the entry point. Nothing here is imported by the site build.
"""
