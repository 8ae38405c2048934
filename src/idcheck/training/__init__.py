"""Training mode: synthetic cases in a throw-away store that never touches real data."""

__all__: list[str] = []
