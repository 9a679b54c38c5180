"""Storage: SQLModel tables, the engine, Alembic migrations and the repository (all SQL lives here)."""
