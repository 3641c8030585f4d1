"""The database itself refuses two overlapping active bookings of one room.

PostgreSQL: an exclusion constraint (btree_gist) over [start, blocked_until).
SQLite: triggers that abort the insert or update; writers are serialised anyway
(transaction_mode=IMMEDIATE), the triggers make the rule hold for any writer.
Kept out of Meta.constraints because each database needs its own SQL.
"""

from django.db import migrations

ACTIVE = "('unconfirmed', 'pending', 'confirmed')"

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""ALTER TABLE booking_booking ADD CONSTRAINT booking_no_overlap
        EXCLUDE USING gist (room_id WITH =, tstzrange(start, blocked_until, '[)') WITH &&)
        WHERE (status IN {ACTIVE})""",
]
POSTGRES_REVERSE = ["ALTER TABLE booking_booking DROP CONSTRAINT booking_no_overlap"]

SQLITE_CHECK = f"""
    WHEN NEW.status IN {ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'booking_no_overlap') WHERE EXISTS (
            SELECT 1 FROM booking_booking AS other
            WHERE other.room_id = NEW.room_id AND other.id IS NOT NEW.id
              AND other.status IN {ACTIVE}
              AND other.start < NEW.blocked_until AND NEW.start < other.blocked_until
        );
    END"""
SQLITE = [
    f"CREATE TRIGGER booking_no_overlap_insert BEFORE INSERT ON booking_booking {SQLITE_CHECK}",
    f"CREATE TRIGGER booking_no_overlap_update BEFORE UPDATE ON booking_booking {SQLITE_CHECK}",
]
SQLITE_REVERSE = ["DROP TRIGGER booking_no_overlap_insert", "DROP TRIGGER booking_no_overlap_update"]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("booking", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
