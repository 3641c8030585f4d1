#!/bin/sh
# The image's entry point: one image, three roles (see README, « Déploiement »).
#   web        migrates, gives the groups their permissions, queues the pictures' renditions,
#              serves with gunicorn
#   worker     sends the queued mails and runs the scheduled jobs
#   scheduler  queues the jobs when they are due
# Anything else is run as a command (e.g. `python manage.py createsuperuser`).
set -e
role=${1:-web}
export ROLE="$role"

# The worker and the scheduler start once web has migrated the database (a new image
# may bring migrations); until then they wait instead of failing.
wait_for_migrations() {
    until python manage.py migrate --check >/dev/null 2>&1; do
        echo "$role : en attente de la base de données et de ses migrations..."
        sleep 3
    done
}

case "$role" in
    web)
        python manage.py migrate --no-input
        python manage.py setup_groups
        # Templates of a new image may ask for other renditions: the worker makes them (one task).
        python manage.py make_renditions --queue
        exec gunicorn --config gunicorn.conf.py espace.wsgi
        ;;
    worker)
        wait_for_migrations
        exec python manage.py worker --interval "${WORKER_INTERVAL:-1}" --no-startup-delay
        ;;
    scheduler)
        wait_for_migrations
        exec python manage.py scheduler
        ;;
    *)
        exec "$@"
        ;;
esac
