# PurposePath coaching service: common tasks. `make help` lists them.
SWIFT ?= swift
EVENT ?= events/http/health.json
EVENTS ?= events/http/health.json events/http/coaching-chat.json events/stepfunctions/coaching-task-orchestrated.json
DEBUG_BIN := .build/debug/bootstrap
DEV_BIN := .build/debug/coaching-dev
ARCH ?= x86_64
DOCKER ?= docker
REPO_ROOT := $(dir $(abspath $(lastword $(MAKEFILE_LIST))))
PACKAGE_ZIP ?= $(REPO_ROOT)dist/coaching-lambda.zip
PORT ?= 3000
HOST ?= 127.0.0.1
TENANT ?= tenant-local
TTL ?= 3600

.PHONY: help deps build release test coverage invoke local serve token spec fuzz bench lint lint-templates test-orchestrator events package package-docker package-smoke build-CoachingFunction clean

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

package: ## the Lambda zip -> dist/: ARCH=x86_64 (default) builds here without Docker; ARCH=arm64 goes through Docker (package-docker)
	@case "$(ARCH)" in \
	  x86_64) bash scripts/package.sh x86_64 ;; \
	  arm64) if command -v $(DOCKER) >/dev/null 2>&1 && $(DOCKER) info >/dev/null 2>&1; then \
	           $(MAKE) --no-print-directory package-docker ARCH=arm64; \
	         else echo "make package ARCH=arm64: no Docker engine answers here, and arm64 is built only with Docker." >&2; \
	              bash scripts/package.sh arm64; fi ;; \
	  *) echo "ARCH must be x86_64 or arm64" >&2; exit 2 ;; \
	esac

package-docker: ## the Lambda zip built in Amazon Linux 2023 with Docker: make package-docker ARCH=arm64|x86_64 -> dist/
	@case "$(ARCH)" in arm64) ;; x86_64) ;; *) echo "ARCH must be arm64 or x86_64" >&2; exit 2 ;; esac
	@if ! command -v $(DOCKER) >/dev/null 2>&1; then \
	  echo "make package-docker: no docker command here. Without Docker only x86_64 can be built:" >&2; \
	  echo "  make package ARCH=x86_64 (docs/DEPLOY.md)." >&2; exit 1; fi
	@if ! $(DOCKER) info >/dev/null 2>&1; then \
	  echo "make package-docker: the docker CLI is installed but no Docker engine answers ('docker info' fails)." >&2; \
	  echo "  Start a Docker engine, or build x86_64 without Docker: make package ARCH=x86_64 (docs/DEPLOY.md)." >&2; exit 1; fi
	$(DOCKER) buildx build --platform linux/$(if $(filter x86_64,$(ARCH)),amd64,arm64) \
	  --build-arg LAMBDA_ARCH=$(ARCH) --target export --output type=local,dest=dist .
	@cat dist/check-binary.txt | grep -E '^(glibc_required|glibcxx_required|stripped_bytes|zip_bytes|carried libraries)'
	@rm -rf dist/lambda && mkdir -p dist/lambda && unzip -q dist/coaching-lambda.zip -d dist/lambda
	@echo "dist/coaching-lambda.zip ($(ARCH)); deploy with: sam deploy --parameter-overrides Architecture=$(ARCH) ..."

package-smoke: ## build the x86_64 zip, then run its bootstrap in a Swift-free minimal Debian root (debootstrap; root needed)
	@bash scripts/package.sh x86_64
	@bash scripts/package-smoke.sh dist/coaching-lambda.zip

# `sam build` (template.yaml: BuildMethod makefile) runs this from a scratch copy of
# CodeUri with ARTIFACTS_DIR set: it builds nothing, it takes the zip `make package` built.
build-CoachingFunction:
	@if [ ! -f "$(PACKAGE_ZIP)" ]; then \
	  echo "sam build: $(PACKAGE_ZIP) does not exist. Build it first:" >&2; \
	  echo "  make package ARCH=x86_64      (this machine, no Docker)" >&2; \
	  echo "  make package-docker ARCH=arm64 (Amazon Linux image; QEMU on an x86 host)" >&2; exit 1; fi
	@[ -n "$(ARTIFACTS_DIR)" ] || { echo "build-CoachingFunction: ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 2; }
	@unzip -Z1 "$(PACKAGE_ZIP)" | grep -qx bootstrap || { echo "sam build: $(PACKAGE_ZIP) has no bootstrap at its root" >&2; exit 1; }
	@unzip -q -o "$(PACKAGE_ZIP)" -d "$(ARTIFACTS_DIR)"
	@echo "sam build: $(PACKAGE_ZIP) ($$(cat "$(dir $(PACKAGE_ZIP))coaching-lambda.arch" 2>/dev/null || echo 'architecture unknown')) -> $(ARTIFACTS_DIR)"

clean:
	rm -rf .build
