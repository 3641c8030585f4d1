"""The database itself refuses two overlapping active bookings of one room.

PostgreSQL: an exclusion constraint (btree_gist) over [start, blocked_until).
SQLite: triggers that abort the insert or update; writers are serialised anyway
(transaction_mode=IMMEDIATE), the triggers make the rule hold for any writer.
Kept out of Meta.constraints because each database needs its own SQL.

SQLite drops a table's triggers when a migration rebuilds the table, so they are
installed again after every migrate (BookingConfig.ready); the statements are
idempotent.
"""

ACTIVE = "('unconfirmed', 'pending', 'confirmed')"

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE booking_booking DROP CONSTRAINT IF EXISTS booking_no_overlap",
    f"""ALTER TABLE booking_booking ADD CONSTRAINT booking_no_overlap
        EXCLUDE USING gist (room_id WITH =, tstzrange(start, blocked_until, '[)') WITH &&)
        WHERE (status IN {ACTIVE})""",
]

# Built from constants only, no outside input.
SQLITE_CHECK = f"""
    WHEN NEW.status IN {ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'booking_no_overlap') WHERE EXISTS (
            SELECT 1 FROM booking_booking AS other
            WHERE other.room_id = NEW.room_id AND other.id IS NOT NEW.id
              AND other.status IN {ACTIVE}
              AND other.start < NEW.blocked_until AND NEW.start < other.blocked_until
        );
    END"""  # noqa: S608
SQLITE = [
    f"CREATE TRIGGER IF NOT EXISTS booking_no_overlap_insert BEFORE INSERT ON booking_booking {SQLITE_CHECK}",
    f"CREATE TRIGGER IF NOT EXISTS booking_no_overlap_update BEFORE UPDATE ON booking_booking {SQLITE_CHECK}",
]

STATEMENTS = {"postgresql": POSTGRES, "sqlite": SQLITE}


def install(connection):
    with connection.cursor() as cursor:
        for statement in STATEMENTS.get(connection.vendor, []):
            cursor.execute(statement)


def reinstall_sqlite_triggers(using="default", **kwargs):
    """post_migrate: put back the triggers a table rebuild may have dropped."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite" and "booking_booking" in connection.introspection.table_names():
        install(connection)
