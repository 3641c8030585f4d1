"""Gunicorn configuration, shared by the Docker image and `make serve`."""

import os

# Behind a reverse proxy in production; PORT lets `make serve` and the image pick it.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Two cores on the target machine: 2 workers × 4 threads handle the traffic of a
# local site while keeping memory low; requests mostly wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"

# Recycle workers now and then so that a slow leak never grows unbounded.
max_requests = 1000
max_requests_jitter = 100

# A request that takes longer than this is stuck: the worker is restarted.
timeout = 30
graceful_timeout = 30
keepalive = 5

# Access log on stdout without the query string (it can carry personal data such
# as a search term); errors on stderr.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
