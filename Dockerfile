# Development image: compiler, -dev packages, lint tools, the source and a Release build (tests
# included). scripts/lint runs in it as it does in the build stage of Dockerfile.prod.
#
# The build tree lives in /usr/src/build, outside the source, so the source can be mounted over
# /usr/src/app for a dev loop without hiding the build:
#   docker-compose build users
#   docker-compose run --rm -v "$PWD":/usr/src/app --service-ports users \
#     sh -c 'cmake --build /usr/src/build -j2 && exec users-server'
#   docker-compose run --rm -v "$PWD":/usr/src/app users \
#     sh -c 'cmake --build /usr/src/build -j2 && ctest --test-dir /usr/src/build -L unit'
#
# The steps up to the compile are kept identical to the build stage of Dockerfile.prod: the
# builder cache then shares the package install and the compile between both images.

# Swagger UI's files for /doc: the four the server reads (SWAGGER_UI_DIR) and the package's
# LICENSE, NOTICE and the bundle's third-party licences beside them, from the npm package pinned
# in swagger-ui/package-lock.json. Taken as they are when scripts/install-swagger-ui has
# filled swagger-ui/node_modules; otherwise installed here with Debian's Node (this stage only).
FROM debian:bookworm-slim AS swagger-ui
WORKDIR /usr/src/swagger-ui
COPY swagger-ui/ ./
RUN if [ ! -f node_modules/swagger-ui-dist/swagger-ui-bundle.js ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends nodejs npm ca-certificates \
      && SCARF_ANALYTICS=false npm ci --omit=dev --no-audit --no-fund --loglevel=error; \
    fi \
 && mkdir -p /usr/share/swagger-ui \
 && cd node_modules/swagger-ui-dist \
 && cp swagger-ui-bundle.js swagger-ui.css favicon-16x16.png favicon-32x32.png \
       LICENSE NOTICE swagger-ui-bundle.js.LICENSE.txt /usr/share/swagger-ui/

FROM debian:bookworm-slim

# The build packages and the lint tools, from the one list the scripts use.
WORKDIR /usr/src/app
COPY scripts/install-deps scripts/lib.bash scripts/
RUN scripts/install-deps --build-only clang-format clang-tidy cppcheck shellcheck \
 && rm -rf /var/lib/apt/lists/*

COPY . .
# A unity build: the same binary's code in a third of the compile time. The dev image and the
# prod build stage run these same steps, so one build serves both from the layer cache.
RUN cmake -S . -B /usr/src/build -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
 && cmake --build /usr/src/build -j2

COPY --from=swagger-ui /usr/share/swagger-ui /usr/share/swagger-ui

# users-server and manage on PATH: `docker-compose exec users manage seed_db`.
ENV PATH=/usr/src/build/project:/usr/src/build/manage:$PATH \
    APP_SETTINGS=development \
    PORT=5000 \
    SWAGGER_UI_DIR=/usr/share/swagger-ui
EXPOSE 5000
CMD ["users-server"]
