# PurposePath coaching service: common tasks. `make help` lists them.
SWIFT ?= swift
EVENT ?= events/http/health.json
EVENTS ?= events/http/health.json events/http/coaching-chat.json events/stepfunctions/coaching-task-orchestrated.json
DEBUG_BIN := .build/debug/bootstrap
DEV_BIN := .build/debug/coaching-dev
ARCH ?= arm64
DOCKER ?= docker
PORT ?= 3000
HOST ?= 127.0.0.1
TENANT ?= tenant-local
TTL ?= 3600

.PHONY: help deps build release test coverage invoke local serve token spec fuzz bench lint lint-templates test-orchestrator events package clean

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

deps: ## install missing system and Python dependencies
	@bash scripts/install-deps.sh

build: deps ## debug build of everything
	$(SWIFT) build

release: deps ## static, optimised bootstrap for this machine (.build/release/bootstrap)
	$(SWIFT) build -c release --static-swift-stdlib --product bootstrap

test: deps ## the whole suite: Swift tests (with line coverage), template/state-machine lint, the state machine in moto (+ OpenAPI spec test), contract fuzzing
	$(SWIFT) build --build-tests --enable-code-coverage
	$(SWIFT) test --skip-build --enable-code-coverage
	@bash scripts/coverage.sh
	@bash scripts/lint.sh --templates
	@bash scripts/test-orchestrator.sh
	@bash scripts/contract-fuzz.sh

coverage: ## line coverage of Sources/ from the last test run
	@bash scripts/coverage.sh

invoke: build ## run one event in-process: make invoke EVENT=events/http/coaching-chat.json (see events/manifest.json)
	$(DEBUG_BIN) invoke $(EVENT)

local: build ## the main job: sample events through the real bootstrap runtime loop against the mock Runtime API (file store, offline coach)
	$(DEV_BIN) local $(EVENTS)

serve: deps ## the HTTP API on http://$(HOST):$(PORT)/api/v1 through the Lambda handlers (file store, offline coach by default); Ctrl-C stops it
	$(SWIFT) build --product coaching-dev
	$(DEV_BIN) serve --host $(HOST) --port $(PORT)

token: ## print a development Bearer token: make -s token USER=dana TENANT=acme [ROLE=owner] [TTL=3600]
	@bash scripts/install-deps.sh >&2
	@$(SWIFT) build --product coaching-dev >&2
	@$(DEV_BIN) token --user "$(USER)" --tenant "$(TENANT)" $(if $(ROLE),--role "$(ROLE)") --ttl "$(TTL)"

spec: ## validate docs/openapi.yaml and check it against the router and the sample events
	python3 -m openapi_spec_validator docs/openapi.yaml
	$(SWIFT) build --product bootstrap
	$(SWIFT) build --product coaching-dev
	python3 -m pytest -q -p no:cacheprovider scripts/tests/test_openapi.py

fuzz: ## contract fuzzing: schemathesis against coaching-dev serve (bounded; FUZZ_MAX_EXAMPLES, FUZZ_MAX_TIME, FUZZ_SEED)
	$(SWIFT) build --product coaching-dev
	@bash scripts/contract-fuzz.sh

bench: ## benchmarks against the C and Python floors: one table, bench/results/latest.json (docs/PERFORMANCE.md)
	@bash bench/run.sh

lint: ## cfn-lint, statelint, and the glibc/size check of .build/release/bootstrap when built
	@bash scripts/lint.sh

lint-templates: ## cfn-lint on template.yaml and statelint on the state machine
	@bash scripts/lint.sh --templates

test-orchestrator: ## run the state machine in moto (own moto server) + template/events/Dockerfile checks
	@bash scripts/test-orchestrator.sh

events: ## regenerate events/ and events/manifest.json
	python3 scripts/generate-sample-events.py

package: ## Lambda zip in Amazon Linux 2023 with Docker: make package ARCH=arm64|x86_64 -> dist/
	@case "$(ARCH)" in arm64) ;; x86_64) ;; *) echo "ARCH must be arm64 or x86_64" >&2; exit 2 ;; esac
	@if ! command -v $(DOCKER) >/dev/null 2>&1; then \
	  echo "make package: no docker command here. The zip must be built in the Amazon Linux image" >&2; \
	  echo "  (a binary linked on this machine needs glibc 2.35; provided.al2023 has 2.34)." >&2; \
	  echo "  Run 'make package' on a machine with Docker (and buildx), see docs/DEPLOY.md." >&2; exit 1; fi
	@if ! $(DOCKER) info >/dev/null 2>&1; then \
	  echo "make package: the docker CLI is installed but no Docker engine answers ('docker info' fails)." >&2; \
	  echo "  The zip must be built in the Amazon Linux image (a binary linked here needs glibc 2.35;" >&2; \
	  echo "  provided.al2023 has 2.34), so there is no fallback to a local build." >&2; \
	  echo "  Start a Docker engine or run 'make package' where one runs; docs/DEPLOY.md." >&2; exit 1; fi
	$(DOCKER) buildx build --platform linux/$(if $(filter x86_64,$(ARCH)),amd64,arm64) \
	  --build-arg LAMBDA_ARCH=$(ARCH) --target export --output type=local,dest=dist .
	@cat dist/check-binary.txt | grep -E '^(glibc_required|stripped_bytes|zip_bytes|carried libraries)'
	@echo "dist/coaching-lambda.zip ($(ARCH)); deploy with: sam deploy --parameter-overrides Architecture=$(ARCH) ..."

clean:
	rm -rf .build
