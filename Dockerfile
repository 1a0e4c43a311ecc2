# syntax=docker/dockerfile:1.7
#
# The Lambda zip for provided.al2023, built in Amazon Linux 2023 so that the
# binary needs no glibc newer than 2.34 (a binary linked on Debian 12 needs
# GLIBC_2.35). `make package ARCH=arm64|x86_64` runs:
#
#   docker buildx build --platform linux/arm64 --build-arg LAMBDA_ARCH=arm64 \
#     --target export --output type=local,dest=dist .
#
# and gets dist/coaching-lambda.zip (bootstrap at the root, plus lib/ only if the
# runtime image lacks a library the binary loads), dist/coaching-lambda.arch and
# dist/check-binary.txt (the measured glibc, sizes and carried libraries).
#
# Stages: build (Swift on AL2023: compile, strip, enforce glibc <= 2.34,
# glibcxx <= 3.4.29 and the size budget) -> verify (the real provided.al2023
# image: resolve every shared library, carry only missing ones, run two events)
# -> package (zip, check the zip) -> export (the files alone).
#
# This is the path for arm64 (no arm64 Swift SDK on the development machine;
# on an x86_64 host buildx emulates arm64 with QEMU/binfmt, which is slow) and
# for building inside Amazon Linux. x86_64 also builds without Docker:
# `make package ARCH=x86_64` (scripts/package.sh).

# Swift 6.3.1 for Amazon Linux 2023 (swiftlang/swift-docker 6.3/amazonlinux/2023).
ARG SWIFT_IMAGE=swift:6.3.1-amazonlinux2023
# The OS-only Lambda base image the function runs on (multi-arch tag).
ARG RUNTIME_IMAGE=public.ecr.aws/lambda/provided:al2023

# ------------------------------------------------------------------ build
FROM ${SWIFT_IMAGE} AS build
ARG LAMBDA_ARCH=arm64
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# zip for the package; binutils (objdump, strip) and libcurl-devel come with the image.
RUN dnf -y install zip findutils && dnf clean all
WORKDIR /src
RUN case "${LAMBDA_ARCH}" in \
      arm64) expected=aarch64; platform=linux/arm64 ;; \
      x86_64) expected=x86_64; platform=linux/amd64 ;; \
      *) echo "LAMBDA_ARCH must be arm64 or x86_64, not ${LAMBDA_ARCH}" >&2; exit 1 ;; \
    esac; \
    if [ "$(uname -m)" != "${expected}" ]; then \
      echo "LAMBDA_ARCH=${LAMBDA_ARCH} but this stage runs on $(uname -m): build with --platform ${platform}" >&2; \
      exit 1; \
    fi
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY scripts/check-binary.sh ./scripts/check-binary.sh
RUN --mount=type=cache,target=/src/.build,id=swift-build-${LAMBDA_ARCH} \
    swift build -c release --static-swift-stdlib --product bootstrap \
 && mkdir -p /out \
 && cp .build/release/bootstrap /out/bootstrap
RUN strip /out/bootstrap
# Fails the build when the binary needs glibc > 2.34 or is over the size budget.
RUN scripts/check-binary.sh /out/bootstrap | tee /out/check-binary.txt
# Every shared library the binary loads, as resolved here: the candidates to
# carry in the zip if the runtime image turns out not to have one.
RUN mkdir -p /out/candidates \
 && ldd /out/bootstrap | awk '/=> \// {print $3}' | xargs -r -I{} cp -L {} /out/candidates/ \
 && ldd /out/bootstrap | tee -a /out/check-binary.txt

