"""Gunicorn configuration, shared by the Docker image and `make serve`."""

import os

# Behind a reverse proxy in production; PORT lets `make serve` and the image pick it.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Two cores on the target machine: 2 workers × 4 threads. Measured with bench/throughput.py
# (8 clients): kept pages and static files 3 to 4 times faster than with 2 sync workers (which
# close every connection: no keep-alive), rendered pages alike (the work is Python, under one
# lock); and no proxy buffers slow clients in the compose stack, so a sync worker would wait on
# each. GUNICORN_THREADS=1 gives plain sync workers.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"

# No recycling every N requests: with the page cache 1,000 requests go by in a second, and a
# worker's memory settles (110 → 124 MiB over ~140,000 requests, bench/throughput.py). A bound
# comes back with GUNICORN_MAX_REQUESTS if a leak ever shows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# A request that takes longer than this is stuck: the worker is restarted.
timeout = 30
graceful_timeout = 30
keepalive = 5

# Access log (ACCESS_LOG=1) on stdout, without the query string (it can carry personal data
# such as a search term); off by default: a line per request is most of the log's volume and
# nobody reads it. Errors always go to stderr.
accesslog = "-" if os.environ.get("ACCESS_LOG", "").lower() in {"1", "true", "yes"} else None
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
