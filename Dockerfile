# Production image: gunicorn serving the site with production settings.
# Build: docker build -t espace-numerique .
# Run:   docker run -e SECRET_KEY=... -e ALLOWED_HOSTS=example.org -e DATABASE_URL=postgres://... -p 8000:8000 espace-numerique

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
    MEDIA_ROOT=/data/media
RUN useradd --create-home --uid 1000 espace && mkdir -p /data/media && chown espace /data/media
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=espace . .
# Static files are collected (hashed and compressed) at build time; the key is a throwaway.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v 0
USER espace
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"
# Migrations run before the server starts, so that a new image upgrades the database.
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py setup_groups && exec gunicorn --config gunicorn.conf.py espace.wsgi"]
