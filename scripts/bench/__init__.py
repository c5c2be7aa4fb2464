"""The scale benchmark (issue #6): our build against plain Material, at 10 to 3,000 questions.

`python -m bench.run` is the entry point; `--quick` is the smoke test's size.
Nothing here is imported by the site build.
"""
