"""Storage: which database, opening and migrating it, connections, passwords, backups, live updates, transfer, audit, users."""