# ------------------------------------------------------------------ verify
FROM ${RUNTIME_IMAGE} AS verify
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
COPY --from=build /out/bootstrap /var/task/bootstrap
COPY --from=build /out/candidates/ /tmp/candidates/
COPY --from=build /out/check-binary.txt /var/task-report/check-binary.txt
# Lambda's own library path for provided runtimes: system libraries first, then
# the function's lib/ directory.
ENV LD_LIBRARY_PATH=/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib
# provided.al2023 is AL2023-minimal: glibc 2.34, libstdc++, libgcc and
# libcurl-minimal (curl-minimal, microdnf) are expected to be there. Anything the
# loader cannot find is carried in /var/task/lib; if a library is missing here and
# was not a build-image library either, the build fails.
RUN set -eu; \
    loader=""; \
    for candidate in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do \
      if [ -e "${candidate}" ]; then loader="${candidate}"; fi; \
    done; \
    [ -n "${loader}" ] || { echo "no dynamic loader found" >&2; exit 1; }; \
    mkdir -p /var/task/lib; \
    for _ in 1 2 3 4 5 6; do \
      missing="$({ LD_TRACE_LOADED_OBJECTS=1 "${loader}" /var/task/bootstrap || true; } | awk '/not found/ {print $1}')"; \
      [ -z "${missing}" ] && break; \
      for lib in ${missing}; do \
        cp "/tmp/candidates/${lib}" /var/task/lib/ || { echo "${lib} is missing from the runtime image and the build image" >&2; exit 1; }; \
      done; \
    done; \
    LD_TRACE_LOADED_OBJECTS=1 "${loader}" /var/task/bootstrap | tee -a /var/task-report/check-binary.txt; \
    if { LD_TRACE_LOADED_OBJECTS=1 "${loader}" /var/task/bootstrap || true; } | grep -q "not found"; then exit 1; fi; \
    echo "carried libraries: $(ls /var/task/lib | tr '\n' ' ')" | tee -a /var/task-report/check-binary.txt; \
    if [ -z "$(ls -A /var/task/lib)" ]; then rmdir /var/task/lib; fi
# The binary runs events on the runtime OS (its glibc, its libstdc++, its
# libcurl): the health route, then a chat turn whose model call goes through
# libcurl to a closed loopback port, so the offline coach answers (fallback).
COPY events/http/health.json events/http/coaching-chat.json /tmp/events/
RUN cd /tmp \
 && COACHING_DATA_DIR=/tmp/coaching-data /var/task/bootstrap invoke /tmp/events/health.json | tee /tmp/health.out \
 && grep -q '"statusCode":200' /tmp/health.out \
 && COACHING_DATA_DIR=/tmp/coaching-data LLM_PROVIDER=openai OPENAI_BASE_URL=http://127.0.0.1:9/v1 OPENAI_MODEL=verify \
    LLM_TIMEOUT_MS=2000 /var/task/bootstrap invoke /tmp/events/coaching-chat.json 2>/tmp/chat.err | tee /tmp/chat.out \
 && grep -q '"statusCode":200' /tmp/chat.out \
 && grep -q '"fallback":true' /tmp/chat.err \
 && rm -rf /tmp/events /tmp/coaching-data /tmp/*.out /tmp/chat.err

# ------------------------------------------------------------------ package
FROM build AS package
ARG LAMBDA_ARCH=arm64
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
COPY --from=verify /var/task/ /package/
COPY --from=verify /var/task-report/check-binary.txt /out/check-binary.txt
# bootstrap at the root of the zip (Lambda's `Handler: bootstrap`), fixed
# timestamps so the same binary gives the same zip.
RUN cd /package \
 && find . -exec env TZ=UTC touch -h -d "1980-01-01 00:00:00" {} + \
 && find . -print | LC_ALL=C sort | TZ=UTC zip -q -9 -X -D -@ /out/coaching-lambda.zip \
 && unzip -Z1 /out/coaching-lambda.zip | grep -qx bootstrap \
 && /src/scripts/check-binary.sh --zip /out/coaching-lambda.zip /package/bootstrap | tee -a /out/check-binary.txt \
 && echo "${LAMBDA_ARCH}" > /out/coaching-lambda.arch

# ------------------------------------------------------------------ export
FROM scratch AS export
COPY --from=package /out/coaching-lambda.zip /out/coaching-lambda.arch /out/check-binary.txt /
