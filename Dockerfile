# Production image: one image, three roles (deploy/entrypoint.sh): web (gunicorn),
# worker (mails, jobs, backups) and scheduler. compose.yaml runs the whole stack.
# Build: docker build -t espace-numerique .    (podman: see deploy/check.py)

# Debian bookworm, like the PostgreSQL 15 of compose.yaml: pg_dump must not be older than the server.
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
# Every transitive dependency pinned by hash: the same bytes on every build.
RUN /venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.lock

FROM python:3.11-slim-bookworm
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=espace.settings.production \
    HOST=0.0.0.0 \
    PORT=8000 \
    MEDIA_ROOT=/data/media \
    BACKUP_DIR=/data/backups \
    HEARTBEAT_DIR=/tmp
# pg_dump and pg_restore for the backups.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 espace \
    && mkdir -p /data/media /data/backups && chown espace /data/media /data/backups
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=espace . .
# Static files are collected (hashed and compressed) at build time; the key is a throwaway.
RUN SECRET_KEY=collectstatic-only SITE_URL=http://build.invalid python manage.py collectstatic --no-input -v 0
USER espace
EXPOSE 8000
VOLUME ["/data/media", "/data/backups"]
# Readiness for web (database, migrations, static files), a fresh heartbeat for the others.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "deploy/healthcheck.py"]
# web migrates before it serves, so that a new image upgrades the database.
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["web"]
