# syntax=docker/dockerfile:1
#
# One image for every production process of the case-governance service:
#   API (default):  node dist/src/entrypoints/api.js
#   worker:         node dist/src/entrypoints/worker.js
#   migrations:     node node_modules/prisma/build/index.js migrate deploy
# docker-compose.yml runs all three from this image.
#
# Install scripts stay off (`--ignore-scripts`), as on the developers' machines: nothing
# needs them (Prisma runs its WebAssembly engines, the Temporal core bridge and swc ship
# prebuilt binaries in their packages), and some would try to download or compile.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# --- build: every dependency, Prisma client generation, TypeScript compilation ---
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json prisma.config.ts ./
COPY prisma ./prisma
COPY src ./src
# `npm run build` = `prisma generate` (DATABASE_URL defaults to a dummy URL) + `tsc -p tsconfig.build.json`
# + the workflow bundle (dist/workflow-bundle.js): the worker loads it instead of running webpack at every start.
RUN npm run build

# --- production dependencies only (the prisma CLI is one: migrations run from this image) ---
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# --- runtime ---
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    CHECKPOINT_DISABLE=1
# Owned by root and read-only for the `node` user that runs the processes.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# prisma.config.ts is loaded by the prisma CLI itself (through jiti, a dependency of
# @prisma/config): `migrate deploy` needs neither tsx nor TypeScript at run time.
COPY package.json prisma.config.ts ./
COPY prisma ./prisma

USER node
EXPOSE 3000

# Liveness of the API. The worker has no HTTP server: run it with its own health check
# (docker-compose.yml sets one) or `--no-healthcheck`.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/src/entrypoints/api.js"]
