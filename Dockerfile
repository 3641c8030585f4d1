# Production image: one image, three roles (deploy/entrypoint.sh): web (gunicorn),
# worker (mails and jobs) and scheduler. Build: docker build -t espace-numerique .
# Run:   docker run -e SECRET_KEY=... -e SITE_URL=https://example.org -e DATABASE_URL=postgres://... -p 8000:8000 espace-numerique web
#        (the same with `worker` and `scheduler`)

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=espace.settings.production \
    HOST=0.0.0.0 \
    PORT=8000 \
    MEDIA_ROOT=/data/media \
    HEARTBEAT_DIR=/tmp
RUN useradd --create-home --uid 1000 espace && mkdir -p /data/media && chown espace /data/media
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=espace . .
# Static files are collected (hashed and compressed) at build time; the key is a throwaway.
RUN SECRET_KEY=collectstatic-only SITE_URL=http://build.invalid python manage.py collectstatic --no-input -v 0
USER espace
EXPOSE 8000
# Readiness for web (database, migrations, static files), a fresh heartbeat for the others.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "deploy/healthcheck.py"]
# web migrates before it serves, so that a new image upgrades the database.
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["web"]
