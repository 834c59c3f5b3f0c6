# Waymark in a container: Node.js from the official image, packages from the npm registry only.
#   docker build -t waymark .
#   docker run -p 3000:3000 --env-file waymark.env -v waymark-data:/var/lib/waymark waymark
FROM node:20-bookworm-slim

# better-sqlite3 and argon2 build from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/waymark
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
# npm ci also builds dist/ (the `prepare` script): the server runs compiled JavaScript.
RUN npm ci --omit=dev && npm cache clean --force

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/waymark \
    DATABASE_URL=/var/lib/waymark/waymark.sqlite

RUN mkdir -p /var/lib/waymark && chown node:node /var/lib/waymark
VOLUME /var/lib/waymark
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Node itself, so that docker stop's SIGTERM reaches Waymark.
CMD ["node", "bin/waymark.js", "serve"]
