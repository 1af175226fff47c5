# syntax=docker/dockerfile:1
# delegation-bot in a container: built with the locked dependencies, run as an unprivileged
# user on a slim base, the database in the /data volume. See README, "Deploy".
#
# The Rust version is Cargo.toml's rust-version, and both stages use the same Debian release
# (the binary links its glibc); tests/operate/deploy.rs checks both, and that every folder
# the build reads is copied in.

FROM rust:1.94-slim-trixie AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY migrations_state ./migrations_state
COPY locales ./locales
COPY assets ./assets
COPY data ./data
COPY benches ./benches
# SQLite is compiled in (bundled) and TLS is rustls with its own roots: the binary needs no
# system libraries beyond glibc and no CA bundle.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin delegation-bot \
    && cp target/release/delegation-bot /usr/local/bin/delegation-bot

FROM debian:trixie-slim
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid 10001 --home-dir /data --shell /usr/sbin/nologin bot \
    && mkdir /data && chown 10001:10001 /data
COPY --from=build /usr/local/bin/delegation-bot /usr/local/bin/delegation-bot
USER 10001:10001
WORKDIR /data
ENV DATABASE_URL=sqlite:///data/delegations.db \
    METRICS_ADDR=0.0.0.0:9184
VOLUME ["/data"]
EXPOSE 9184
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["delegation-bot", "healthcheck"]
ENTRYPOINT ["delegation-bot"]
CMD ["serve"]
