#!/bin/sh
# The image's entry point: one image, three roles (see README, « Déploiement »).
#   web        migrates, gives the groups their permissions, serves with gunicorn
#   worker     sends the queued mails and runs the scheduled jobs
#   scheduler  queues the jobs when they are due
# Anything else is run as a command (e.g. `python manage.py createsuperuser`).
set -e
role=${1:-web}
export ROLE="$role"
case "$role" in
    web)
        python manage.py migrate --no-input
        python manage.py setup_groups
        exec gunicorn --config gunicorn.conf.py espace.wsgi
        ;;
    worker)
        exec python manage.py worker --interval "${WORKER_INTERVAL:-1}" --no-startup-delay
        ;;
    scheduler)
        exec python manage.py scheduler
        ;;
    *)
        exec "$@"
        ;;
esac
