# Every verb here is what developers and CI run. `make help` lists them.
.DEFAULT_GOAL := help
PYTHON ?= python3
export PYTHON

.PHONY: help install serve build check test bench matching-eval mutation schema lock screenshots clean

help: ## List the verbs
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

install: ## Create .venv with the locked dependencies (run by the other verbs)
	@scripts/install

serve: install ## Build and serve the site at http://127.0.0.1:8000, rebuilding on change
	@scripts/serve

build: install ## Build the site into site/ (strict; site/ is replaced only on success)
	@scripts/build

check: install ## Validate data/questions.yaml and check the committed JSON Schema is current
	@scripts/check

test: install ## Run the whole test suite (installs Chromium and Java from Debian if missing)
	@scripts/test

bench: install ## Benchmark builds, first visit, search and Lighthouse against plain Material (~30 min); ARGS=--quick: ~3 min
	@scripts/install-browser
	@scripts/install-lighthouse
	@PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench.run $(ARGS)

matching-eval: install ## Print how job-description matching does on the labelled postings (level, must-haves in the kit)
	@scripts/matching-eval

mutation: install ## Mutation-test scripts/question_bank/ with the fast tests (1-2 h on 2 cores); ARGS=matching for one module
	@scripts/mutation $(ARGS)

schema: install ## Regenerate data/questions.schema.json from the model
	@PYTHONPATH=scripts .venv/bin/python -m question_bank.schema --write

lock: install ## Re-resolve requirements/*.lock from requirements/*.in
	@scripts/lock

screenshots: install ## Refresh the README's screenshots from the browser tests
	@scripts/test tests/browser/test_pages.py -k screenshots -q
	cp test-output/screenshots/*.png .github/screenshots/

clean: ## Remove build output and the virtual environment
	rm -rf site .venv .pytest_cache test-output
