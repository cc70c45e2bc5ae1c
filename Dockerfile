# RTC Doctor as a container: a clean install and a standalone build, then only .next/standalone in a slim image,
# run by an unprivileged user. scripts/standalone-smoke.ts runs the same steps without a container runtime (CI).
#   docker build -t rtc-doctor .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e BETTER_AUTH_SECRET=… rtc-doctor

FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build:standalone

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    RTC_DOCTOR_DATA_DIR=/data \
    RTC_DOCTOR_LOG_FORMAT=json
RUN groupadd --system rtc && useradd --system --gid rtc --home-dir /app --shell /usr/sbin/nologin rtc \
    && mkdir /data && chown rtc:rtc /data && chmod 700 /data
WORKDIR /app
COPY --from=build --chown=rtc:rtc /src/.next/standalone ./
USER rtc
EXPOSE 3000
VOLUME ["/data"]
# Ready means: the database answers, every migration is applied and the session listener is connected.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains: in-flight requests finish, event streams are told to reconnect (RTC_DOCTOR_SHUTDOWN_GRACE_SECONDS).
STOPSIGNAL SIGTERM
CMD ["node", "server.mjs"]
